import type {
  DestinationInput,
  DestinationKey,
  IpvsadmCommand,
  ServiceInput,
  ServiceKey,
  ServiceSettings,
  SyncDaemonInput,
  SyncDaemonState,
  Timeouts,
} from '@ipvs-dashboard/shared';
import { renderIpvsadmCommand } from '@ipvs-dashboard/shared';

// The ipvsadm command line equivalent to each change, shown before the change is applied. The text comes
// from the shared renderer, the same one the agent's save/restore uses, so the two never disagree.

/** While the user is still typing an address the command cannot be written yet; say so instead. */
export const INCOMPLETE = 'ipvsadm …';

function render(command: IpvsadmCommand): string {
  try {
    return renderIpvsadmCommand(command);
  } catch {
    return INCOMPLETE;
  }
}

export const addServiceCommand = (service: ServiceInput) => render({ kind: 'add-service', service });

export const editServiceCommand = (key: ServiceKey, settings: ServiceSettings) =>
  render({ kind: 'edit-service', service: { ...key, ...settings } });

export const deleteServiceCommand = (service: ServiceKey) => render({ kind: 'delete-service', service });

export const addDestinationCommand = (service: ServiceKey, destination: DestinationInput) =>
  render({ kind: 'add-destination', service, destination });

export const editDestinationCommand = (service: ServiceKey, destination: DestinationInput) =>
  render({ kind: 'edit-destination', service, destination });

export const deleteDestinationCommand = (service: ServiceKey, destination: DestinationKey) =>
  render({
    kind: 'delete-destination',
    service,
    destination: { address: destination.address, port: destination.port },
  });

export const zeroCommand = (service?: ServiceKey) =>
  render(service ? { kind: 'zero', service } : { kind: 'zero' });

export const clearCommand = render({ kind: 'clear' });

export const timeoutsCommand = (timeouts: Timeouts) => render({ kind: 'set-timeouts', timeouts });

export const startDaemonCommand = (daemon: SyncDaemonInput) => render({ kind: 'start-daemon', daemon });

export const stopDaemonCommand = (state: SyncDaemonState) => render({ kind: 'stop-daemon', state });

/** What a merging import does, as a shell line (the agent applies it atomically, unlike ipvsadm -R). */
export const restoreCommand = 'ipvsadm -R < rules.txt';

/** What replacing the table amounts to (the agent edits rows in place rather than clearing first). */
export const replaceTableCommand = 'ipvsadm -C && ipvsadm -R < rules.txt';

/** Kernel settings are sysctls, not ipvsadm options (net/netfilter/ipvs/ip_vs_ctl.c, vs_vars). */
export function kernelSettingCommand(name: string, value: number): string {
  return `sysctl -w net.ipv4.vs.${name}=${value}`;
}
