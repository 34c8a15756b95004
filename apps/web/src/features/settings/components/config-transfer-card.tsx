import { useState } from 'react';
import { AllowedButton } from '../../../components/allowed-button';
import { useQuery } from '@tanstack/react-query';
import type { RestorePlan } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { errorProblems, hasErrorCode } from '../../../lib/api/api-error';
import { useT } from '../../../lib/i18n/i18n-context';
import { replaceTableCommand, restoreCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { servicesQueryOptions } from '../../../lib/table/get-services';
import { exportConfig, useImportConfig, type ImportMode } from '../api/config';
import { ImportPlan, ImportProblems, ReplaceAllConfirmation } from './import-plan';

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'ipvsadm-rules.txt';
  link.click();
  URL.revokeObjectURL(url);
}

// Replace first: an exported text, edited and imported again, is a whole table (merging it would refuse
// its -A lines for services that exist, as ipvsadm -R does). Merge is for snippets.
const modes = [
  {
    mode: 'replace',
    label: 'config.modeReplace',
    hint: 'config.modeReplaceHint',
    command: replaceTableCommand,
  },
  { mode: 'merge', label: 'config.modeMerge', hint: 'config.modeMergeHint', command: restoreCommand },
] as const;

/** Export (download) the table in ipvsadm save format; import: paste or upload, see the plan, then apply. */
export function ConfigTransferCard() {
  const t = useT();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ImportMode>('replace');
  const [replaceAll, setReplaceAll] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const [applied, setApplied] = useState(false);
  const importer = useImportConfig();
  const { data: serviceCount = 0 } = useQuery({ ...servicesQueryOptions(), select: (list) => list.length });
  const problems = errorProblems(importer.error);
  const needsConfirmation = hasErrorCode(importer.error, 'CONFIRMATION_REQUIRED');
  const current = modes.find((entry) => entry.mode === mode) ?? modes[0];

  /** A new text or mode needs a new dry run, and a new confirmation if it empties the table. */
  const startOver = () => {
    setPlan(null);
    setReplaceAll(false);
    setApplied(false);
    importer.reset();
  };
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
  const preview = (confirmed = replaceAll) => {
    setApplied(false);
    importer.mutate(
      { text, mode, dryRun: true, replaceAll: confirmed },
      { onSuccess: (result) => setPlan(result), onError: () => setPlan(null) },
    );
  };
  const apply = () =>
    importer.mutate(
      { text, mode, dryRun: false, replaceAll },
      {
        onSuccess: () => {
          setPlan(null);
          setReplaceAll(false);
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
                  startOver();
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
            startOver();
          }}
        />
      </label>
      <fieldset className="import-modes">
        <legend>{t('config.mode')}</legend>
        {modes.map((entry) => (
          <label key={entry.mode} className="check import-mode">
            <input
              type="radio"
              name="import-mode"
              value={entry.mode}
              checked={mode === entry.mode}
              onChange={() => {
                setMode(entry.mode);
                startOver();
              }}
            />
            <span>
              <b>{t(entry.label)}</b> <span className="muted">{t(entry.hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <CommandPreview commands={current.command} />
      {problems.length > 0 ? (
        <ImportProblems problems={problems} />
      ) : needsConfirmation ? (
        <ReplaceAllConfirmation
          count={serviceCount}
          onConfirm={() => {
            setReplaceAll(true);
            preview(true);
          }}
        />
      ) : (
        <ActionError error={importer.error} />
      )}
      {plan && <ImportPlan plan={plan} />}
      {applied && (
        <p className="muted" role="status">
          {t('config.applied')}
        </p>
      )}
      <div className="row" style={{ marginTop: 8 }}>
        <AllowedButton
          request={['PUT', '/config', text]}
          disabled={!text.trim() || importer.isPending}
          onClick={() => preview()}
        >
          {t('config.dryRun')}
        </AllowedButton>
        <AllowedButton
          request={['PUT', '/config', text]}
          className={replaceAll ? 'danger' : 'primary'}
          disabled={!plan || importer.isPending}
          onClick={apply}
        >
          {t('config.apply')}
        </AllowedButton>
      </div>
    </section>
  );
}
