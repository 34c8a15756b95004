// SET_SERVICE and SET_DEST are full replacements in the kernel (reference §2: SET_DEST without TUN_*
// resets the tunnel). Edits therefore start from the current object and overlay what the caller gave.
import type {
  Destination,
  DestinationInput,
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

/** The destination's current settings with every present field of `input` laid over them. */
export function mergeDestination(current: Destination, input: Partial<DestinationInput>): DestinationInput {
  return {
    address: input.address ?? current.address,
    port: input.port ?? current.port,
    forwarding: input.forwarding ?? current.forwarding,
    weight: input.weight ?? current.weight,
    upperThreshold: input.upperThreshold ?? current.upperThreshold,
    lowerThreshold: input.lowerThreshold ?? current.lowerThreshold,
    tunnelType: input.tunnelType ?? current.tunnelType,
    tunnelPort: input.tunnelPort ?? current.tunnelPort,
    tunnelChecksum: input.tunnelChecksum ?? current.tunnelChecksum,
  };
}
