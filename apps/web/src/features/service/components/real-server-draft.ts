import type {
  DestinationSettings,
  ForwardingMethod,
  TunnelChecksum,
  TunnelType,
} from '@ipvs-dashboard/shared';
import { numberFrom } from '../../../lib/forms/use-form-check';

/** A real server's settings as typed in the add form and the editor: numbers stay text until checked. */
export interface RealServerDraft {
  weight: string;
  upperThreshold: string;
  lowerThreshold: string;
  forwarding: ForwardingMethod;
  tunnelType: TunnelType;
  tunnelPort: string;
  tunnelChecksum: TunnelChecksum;
}

/**
 * The settings the draft stands for. Tunnel options go only with tunnel forwarding, and only those the
 * tunnel type takes (a port for gue, no checksum for ipip), as ipvsadm sends them; the fields the form
 * hides for the chosen method are never sent, so a GUE server goes to -g in one edit.
 */
export function draftSettings(draft: RealServerDraft): DestinationSettings {
  const tunnel = draft.forwarding === 'tunnel';
  return {
    forwarding: draft.forwarding,
    weight: numberFrom(draft.weight),
    upperThreshold: numberFrom(draft.upperThreshold),
    lowerThreshold: numberFrom(draft.lowerThreshold),
    tunnelType: tunnel ? draft.tunnelType : 'ipip',
    tunnelPort: tunnel && draft.tunnelType === 'gue' ? numberFrom(draft.tunnelPort) : 0,
    tunnelChecksum: tunnel && draft.tunnelType !== 'ipip' ? draft.tunnelChecksum : 'nocsum',
  };
}

/** The checksums a tunnel type takes: gue all three, gre nocsum or csum (the kernel refuses gre + remcsum). */
export function checksumsFor(type: TunnelType): TunnelChecksum[] {
  if (type === 'gue') return ['nocsum', 'csum', 'remcsum'];
  if (type === 'gre') return ['nocsum', 'csum'];
  return ['nocsum'];
}
