import type { ForwardingMethod } from '@ipvs-dashboard/shared';
import { TextField } from '../../../components/text-field';
import { useT } from '../../../lib/i18n/i18n-context';
import { ForwardingSelect } from './forwarding-select';
import { TunnelFields, type TunnelDraft } from './tunnel-fields';

/** A real server's settings as typed (numbers stay text until sent). */
export interface RealServerDraft extends TunnelDraft {
  upperThreshold: string;
  lowerThreshold: string;
  forwarding: ForwardingMethod;
}

/**
 * What ipvsadm's -x, -y, -g/-i/-m and --tun-* set, for the add form and the editor alike: thresholds,
 * forwarding, and the tunnel settings when forwarding is tunnel.
 */
export function RealServerFields({
  value,
  onChange,
  fieldError,
}: {
  value: RealServerDraft;
  onChange: (patch: Partial<RealServerDraft>) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('server.upper')}
        error={fieldError('upperThreshold')}
        value={value.upperThreshold}
        onChange={(upperThreshold) => onChange({ upperThreshold })}
        numeric
      />
      <TextField
        label={t('server.lower')}
        error={fieldError('lowerThreshold')}
        value={value.lowerThreshold}
        onChange={(lowerThreshold) => onChange({ lowerThreshold })}
        numeric
      />
      <ForwardingSelect value={value.forwarding} onChange={(forwarding) => onChange({ forwarding })} />
      {value.forwarding === 'tunnel' && (
        <TunnelFields value={value} onChange={onChange} portError={fieldError('tunnelPort')} />
      )}
    </>
  );
}
