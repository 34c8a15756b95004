import { overloadClearsBelow } from '@ipvs-dashboard/shared';
import { TextField } from '../../../components/text-field';
import { numberFrom } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { ForwardingSelect } from './forwarding-select';
import type { RealServerDraft } from './real-server-draft';
import { TunnelFields } from './tunnel-fields';

/** The fields the add form and the editor share (the weight has its own control in each). */
export const REAL_SERVER_FIELDS = [
  'upperThreshold',
  'lowerThreshold',
  'forwarding',
  'tunnelType',
  'tunnelPort',
  'tunnelChecksum',
];

/**
 * What ipvsadm's -x, -y, -g/-i/-m and --tun-* set, for the add form and the editor alike: thresholds
 * (with what they mean: the kernel counts active + inactive, and a lower threshold of 0 means 3/4 of the
 * upper one, shared overload.ts), forwarding, and the tunnel settings when forwarding is tunnel.
 */
export function RealServerFields({
  value,
  onChange,
  problemOf,
}: {
  value: RealServerDraft;
  onChange: (patch: Partial<RealServerDraft>) => void;
  problemOf: (field: string) => string | undefined;
}) {
  const t = useT();
  const upper = numberFrom(value.upperThreshold);
  const lower = numberFrom(value.lowerThreshold);
  const clearsAt =
    upper > 0 && lower === 0 ? t('server.lowerHintAt', { below: overloadClearsBelow(upper, 0) }) : '';
  return (
    <>
      <TextField
        label={t('server.upper')}
        error={problemOf('upperThreshold')}
        hint={t('server.upperHint')}
        value={value.upperThreshold}
        onChange={(upperThreshold) => onChange({ upperThreshold })}
        numeric
      />
      <TextField
        label={t('server.lower')}
        error={problemOf('lowerThreshold')}
        hint={t('server.lowerHint', { clears: clearsAt })}
        value={value.lowerThreshold}
        onChange={(lowerThreshold) => onChange({ lowerThreshold })}
        numeric
      />
      <ForwardingSelect value={value.forwarding} onChange={(forwarding) => onChange({ forwarding })} />
      {value.forwarding === 'tunnel' && (
        <TunnelFields value={value} onChange={onChange} problemOf={problemOf} />
      )}
    </>
  );
}
