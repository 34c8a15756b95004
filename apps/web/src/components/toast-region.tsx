import { useToasts } from '../lib/feedback/toasts';
import { useT } from '../lib/i18n/i18n-context';
import './toast-region.css';

/** Where short confirmations appear; announced politely to screen readers. */
export function ToastRegion() {
  const t = useT();
  const toasts = useToasts();
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          {t(toast.message)}
        </div>
      ))}
    </div>
  );
}
