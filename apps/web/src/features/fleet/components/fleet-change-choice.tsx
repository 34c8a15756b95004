import { memo } from 'react';
import {
  destinationId,
  schedulerNames,
  serviceId,
  type ForwardingMethod,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';
import { fleetChangeKinds, type FleetChangeChoice, type FleetChangeKind } from '../fleet-change-text';

interface Props {
  /** Undefined until it has been read. */
  table?: readonly ServiceWithDestinations[];
  choice: FleetChangeChoice;
  onChange: (choice: FleetChangeChoice) => void;
}

const needsServer = (kind: FleetChangeKind) => kind !== 'add-server' && kind !== 'scheduler';
// An unquiesce takes no weight: each director gives back the weight its hold remembered.
const needsWeight = (kind: FleetChangeKind) => kind === 'weight' || kind === 'add-server';

const noRows: readonly ServiceWithDestinations[] = [];

/**
 * Which change, on which row: the rows come from the reference director's table. Memoised: a table of
 * 1,000 services is 1,000 options, not to be rebuilt whenever the fleet's status comes in.
 */
export const FleetChangeChoiceFields = memo(function FleetChangeChoiceFields({
  table = noRows,
  choice,
  onChange,
}: Props) {
  const t = useT();
  const set = (patch: Partial<FleetChangeChoice>) => onChange({ ...choice, ...patch });
  const service = table.find((row) => serviceId(row.key) === choice.service);
  return (
    <div className="form-grid fleet-change-choice">
      <label>
        {t('fleetChange.kind')}
        <select
          data-testid="fleet-change-kind"
          value={choice.kind}
          onChange={(event) => set({ kind: event.target.value as FleetChangeKind })}
        >
          {fleetChangeKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`fleetChange.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fleetChange.service')}
        <select
          data-testid="fleet-change-service"
          value={choice.service}
          onChange={(event) => set({ service: event.target.value, server: '' })}
        >
          <option value="">-</option>
          {table.map((row) => (
            <option key={serviceId(row.key)} value={serviceId(row.key)}>
              {serviceId(row.key)} ({row.scheduler})
            </option>
          ))}
        </select>
      </label>
      {needsServer(choice.kind) && (
        <label>
          {t('fleetChange.server')}
          <select
            data-testid="fleet-change-server"
            value={choice.server}
            onChange={(event) => set({ server: event.target.value })}
          >
            <option value="">-</option>
            {(service?.destinations ?? []).map((dest) => (
              <option key={destinationId(dest)} value={destinationId(dest)}>
                {destinationId(dest)} (w {dest.weight})
              </option>
            ))}
          </select>
        </label>
      )}
      {choice.kind === 'add-server' && (
        <>
          <label>
            {t('fleetChange.address')}
            <input
              data-testid="fleet-change-address"
              value={choice.address}
              onChange={(event) => set({ address: event.target.value.trim() })}
            />
          </label>
          <label>
            {t('fleetChange.port')}
            <input
              data-testid="fleet-change-port"
              inputMode="numeric"
              value={String(choice.port)}
              onChange={(event) => set({ port: Number(event.target.value) })}
            />
          </label>
          <label>
            {t('fleetChange.forwarding')}
            <select
              value={choice.forwarding}
              onChange={(event) => set({ forwarding: event.target.value as ForwardingMethod })}
            >
              <option value="route">{t('forwarding.route')}</option>
              <option value="masq">{t('forwarding.masq')}</option>
              <option value="tunnel">{t('forwarding.tunnel')}</option>
            </select>
          </label>
        </>
      )}
      {needsWeight(choice.kind) && (
        <label>
          {t('fleetChange.weight')}
          <input
            data-testid="fleet-change-weight"
            inputMode="numeric"
            value={String(choice.weight)}
            onChange={(event) => set({ weight: Number(event.target.value) })}
          />
        </label>
      )}
      {choice.kind === 'scheduler' && (
        <label>
          {t('fleetChange.scheduler')}
          <select
            data-testid="fleet-change-scheduler"
            value={choice.scheduler}
            onChange={(event) => set({ scheduler: event.target.value })}
          >
            {schedulerNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
});
