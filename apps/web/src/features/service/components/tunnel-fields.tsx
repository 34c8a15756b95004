import { useQuery } from '@tanstack/react-query';
import type { TunnelChecksum, TunnelType } from '@ipvs-dashboard/shared';
import { TextField } from '../../../components/text-field';
import { useT } from '../../../lib/i18n/i18n-context';
import { infoQueryOptions } from '../../../lib/table/get-info';
import { kernelLacks } from '../../../lib/table/kernel-capabilities';
import { checksumsFor, type RealServerDraft } from './real-server-draft';

const tunnelTypes: readonly TunnelType[] = ['ipip', 'gue', 'gre'];

type TunnelDraft = Pick<RealServerDraft, 'tunnelType' | 'tunnelPort' | 'tunnelChecksum'>;

/**
 * ipvsadm's --tun-type, --tun-port and --tun-nocsum/--tun-csum/--tun-remcsum, shown only where they
 * apply: a port for gue, a checksum choice for gue and gre (ipip has none; gre has no remcsum). For tunnel
 * forwarding only.
 */
export function TunnelFields({
  value,
  onChange,
  problemOf,
}: {
  value: TunnelDraft;
  onChange: (patch: Partial<TunnelDraft>) => void;
  problemOf: (field: string) => string | undefined;
}) {
  const t = useT();
  const { data: info } = useQuery(infoQueryOptions());
  const checksums = checksumsFor(value.tunnelType);
  const changeType = (tunnelType: TunnelType) => {
    const offered = checksumsFor(tunnelType);
    // Keep the checksum when the new type takes it; otherwise the one every type takes.
    onChange({
      tunnelType,
      tunnelChecksum: offered.includes(value.tunnelChecksum) ? value.tunnelChecksum : 'nocsum',
    });
  };
  return (
    <>
      <label className="field">
        <span className="label">{t('server.tunnelType')}</span>
        <select value={value.tunnelType} onChange={(event) => changeType(event.target.value as TunnelType)}>
          {tunnelTypes.map((type) => {
            // gue needs Linux 5.2 and gre 5.3: the agent refuses them on an older kernel, so say so here.
            const lacking = kernelLacks(info, 'tunnelTypes', type);
            return (
              <option key={type} value={type} disabled={lacking && type !== value.tunnelType}>
                {lacking ? `${type} ${t('kernel.lacks')}` : type}
              </option>
            );
          })}
        </select>
      </label>
      {value.tunnelType === 'gue' && (
        <TextField
          label={t('server.tunnelPort')}
          error={problemOf('tunnelPort')}
          value={value.tunnelPort}
          onChange={(tunnelPort) => onChange({ tunnelPort })}
          numeric
        />
      )}
      {checksums.length > 1 && (
        <label className="field">
          <span className="label">{t('server.tunnelChecksum')}</span>
          <select
            value={value.tunnelChecksum}
            onChange={(event) => onChange({ tunnelChecksum: event.target.value as TunnelChecksum })}
          >
            {checksums.map((checksum) => (
              <option key={checksum} value={checksum}>
                {checksum}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
