import type { TunnelChecksum, TunnelType } from '@ipvs-dashboard/shared';
import { TextField } from '../../../components/text-field';
import { useT } from '../../../lib/i18n/i18n-context';

/** The tunnel settings as typed: the port stays text until sent. */
export interface TunnelDraft {
  tunnelType: TunnelType;
  tunnelPort: string;
  tunnelChecksum: TunnelChecksum;
}

/**
 * ipvsadm's --tun-type, --tun-port and --tun-nocsum/--tun-csum/--tun-remcsum, shown only where they
 * apply: a port for gue, a checksum choice for gue and gre (ipip has none). For tunnel forwarding only.
 */
export function TunnelFields({
  value,
  onChange,
  portError,
}: {
  value: TunnelDraft;
  onChange: (patch: Partial<TunnelDraft>) => void;
  portError?: string | undefined;
}) {
  const t = useT();
  return (
    <>
      <label className="field">
        <span className="label">{t('server.tunnelType')}</span>
        <select
          value={value.tunnelType}
          onChange={(event) => onChange({ tunnelType: event.target.value as TunnelType })}
        >
          <option value="ipip">ipip</option>
          <option value="gue">gue</option>
          <option value="gre">gre</option>
        </select>
      </label>
      {value.tunnelType === 'gue' && (
        <TextField
          label={t('server.tunnelPort')}
          error={portError}
          value={value.tunnelPort}
          onChange={(tunnelPort) => onChange({ tunnelPort })}
          numeric
        />
      )}
      {value.tunnelType !== 'ipip' && (
        <label className="field">
          <span className="label">{t('server.tunnelChecksum')}</span>
          <select
            value={value.tunnelChecksum}
            onChange={(event) => onChange({ tunnelChecksum: event.target.value as TunnelChecksum })}
          >
            <option value="nocsum">nocsum</option>
            <option value="csum">csum</option>
            <option value="remcsum">remcsum</option>
          </select>
        </label>
      )}
    </>
  );
}
