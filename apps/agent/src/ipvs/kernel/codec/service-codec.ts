// pack/unpack of the IPVS service nest (IPVS_SVC_ATTR_*, reference §3.2): the only place service
// attributes meet ServiceKey/ServiceInput/Service fields. Byte order per attribute, reference §11.1.
import { AppError, checkedSchedulerFlagBits, schedulerFlagsFromKernel } from '@ipvs-dashboard/shared';
import type { AddressFamily, Service, ServiceInput, ServiceKey } from '@ipvs-dashboard/shared';
import { AttributeWriter, hostOrder } from '../../../netlink/index.js';
import { AttributeIndex } from './attribute-index.js';
import { CmdAttr, SvcAttr, SvcFlag } from './constants.js';
import { addressAt, addressToBytes, ipv4FromBytes } from './address.js';
import {
  afNumber,
  checkServiceKey,
  familyFromAf,
  protocolName,
  protocolNumber,
  keyFamily,
} from './service-key.js';
import { preferredStats } from './stats-codec.js';
import { defaultNetmask, netmaskBytes } from './netmask.js';

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
  hostOrder.writeU32(out, flags >>> 0, 0);
  hostOrder.writeU32(out, 0xffff_ffff >>> 0, 4);
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
  let flags = checkedSchedulerFlagBits(input.scheduler, input.schedulerFlags);
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

const messageIndex = new AttributeIndex(CmdAttr.TIMEOUT_UDP);
const serviceIndex = new AttributeIndex(SvcAttr.STATS64);

function missing(what: string): AppError {
  return new AppError('KERNEL_ERROR', `The kernel sent a service without ${what}.`);
}

function decodeKey(a: AttributeIndex, family: AddressFamily): ServiceKey {
  const fwmark = a.u32(SvcAttr.FWMARK);
  if (fwmark !== 0) return { protocol: 'fwmark', fwmark, family };
  const protocolValue = a.u16(SvcAttr.PROTOCOL, -1);
  const protocol = protocolName(protocolValue);
  if (protocol === null) {
    throw new AppError(
      'KERNEL_ERROR',
      `The kernel has a service with unsupported protocol ${protocolValue}.`,
    );
  }
  const addr = a.offset(SvcAttr.ADDR);
  if (addr < 0 || a.length(SvcAttr.ADDR) < (family === 'inet' ? 4 : 16)) throw missing('an address');
  if (!a.has(SvcAttr.PORT)) throw missing('a port');
  return { protocol, address: addressAt(a.buf, addr, family), port: a.u16be(SvcAttr.PORT) };
}

/** Decodes the SERVICE nest at buf[start, end). */
function decodeService(buf: Buffer, start: number, end: number): Service {
  const a = serviceIndex.scan(buf, start, end);
  const af = a.u16(SvcAttr.AF, -1);
  const family = familyFromAf(af);
  if (family === null)
    throw new AppError('KERNEL_ERROR', `The kernel sent a service of address family ${af}.`);
  if (!a.has(SvcAttr.SCHED_NAME)) throw missing('a scheduler');
  const scheduler = a.string(SvcAttr.SCHED_NAME);
  // HASHED (0x2) is the kernel's bookkeeping, always set in replies (reference §4.1): never shown.
  const flags = a.u32(SvcAttr.FLAGS) & ~SvcFlag.HASHED;
  const peName = a.string(SvcAttr.PE_NAME);
  const netmaskAt = a.offset(SvcAttr.NETMASK);
  const service: Service = {
    key: decodeKey(a, family),
    family,
    scheduler,
    schedulerFlags: schedulerFlagsFromKernel(scheduler, flags),
    persistence: (flags & SvcFlag.PERSISTENT) !== 0 ? a.u32(SvcAttr.TIMEOUT) : 0,
    netmask: netmaskAt < 0 || a.length(SvcAttr.NETMASK) < 4 ? defaultNetmask(family) : netmaskAt4(a, family),
    persistenceEngine: peName === '' ? null : peName,
    onePacket: (flags & SvcFlag.ONEPACKET) !== 0,
    stats: preferredStats(a, SvcAttr.STATS64, SvcAttr.STATS),
  };
  return service;
}

function netmaskAt4(a: AttributeIndex, family: AddressFamily): string {
  return family === 'inet' ? ipv4FromBytes(a.buf, a.offset(SvcAttr.NETMASK)) : String(a.u32(SvcAttr.NETMASK));
}

/** Decodes the payload of one SERVICE nest (a GET_SERVICE reply or dump message). */
export function unpackService(nest: Buffer): Service {
  return decodeService(nest, 0, nest.length);
}

/** Decodes the top-level attributes of a service message (the SERVICE nest inside). */
export function unpackServiceMessage(attributes: Buffer): Service {
  return unpackServiceMessageAt(attributes, 0, attributes.length);
}

/** unpackServiceMessage for the attributes at buf[start, end): no sub-buffer per message. */
export function unpackServiceMessageAt(attributes: Buffer, start: number, end: number): Service {
  const top = messageIndex.scan(attributes, start, end);
  const at = top.offset(CmdAttr.SERVICE);
  if (at < 0) throw new AppError('KERNEL_ERROR', 'The kernel sent a service message without a service.');
  return decodeService(attributes, at, at + top.length(CmdAttr.SERVICE));
}

const identityTypes = [SvcAttr.AF, SvcAttr.FWMARK, SvcAttr.PROTOCOL, SvcAttr.ADDR, SvcAttr.PORT] as const;

/**
 * The identity-only SERVICE nest (what GET_DEST needs) for the service in a dump message, made by copying
 * its AF, FWMARK | PROTOCOL, ADDR, PORT attributes as the kernel sent them: the same bytes
 * packServiceIdentity would encode, without decoding and re-encoding 1,000 keys per snapshot. No array
 * or view per call (this runs once per service in every snapshot).
 */
export function identityFromServiceMessage(attributes: Buffer): Buffer {
  const top = messageIndex.scan(attributes);
  const at = top.offset(CmdAttr.SERVICE);
  if (at < 0) throw new AppError('KERNEL_ERROR', 'The kernel sent a service message without a service.');
  const a = serviceIndex.scan(attributes, at, at + top.length(CmdAttr.SERVICE));
  const fwmark = a.u32(SvcAttr.FWMARK) !== 0;
  const wanted = (type: number): boolean =>
    a.has(type) && (type === SvcAttr.AF || (type === SvcAttr.FWMARK) === fwmark);
  let size = 4;
  for (const type of identityTypes) if (wanted(type)) size += (a.length(type) + 4 + 3) & ~3;
  // From Buffer's shared pool, zeroed: the padding between attributes is not copied.
  const out = Buffer.allocUnsafe(size).fill(0);
  hostOrder.writeU16(out, size, 0);
  hostOrder.writeU16(out, CmdAttr.SERVICE, 2);
  let offset = 4;
  for (const type of identityTypes) {
    if (!wanted(type)) continue;
    const start = a.offset(type) - 4;
    const length = a.length(type) + 4;
    for (let i = 0; i < length; i++) out[offset + i] = attributes[start + i] ?? 0;
    offset += (length + 3) & ~3;
  }
  return out;
}
