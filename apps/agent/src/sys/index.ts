// sys: the only module that touches the FFI (koffi) — libc socket calls on Node Buffers, errors as SysError.
// May import only node: built-ins and koffi; everything netlink-specific lives in ../netlink.
export { errno, errnoName, type ErrnoName } from './errno.js';
export { SysError } from './sys-error.js';
export * from './socket-constants.js';
export {
  socket,
  bind,
  getsockname,
  setsockoptInt,
  sendto,
  recvfrom,
  pollOne,
  close,
} from './socket-calls.js';
export { ReceiveBatch } from './receive-batch.js';
export { platformProblem } from './platform.js';
