// ipvs: the IPVS domain layer. backend/ is the interface every backend implements (IpvsBackend, table
// commands, the read-modify-write rule of edits); kernel/ is the implementation over netlink and /proc, in
// rooms: codec/ (pack/unpack of IPVS attributes), snapshot/ (reading the whole table), proc/ (/proc files).
// May import ../netlink, node: built-ins and shared only; ../simulated implements backend/ alone.
export type { BackendKind, BatchFailure, IpvsBackend, TableCommand } from './backend/backend.js';
export { applyOneByOne, asAppError, runTableCommand } from './backend/table-commands.js';
export { KernelBackend, type KernelBackendOptions, type IpvsConnection } from './kernel/kernel-backend.js';
export * from './kernel/codec/constants.js';
export {
  familyOf,
  addressToBytes,
  addressFromBytes,
  ipv4FromBytes,
  ipv6FromBytes,
} from './kernel/codec/address.js';
export {
  identityFromServiceMessage,
  packServiceFull,
  packServiceIdentity,
  unpackService,
  unpackServiceMessage,
} from './kernel/codec/service-codec.js';
export {
  packDestinationFull,
  packDestinationIdentity,
  unpackDestination,
  unpackDestinationMessage,
} from './kernel/codec/destination-codec.js';
export { unpackStats, emptyStats } from './kernel/codec/stats-codec.js';
export { packDaemonStart, packDaemonStop, unpackDaemonMessage } from './kernel/codec/daemon-codec.js';
export { packTimeouts, unpackInfo, unpackTimeouts, versionText } from './kernel/codec/config-codec.js';
export { sortServices, sortDestinations } from './kernel/snapshot/ipvsadm-order.js';
export { errorCodeFor, toDomainError, type IpvsOperation } from './kernel/kernel-errors.js';
export {
  parseIpvsConnections,
  parseConnectionLine,
  readIpvsConnections,
  IP_VS_CONN_PATH,
} from './kernel/proc/proc-connections.js';
export { parseIpvsStats, readIpvsStats, IP_VS_STATS_PATH } from './kernel/proc/proc-stats.js';
export {
  availableSchedulers,
  defaultSchedulerSources,
  type SchedulerSources,
} from './kernel/available-schedulers.js';
export { readKernelSettings, writeKernelSetting, IPVS_SYSCTL_DIR } from './kernel/kernel-settings.js';
