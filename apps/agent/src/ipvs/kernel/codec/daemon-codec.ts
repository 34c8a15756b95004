// pack/unpack of the sync-daemon nest (IPVS_DAEMON_ATTR_*, reference §3.5). Careful: MCAST_PORT is
// host order, unlike every other port (ip_vs_ctl.c uses nla_get_u16, not nla_get_be16).
import { AppError } from '@ipvs-dashboard/shared';
import type { SyncDaemon, SyncDaemonInput, SyncDaemonState } from '@ipvs-dashboard/shared';
import {
  AttributeWriter,
  attributeMap,
  readString,
  readU16,
  readU32,
  readU8,
} from '../../../netlink/index.js';
import { CmdAttr, DaemonAttr, DaemonStateCode } from './constants.js';
import { addressToBytes, ipv4FromBytes, ipv6FromBytes, requireFamily } from './address.js';

function stateCode(state: SyncDaemonState): number {
  if (state === 'master') return DaemonStateCode.MASTER;
  if (state === 'backup') return DaemonStateCode.BACKUP;
  throw new AppError('VALIDATION_FAILED', 'state must be master or backup.', { field: 'state' });
}

function checkRange(value: number | undefined, field: string, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('VALIDATION_FAILED', `${field} must be an integer from ${min} to ${max}.`, { field });
  }
}

/** DAEMON nest for NEW_DAEMON; optional fields left out get the kernel's defaults. */
export function packDaemonStart(input: SyncDaemonInput): Buffer {
  const state = stateCode(input.state);
  // IP_VS_IFNAME_MAXLEN is 16 including the NUL (ip_vs.h).
  if (!/^[^\s/:]{1,15}$/.test(input.interface)) {
    throw new AppError('VALIDATION_FAILED', 'interface must be a network interface name (1-15 characters).', {
      field: 'interface',
    });
  }
  // Ranges as ipvsadm's --syncid, --sync-maxlen, --mcast-port, --mcast-ttl (ipvsadm.8).
  checkRange(input.syncId, 'syncId', 0, 255);
  checkRange(input.maxLen, 'maxLen', 1, 65507);
  checkRange(input.port, 'port', 1, 65535);
  checkRange(input.ttl, 'ttl', 1, 255);
  const group = input.group === undefined || input.group === '' ? undefined : input.group;
  const groupFamily = group === undefined ? undefined : requireFamily(group, 'group');
  const w = new AttributeWriter();
  w.nest(CmdAttr.DAEMON, (n) => {
    n.u32(DaemonAttr.STATE, state);
    n.string(DaemonAttr.MCAST_IFN, input.interface);
    n.u32(DaemonAttr.SYNC_ID, input.syncId ?? 0);
    if (input.maxLen !== undefined) n.u16(DaemonAttr.SYNC_MAXLEN, input.maxLen);
    if (group !== undefined && groupFamily === 'inet') {
      n.bytes(DaemonAttr.MCAST_GROUP, addressToBytes(group, 'inet').subarray(0, 4));
    }
    if (group !== undefined && groupFamily === 'inet6') {
      n.bytes(DaemonAttr.MCAST_GROUP6, addressToBytes(group, 'inet6'));
    }
    if (input.port !== undefined) n.u16(DaemonAttr.MCAST_PORT, input.port);
    if (input.ttl !== undefined) n.u8(DaemonAttr.MCAST_TTL, input.ttl);
  });
  return w.toBuffer();
}

/** DAEMON nest with only STATE, for DEL_DAEMON. */
export function packDaemonStop(state: SyncDaemonState): Buffer {
  const code = stateCode(state);
  const w = new AttributeWriter();
  w.nest(CmdAttr.DAEMON, (n) => n.u32(DaemonAttr.STATE, code));
  return w.toBuffer();
}

/** Decodes one GET_DAEMON dump message (top-level attributes), or null for a state it does not know. */
export function unpackDaemonMessage(attributes: Buffer): SyncDaemon | null {
  const nest = attributeMap(attributes).get(CmdAttr.DAEMON);
  if (nest === undefined) return null;
  const a = attributeMap(nest);
  const stateValue = a.get(DaemonAttr.STATE);
  const state = stateValue === undefined ? 0 : readU32(stateValue);
  if (state !== DaemonStateCode.MASTER && state !== DaemonStateCode.BACKUP) return null;
  const group4 = a.get(DaemonAttr.MCAST_GROUP);
  const group6 = a.get(DaemonAttr.MCAST_GROUP6);
  const ifn = a.get(DaemonAttr.MCAST_IFN);
  const syncId = a.get(DaemonAttr.SYNC_ID);
  const maxLen = a.get(DaemonAttr.SYNC_MAXLEN);
  const port = a.get(DaemonAttr.MCAST_PORT);
  const ttl = a.get(DaemonAttr.MCAST_TTL);
  let group = '';
  if (group6 !== undefined && group6.length >= 16) group = ipv6FromBytes(group6);
  else if (group4 !== undefined && group4.length >= 4) group = ipv4FromBytes(group4);
  return {
    state: state === DaemonStateCode.MASTER ? 'master' : 'backup',
    interface: ifn === undefined ? '' : readString(ifn),
    syncId: syncId === undefined ? 0 : readU32(syncId),
    maxLen: maxLen === undefined ? 0 : readU16(maxLen),
    group,
    port: port === undefined ? 0 : readU16(port),
    ttl: ttl === undefined ? 0 : readU8(ttl),
  };
}
