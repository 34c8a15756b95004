// GET_INFO (reply cmd SET_INFO, top-level IPVS_INFO_ATTR_*) and GET/SET_CONFIG (top-level
// IPVS_CMD_ATTR_TIMEOUT_*), reference §3.6-3.7. Info attrs 1/2 collide with SERVICE/DEST by number.
import { AppError, parseOrThrow, timeoutsSchema } from '@ipvs-dashboard/shared';
import type { IpvsInfo, Timeouts } from '@ipvs-dashboard/shared';
import { AttributeWriter, attributeMap, readU32 } from '../../../netlink/index.js';
import { CmdAttr, InfoAttr } from './constants.js';

/** "1.2.1" from IP_VS_VERSION_CODE 0x010201 (major << 16 | minor << 8 | patch). */
export function versionText(code: number): string {
  return `${code >>> 16}.${(code >>> 8) & 0xff}.${code & 0xff}`;
}

export function unpackInfo(attributes: Buffer): IpvsInfo {
  const a = attributeMap(attributes);
  const version = a.get(InfoAttr.VERSION);
  const size = a.get(InfoAttr.CONN_TAB_SIZE);
  if (version === undefined || size === undefined) {
    throw new AppError('KERNEL_ERROR', 'The kernel sent IPVS info without version or table size.');
  }
  return { version: versionText(readU32(version)), connTableSize: readU32(size) };
}

export function unpackTimeouts(attributes: Buffer): Timeouts {
  const a = attributeMap(attributes);
  const read = (type: number): number => {
    const payload = a.get(type);
    return payload === undefined ? 0 : readU32(payload);
  };
  return {
    tcp: read(CmdAttr.TIMEOUT_TCP),
    tcpFin: read(CmdAttr.TIMEOUT_TCP_FIN),
    udp: read(CmdAttr.TIMEOUT_UDP),
  };
}

/** SET_CONFIG attributes; 0 means "leave unchanged" and is sent as 0 like ipvsadm --set does. */
export function packTimeouts(timeouts: Timeouts): Buffer {
  const w = new AttributeWriter();
  const fields: [keyof Timeouts, number][] = [
    ['tcp', CmdAttr.TIMEOUT_TCP],
    ['tcpFin', CmdAttr.TIMEOUT_TCP_FIN],
    ['udp', CmdAttr.TIMEOUT_UDP],
  ];
  // The shared rule (timeoutsSchema): the route checked it already; direct callers (tests) get it too.
  parseOrThrow(timeoutsSchema, timeouts);
  for (const [field, type] of fields) w.u32(type, timeouts[field]);
  return w.toBuffer();
}
