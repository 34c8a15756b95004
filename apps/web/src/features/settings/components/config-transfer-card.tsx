import { useState } from 'react';
import type { RestorePlan } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { restoreCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { exportConfig, useImportConfig } from '../api/config';

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'ipvsadm-rules.txt';
  link.click();
  URL.revokeObjectURL(url);
}

function PlanList({ plan }: { plan: RestorePlan }) {
  const t = useT();
  const empty = plan.added.length + plan.changed.length + plan.removed.length === 0;
  if (empty) return <p className="muted">{t('config.noChanges')}</p>;
  return (
    <div data-testid="restore-plan">
      {(['added', 'changed', 'removed'] as const).map((kind) =>
        plan[kind].length ? (
          <div key={kind}>
            <h3>{t(`config.${kind}`, { count: plan[kind].length })}</h3>
            <ul className="plan-list">
              {plan[kind].map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </div>
  );
}

/** Export (download) the table in ipvsadm save format; import: paste or upload, see the plan, then apply. */
export function ConfigTransferCard() {
  const t = useT();
  const [text, setText] = useState('');
  const [exportError, setExportError] = useState<unknown>(null);
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const [applied, setApplied] = useState(false);
  const importer = useImportConfig();

  const onExport = async () => {
    try {
      setExportError(null);
      const saved = await exportConfig();
      setText(saved);
      download(saved);
    } catch (error) {
      setExportError(error);
    }
  };
  const preview = () => {
    setApplied(false);
    importer.mutate(
      { text, dryRun: true },
      { onSuccess: (result) => setPlan(result), onError: () => setPlan(null) },
    );
  };
  const apply = () =>
    importer.mutate(
      { text, dryRun: false },
      {
        onSuccess: () => {
          setPlan(null);
          setApplied(true);
        },
      },
    );

  return (
    <section className="card" aria-labelledby="config-heading">
      <h2 id="config-heading">{t('config.title')}</h2>
      <p className="muted">{t('config.hint')}</p>
      <div className="row">
        <button type="button" onClick={() => void onExport()}>
          {t('config.export')}
        </button>
        <label className="button">
          {t('config.upload')}
          <input
            type="file"
            accept=".txt,text/plain"
            className="visually-hidden"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file)
                void file.text().then((content) => {
                  setText(content);
                  setPlan(null);
                });
            }}
          />
        </label>
      </div>
      <ActionError error={exportError} />
      <label className="field" style={{ marginTop: 8 }}>
        <span className="label">{t('config.text')}</span>
        <textarea
          rows={8}
          value={text}
          spellCheck={false}
          onChange={(event) => {
            setText(event.target.value);
            setPlan(null);
          }}
        />
      </label>
      <CommandPreview commands={restoreCommand} />
      <ActionError error={importer.error} />
      {plan && <PlanList plan={plan} />}
      {applied && (
        <p className="muted" role="status">
          {t('config.applied')}
        </p>
      )}
      <div className="row" style={{ marginTop: 8 }}>
        <button type="button" disabled={!text.trim() || importer.isPending} onClick={preview}>
          {t('config.dryRun')}
        </button>
        <button type="button" className="primary" disabled={!plan || importer.isPending} onClick={apply}>
          {t('config.apply')}
        </button>
      </div>
    </section>
  );
}
