// pack/unpack of the IPVS destination nest (IPVS_DEST_ATTR_*, reference §3.3): the only place
// destination attributes meet DestinationInput/Destination fields.
import { AppError, overloadSets } from '@ipvs-dashboard/shared';
import type {
  AddressFamily,
  Destination,
  DestinationInput,
  DestinationKey,
  ForwardingMethod,
  ServiceKey,
  TunnelChecksum,
  TunnelType,
} from '@ipvs-dashboard/shared';
import { AttributeWriter } from '../../../netlink/index.js';
import { AttributeIndex } from './attribute-index.js';
import { CmdAttr, ConnFwd, DestAttr, TunnelFlag, TunnelTypeCode } from './constants.js';
import { addressAt, addressToBytes, requireFamily } from './address.js';
import { afNumber, checkServiceKey, familyFromAf } from './service-key.js';
import { writeServiceIdentity } from './service-codec.js';
import { preferredStats } from './stats-codec.js';

const forwardingCodes: Record<ForwardingMethod, number> = {
  masq: ConnFwd.MASQ,
  local: ConnFwd.LOCALNODE,
  tunnel: ConnFwd.TUNNEL,
  route: ConnFwd.DROUTE,
  bypass: ConnFwd.BYPASS,
};
const forwardingNames = new Map<number, ForwardingMethod>(
  Object.entries(forwardingCodes).map(([name, code]) => [code, name as ForwardingMethod]),
);
const tunnelCodes: Record<TunnelType, number> = {
  ipip: TunnelTypeCode.IPIP,
  gue: TunnelTypeCode.GUE,
  gre: TunnelTypeCode.GRE,
};
const tunnelFlagCodes: Record<TunnelChecksum, number> = {
  nocsum: TunnelFlag.NOCSUM,
  csum: TunnelFlag.CSUM,
  remcsum: TunnelFlag.REMCSUM,
};
/** The kernel keeps weight and thresholds in an int (ip_vs_ctl.c: weight < 0 is ERANGE). */
const INT_MAX = 0x7fff_ffff;

function checkWhole(value: number, field: string, max: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new AppError('VALIDATION_FAILED', `${field} must be a whole number >= 0.`, { field });
  }
  if (value > max) throw new AppError('OUT_OF_RANGE', undefined, { field });
}

function checkDestination(input: DestinationInput): void {
  requireFamily(input.address, 'address');
  checkWhole(input.port, 'port', 65535);
  if (input.forwarding !== 'masq' && input.forwarding !== 'route' && input.forwarding !== 'tunnel') {
    throw new AppError('VALIDATION_FAILED', 'forwarding must be masq, route or tunnel.', {
      field: 'forwarding',
    });
  }
  checkWhole(input.weight, 'weight', INT_MAX);
  checkWhole(input.upperThreshold, 'upperThreshold', INT_MAX);
  checkWhole(input.lowerThreshold, 'lowerThreshold', INT_MAX);
  if (input.forwarding !== 'tunnel') return;
  if (!(input.tunnelType in tunnelCodes)) {
    throw new AppError('VALIDATION_FAILED', 'tunnelType must be ipip, gue or gre.', { field: 'tunnelType' });
  }
  if (!(input.tunnelChecksum in tunnelFlagCodes)) {
    throw new AppError('VALIDATION_FAILED', 'tunnelChecksum must be nocsum, csum or remcsum.', {
      field: 'tunnelChecksum',
    });
  }
  // GUE needs its UDP port (the kernel says EINVAL); GRE has no remote checksum offload (ipvsadm refuses).
  if (input.tunnelType === 'gue') checkWhole(input.tunnelPort, 'tunnelPort', 65535);
  if (input.tunnelType === 'gue' && input.tunnelPort === 0) {
    throw new AppError('VALIDATION_FAILED', 'A GUE tunnel needs tunnelPort 1-65535.', {
      field: 'tunnelPort',
    });
  }
  if (input.tunnelType === 'gre' && input.tunnelChecksum === 'remcsum') {
    throw new AppError('VALIDATION_FAILED', 'GRE tunnels take nocsum or csum.', { field: 'tunnelChecksum' });
  }
}

function writeDestinationIdentity(w: AttributeWriter, dest: DestinationKey): void {
  const family = requireFamily(dest.address, 'address');
  // Always send ADDR_FAMILY (since 3.18): without it the kernel assumes the service's family.
  w.u16(DestAttr.ADDR_FAMILY, afNumber(family));
  w.bytes(DestAttr.ADDR, addressToBytes(dest.address, family));
  w.u16be(DestAttr.PORT, dest.port);
}

/**
 * SERVICE identity + full DEST nest for NEW_DEST/SET_DEST, in ipvsadm's order. TUN_* go with tunnel
 * destinations, where SET_DEST without them would reset the tunnel to ipip (reference §2); other methods
 * send none and the kernel stores ipip/0/nocsum, what ipvsadm's zeros mean too.
 */
export function packDestinationFull(service: ServiceKey, input: DestinationInput): Buffer {
  const key = checkServiceKey(service);
  checkDestination(input);
  const w = new AttributeWriter();
  w.nest(CmdAttr.SERVICE, (n) => writeServiceIdentity(n, key));
  w.nest(CmdAttr.DEST, (n) => {
    writeDestinationIdentity(n, input);
    n.u32(DestAttr.FWD_METHOD, forwardingCodes[input.forwarding]);
    n.u32(DestAttr.WEIGHT, input.weight);
    if (input.forwarding === 'tunnel') {
      n.u8(DestAttr.TUN_TYPE, tunnelCodes[input.tunnelType]);
      n.u16be(DestAttr.TUN_PORT, input.tunnelType === 'gue' ? input.tunnelPort : 0);
      n.u16(DestAttr.TUN_FLAGS, input.tunnelType === 'ipip' ? 0 : tunnelFlagCodes[input.tunnelChecksum]);
    }
    n.u32(DestAttr.U_THRESH, input.upperThreshold);
    n.u32(DestAttr.L_THRESH, input.lowerThreshold);
  });
  return w.toBuffer();
}

/** SERVICE identity + DEST identity (ADDR_FAMILY, ADDR, PORT) for DEL_DEST. */
export function packDestinationIdentity(service: ServiceKey, dest: DestinationKey): Buffer {
  const key = checkServiceKey(service);
  requireFamily(dest.address, 'address');
  checkWhole(dest.port, 'port', 65535);
  const w = new AttributeWriter();
  w.nest(CmdAttr.SERVICE, (n) => writeServiceIdentity(n, key));
  w.nest(CmdAttr.DEST, (n) => writeDestinationIdentity(n, dest));
  return w.toBuffer();
}

function tunnelChecksum(flags: number): TunnelChecksum {
  if ((flags & TunnelFlag.REMCSUM) !== 0) return 'remcsum';
  return (flags & TunnelFlag.CSUM) !== 0 ? 'csum' : 'nocsum';
}

function tunnelType(code: number): TunnelType {
  if (code === TunnelTypeCode.GUE) return 'gue';
  return code === TunnelTypeCode.GRE ? 'gre' : 'ipip';
}

const messageIndex = new AttributeIndex(CmdAttr.TIMEOUT_UDP);
const destIndex = new AttributeIndex(DestAttr.TUN_FLAGS);

/** Decodes the DEST nest at buf[start, end). */
function decodeDestination(
  buf: Buffer,
  start: number,
  end: number,
  serviceFamily: AddressFamily,
): Destination {
  const a = destIndex.scan(buf, start, end);
  // ADDR_FAMILY arrived in 3.18; before it the service's family applies. The bytes never decide (§4.5).
  const family = familyFromAf(a.u16(DestAttr.ADDR_FAMILY)) ?? serviceFamily;
  const addr = a.offset(DestAttr.ADDR);
  if (addr < 0 || a.length(DestAttr.ADDR) < (family === 'inet' ? 4 : 16) || !a.has(DestAttr.PORT)) {
    throw new AppError('KERNEL_ERROR', 'The kernel sent a destination without address or port.');
  }
  const upperThreshold = a.u32(DestAttr.U_THRESH);
  const activeConns = a.u32(DestAttr.ACTIVE_CONNS);
  const inactiveConns = a.u32(DestAttr.INACT_CONNS);
  return {
    address: addressAt(buf, addr, family),
    port: a.u16be(DestAttr.PORT),
    family,
    forwarding: forwardingNames.get(a.u32(DestAttr.FWD_METHOD) & ConnFwd.FWD_MASK) ?? 'masq',
    weight: a.u32(DestAttr.WEIGHT),
    upperThreshold,
    lowerThreshold: a.u32(DestAttr.L_THRESH),
    tunnelType: tunnelType(a.u8(DestAttr.TUN_TYPE)),
    tunnelPort: a.u16be(DestAttr.TUN_PORT),
    tunnelChecksum: tunnelChecksum(a.u16(DestAttr.TUN_FLAGS)),
    activeConns,
    inactiveConns,
    persistentConns: a.u32(DestAttr.PERSIST_CONNS),
    // The kernel keeps IP_VS_DEST_F_OVERLOAD to itself (no dest flags attribute): this reading alone says
    // whether the total reached the upper threshold; the snapshot decoder adds the hysteresis between
    // readings (snapshot-decoder.ts, shared overload.ts).
    overloaded: overloadSets({ activeConns, inactiveConns, upperThreshold, lowerThreshold: 0 }),
    stats: preferredStats(a, DestAttr.STATS64, DestAttr.STATS),
  };
}

/**
 * Decodes the payload of one DEST nest. `serviceFamily` stands in for ADDR_FAMILY on kernels < 3.18;
 * the address bytes never decide the family (reference §4.5).
 */
export function unpackDestination(nest: Buffer, serviceFamily: AddressFamily): Destination {
  return decodeDestination(nest, 0, nest.length, serviceFamily);
}

/** Decodes the top-level attributes of a GET_DEST dump message. */
export function unpackDestinationMessage(attributes: Buffer, serviceFamily: AddressFamily): Destination {
  return unpackDestinationMessageAt(attributes, 0, attributes.length, serviceFamily);
}

/** unpackDestinationMessage for the attributes at buf[start, end): no sub-buffer per message. */
export function unpackDestinationMessageAt(
  attributes: Buffer,
  start: number,
  end: number,
  serviceFamily: AddressFamily,
): Destination {
  const top = messageIndex.scan(attributes, start, end);
  const at = top.offset(CmdAttr.DEST);
  if (at < 0)
    throw new AppError('KERNEL_ERROR', 'The kernel sent a destination message without a destination.');
  return decodeDestination(attributes, at, at + top.length(CmdAttr.DEST), serviceFamily);
}
