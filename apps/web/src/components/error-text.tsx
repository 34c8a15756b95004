import { ApiError, errorMessage } from '../lib/api/api-error';
import { useT } from '../lib/i18n/i18n-context';

// Errors from the agent, in the agent's words, shown where the user acted: next to the field (FieldError)
// or under the button (ActionError). role="alert" so screen readers announce them. When the agent could not
// be reached there are no words of its own, only the browser's ("Failed to fetch"): say it in ours.
export function ActionError({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const unreachable = error instanceof ApiError && error.code === 'NETWORK';
  return (
    <div className="action-error" role="alert">
      {unreachable ? t('error.unreachable') : errorMessage(error)}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}
