import { useT } from '../lib/i18n/i18n-context';

/** The equivalent ipvsadm command(s), shown before a change is applied. */
export function CommandPreview({ commands }: { commands: string | readonly string[] }) {
  const t = useT();
  const lines = typeof commands === 'string' ? [commands] : commands;
  if (lines.length === 0) return null;
  return (
    <div className="command-preview">
      <div className="command-label">{t('command.equivalent')}</div>
      <pre className="command" aria-label={t('command.equivalent')}>
        {lines.join('\n')}
      </pre>
    </div>
  );
}
