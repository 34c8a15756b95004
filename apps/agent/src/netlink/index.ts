// netlink: generic-netlink client for the agent — a pure byte codec (./codec) and a connection over sys.
// May import ../sys and its own files only; the IPVS domain layer (../ipvs) builds on it.
export * from './codec/index.js';
export { GenlConnection, type GenlConnectionOptions } from './connection.js';
export { type BatchRequest, type BatchLimits, DEFAULT_BATCH_LIMITS, splitBatches } from './batch-request.js';
export { type FamilyInfo, type FamilyOperation } from './family-info.js';
/** Re-exported so the domain layer can refuse an unsupported host before opening a socket. */
export { platformProblem } from '../sys/index.js';
export { type GenlReply, type ReplyVisitor } from './reply-collector.js';
export { NetlinkError, FamilyNotFoundError, errno, type NetlinkErrorOptions } from './netlink-error.js';
