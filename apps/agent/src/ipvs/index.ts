// ipvs: the IPVS domain layer — the IpvsBackend interface and its kernel implementation (netlink + /proc),
// with the pack/unpack codecs and /proc parsers. May import ../netlink, node: built-ins and shared only.
export type { BackendKind, IpvsBackend } from './backend.js';
export {
  applyOneByOne,
  asAppError,
  runTableCommand,
  type BatchFailure,
  type TableCommand,
} from './table-commands.js';
export { KernelBackend, type KernelBackendOptions, type IpvsConnection } from './kernel-backend.js';
export * from './constants.js';
export { familyOf, addressToBytes, addressFromBytes, ipv4FromBytes, ipv6FromBytes } from './address.js';
export {
  identityFromServiceMessage,
  packServiceFull,
  packServiceIdentity,
  unpackService,
  unpackServiceMessage,
} from './service-codec.js';
export {
  packDestinationFull,
  packDestinationIdentity,
  unpackDestination,
  unpackDestinationMessage,
} from './destination-codec.js';
export { unpackStats, emptyStats } from './stats-codec.js';
export { packDaemonStart, packDaemonStop, unpackDaemonMessage } from './daemon-codec.js';
export { packTimeouts, unpackInfo, unpackTimeouts, versionText } from './config-codec.js';
export { sortServices, sortDestinations } from './ipvsadm-order.js';
export { errorCodeFor, toDomainError, type IpvsOperation } from './kernel-errors.js';
export {
  parseIpvsConnections,
  parseConnectionLine,
  readIpvsConnections,
  IP_VS_CONN_PATH,
} from './proc-connections.js';
export { parseIpvsStats, readIpvsStats, IP_VS_STATS_PATH } from './proc-stats.js';
export {
  availableSchedulers,
  defaultSchedulerSources,
  type SchedulerSources,
} from './available-schedulers.js';
export { readKernelSettings, writeKernelSetting, IPVS_SYSCTL_DIR } from './kernel-settings.js';
