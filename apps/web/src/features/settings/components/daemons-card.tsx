import { useQuery } from '@tanstack/react-query';
import { AllowedButton } from '../../../components/allowed-button';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { stopDaemonCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { daemonsQueryOptions, useStopDaemon } from '../api/daemons';
import { DaemonForm } from './daemon-form';
import { daemonSummary } from './daemon-summary';

/** Connection synchronisation daemons (ipvsadm --start-daemon / --stop-daemon, -L --daemon). */
export function DaemonsCard() {
  const t = useT();
  const daemons = useQuery(daemonsQueryOptions());
  const stop = useStopDaemon();
  return (
    <section className="card" aria-labelledby="daemons-heading">
      <h2 id="daemons-heading">{t('daemons.title')}</h2>
      <ActionError error={daemons.error} />
      {daemons.data?.length === 0 && <p className="muted">{t('daemons.none')}</p>}
      <ul>
        {daemons.data?.map((daemon) => (
          <li key={daemon.state} className="row">
            <span className="mono">{daemonSummary(daemon)}</span>
            <AllowedButton
              request={['DELETE', `/daemons/${daemon.state}`]}
              className="small danger"
              title={stopDaemonCommand(daemon.state)}
              onClick={() => stop.mutate(daemon.state)}
            >
              {t('daemons.stop')}
            </AllowedButton>
          </li>
        ))}
      </ul>
      <ActionError error={stop.error} />
      <DaemonForm />
    </section>
  );
}
