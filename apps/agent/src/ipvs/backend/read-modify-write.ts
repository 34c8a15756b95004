// SET_SERVICE and SET_DEST are full replacements in the kernel (reference §2: SET_DEST without TUN_*
// resets the tunnel). Edits therefore start from the current object and overlay what the caller gave.
import type {
  DestinationInput,
  DestinationSettings,
  Service,
  ServiceInput,
  ServiceKey,
  ServiceSettings,
} from '@ipvs-dashboard/shared';

/** The service's current settings with every field of `settings` that is present laid over them. */
export function mergeServiceSettings(
  key: ServiceKey,
  current: Service,
  settings: Partial<ServiceSettings>,
): ServiceInput {
  return {
    ...key,
    scheduler: settings.scheduler ?? current.scheduler,
    schedulerFlags: settings.schedulerFlags ?? current.schedulerFlags,
    persistence: settings.persistence ?? current.persistence,
    netmask: settings.netmask ?? current.netmask,
    persistenceEngine:
      settings.persistenceEngine === undefined ? current.persistenceEngine : settings.persistenceEngine,
    onePacket: settings.onePacket ?? current.onePacket,
  };
}

/**
 * The destination's current settings with every present field of `input` laid over them. A real server
 * that is not tunnelled keeps no tunnel options: `ipvsadm -e ... -g` sends none and the kernel then resets
 * them (reference §2, SET_DEST without TUN_*), so one edit takes a GUE server to -g or -m. Tunnel options
 * the caller does give with another method are kept, for the schema to refuse.
 */
export function mergeDestination(
  current: DestinationInput,
  input: Partial<DestinationInput>,
): DestinationInput {
  const forwarding = input.forwarding ?? current.forwarding;
  const tunnel = forwarding === 'tunnel' ? current : NO_TUNNEL;
  return {
    address: input.address ?? current.address,
    port: input.port ?? current.port,
    forwarding,
    weight: input.weight ?? current.weight,
    upperThreshold: input.upperThreshold ?? current.upperThreshold,
    lowerThreshold: input.lowerThreshold ?? current.lowerThreshold,
    tunnelType: input.tunnelType ?? tunnel.tunnelType,
    tunnelPort: input.tunnelPort ?? tunnel.tunnelPort,
    tunnelChecksum: input.tunnelChecksum ?? tunnel.tunnelChecksum,
  };
}

/** What the kernel reads back for a real server given no tunnel options (ipip, port 0, nocsum). */
const NO_TUNNEL: Pick<DestinationSettings, 'tunnelType' | 'tunnelPort' | 'tunnelChecksum'> = {
  tunnelType: 'ipip',
  tunnelPort: 0,
  tunnelChecksum: 'nocsum',
};
