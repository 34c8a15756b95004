// pack/unpack of the IPVS service nest (IPVS_SVC_ATTR_*, reference §3.2): the only place service
// attributes meet ServiceKey/ServiceInput/Service fields. Byte order per attribute, reference §11.1.
import { AppError } from '@ipvs-dashboard/shared';
import type { AddressFamily, Service, ServiceInput, ServiceKey } from '@ipvs-dashboard/shared';
import { AttributeWriter, attributeMap, readString, readU16, readU16be, readU32 } from '../netlink/index.js';
import { CmdAttr, SvcAttr, SvcFlag } from './constants.js';
import { addressFromBytes, addressToBytes } from './address.js';
import { writeHostU32 } from './host-order.js';
import {
  afNumber,
  checkServiceKey,
  familyFromAf,
  protocolName,
  protocolNumber,
  keyFamily,
} from './service-key.js';
import { schedulerFlagsFromBits, schedulerFlagsToBits } from './scheduler-flags.js';
import { unpackPreferredStats } from './stats-codec.js';
import { netmaskBytes, netmaskFromAttribute } from './netmask.js';

/** AF + (FWMARK u32 | PROTOCOL u16, ADDR 16 bytes, PORT be16): what the kernel looks a service up by. */
export function writeServiceIdentity(w: AttributeWriter, key: ServiceKey): void {
  const family = keyFamily(key);
  w.u16(SvcAttr.AF, afNumber(family));
  if (key.protocol === 'fwmark') {
    w.u32(SvcAttr.FWMARK, key.fwmark);
    return;
  }
  w.u16(SvcAttr.PROTOCOL, protocolNumber(key.protocol));
  w.bytes(SvcAttr.ADDR, addressToBytes(key.address, family));
  w.u16be(SvcAttr.PORT, key.port);
}

/** Top-level attributes holding only the SERVICE identity nest (DEL_SERVICE, ZERO, GET_DEST, dest ops). */
export function packServiceIdentity(key: ServiceKey): Buffer {
  const checked = checkServiceKey(key);
  const w = new AttributeWriter();
  w.nest(CmdAttr.SERVICE, (n) => writeServiceIdentity(n, checked));
  return w.toBuffer();
}

/** struct ip_vs_flags { u32 flags; u32 mask; } in host order; mask all ones = replace every flag. */
function flagsStruct(flags: number): Buffer {
  const out = Buffer.alloc(8);
  writeHostU32(out, flags, 0);
  writeHostU32(out, 0xffff_ffff, 4);
  return out;
}

function checkName(value: string, field: string, maxLength: number): void {
  if (value.length === 0 || value.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new AppError('VALIDATION_FAILED', `${field} must be 1-${maxLength} letters, digits, "_" or "-".`, {
      field,
    });
  }
}

function serviceFlags(input: ServiceInput): number {
  if (!Number.isInteger(input.persistence) || input.persistence < 0 || input.persistence > 0xffff_ffff) {
    throw new AppError('VALIDATION_FAILED', 'persistence must be a whole number of seconds (0 = off).', {
      field: 'persistence',
    });
  }
  let flags = schedulerFlagsToBits(input.scheduler, input.schedulerFlags);
  if (input.persistence > 0) flags |= SvcFlag.PERSISTENT;
  if (input.onePacket) flags |= SvcFlag.ONEPACKET;
  return flags;
}

/** The full SERVICE nest NEW_SERVICE/SET_SERVICE need (ipvsadm order: identity, sched, pe, flags, ...). */
export function packServiceFull(input: ServiceInput): Buffer {
  const key = checkServiceKey(input);
  const family = keyFamily(key);
  // IP_VS_SCHEDNAME_MAXLEN / IP_VS_PENAME_MAXLEN are 16 including the NUL (ip_vs.h).
  checkName(input.scheduler, 'scheduler', 15);
  if (input.persistenceEngine !== null) checkName(input.persistenceEngine, 'persistenceEngine', 15);
  const flags = serviceFlags(input);
  const netmask = netmaskBytes(input.netmask, family);
  const w = new AttributeWriter();
  w.nest(CmdAttr.SERVICE, (n) => {
    writeServiceIdentity(n, key);
    n.string(SvcAttr.SCHED_NAME, input.scheduler);
    if (input.persistenceEngine !== null) n.string(SvcAttr.PE_NAME, input.persistenceEngine);
    n.bytes(SvcAttr.FLAGS, flagsStruct(flags));
    n.u32(SvcAttr.TIMEOUT, input.persistence);
    n.bytes(SvcAttr.NETMASK, netmask);
  });
  return w.toBuffer();
}

function required(a: Map<number, Buffer>, type: number, what: string): Buffer {
  const payload = a.get(type);
  if (payload === undefined) throw new AppError('KERNEL_ERROR', `The kernel sent a service without ${what}.`);
  return payload;
}

function unpackKey(a: Map<number, Buffer>, family: AddressFamily): ServiceKey {
  const fwmark = a.get(SvcAttr.FWMARK);
  if (fwmark !== undefined && readU32(fwmark) !== 0) {
    return { protocol: 'fwmark', fwmark: readU32(fwmark), family };
  }
  const protocolValue = readU16(required(a, SvcAttr.PROTOCOL, 'a protocol'));
  const protocol = protocolName(protocolValue);
  if (protocol === null) {
    throw new AppError(
      'KERNEL_ERROR',
      `The kernel has a service with unsupported protocol ${protocolValue}.`,
    );
  }
  const address = addressFromBytes(required(a, SvcAttr.ADDR, 'an address'), family);
  return { protocol, address, port: readU16be(required(a, SvcAttr.PORT, 'a port')) };
}

/** Decodes the payload of one SERVICE nest (a GET_SERVICE reply or dump message). */
export function unpackService(nest: Buffer): Service {
  const a = attributeMap(nest);
  const af = readU16(required(a, SvcAttr.AF, 'an address family'));
  const family = familyFromAf(af);
  if (family === null)
    throw new AppError('KERNEL_ERROR', `The kernel sent a service of address family ${af}.`);
  const scheduler = readString(required(a, SvcAttr.SCHED_NAME, 'a scheduler'));
  const flagsPayload = a.get(SvcAttr.FLAGS);
  // HASHED (0x2) is the kernel's bookkeeping, always set in replies (reference §4.1): never shown.
  const flags = flagsPayload === undefined ? 0 : readU32(flagsPayload) & ~SvcFlag.HASHED;
  const timeout = a.get(SvcAttr.TIMEOUT);
  const pe = a.get(SvcAttr.PE_NAME);
  const peName = pe === undefined ? '' : readString(pe);
  return {
    key: unpackKey(a, family),
    family,
    scheduler,
    schedulerFlags: schedulerFlagsFromBits(scheduler, flags),
    persistence: (flags & SvcFlag.PERSISTENT) !== 0 && timeout !== undefined ? readU32(timeout) : 0,
    netmask: netmaskFromAttribute(a.get(SvcAttr.NETMASK), family),
    persistenceEngine: peName === '' ? null : peName,
    onePacket: (flags & SvcFlag.ONEPACKET) !== 0,
    stats: unpackPreferredStats(a, SvcAttr.STATS64, SvcAttr.STATS),
  };
}

/** Decodes the top-level attributes of a service message (the SERVICE nest inside). */
export function unpackServiceMessage(attributes: Buffer): Service {
  const nest = attributeMap(attributes).get(CmdAttr.SERVICE);
  if (nest === undefined)
    throw new AppError('KERNEL_ERROR', 'The kernel sent a service message without a service.');
  return unpackService(nest);
}
