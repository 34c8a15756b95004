// The identity of a virtual service as the kernel sees it: AF + (fwmark | protocol, address, port).
import { AppError } from '@ipvs-dashboard/shared';
import type { AddressFamily, Protocol, ServiceKey } from '@ipvs-dashboard/shared';
import { AF_INET, AF_INET6, IPPROTO_SCTP, IPPROTO_TCP, IPPROTO_UDP } from './constants.js';
import { addressFromBytes, addressToBytes, requireFamily } from './address.js';

const protocolNumbers: Record<Protocol, number> = { tcp: IPPROTO_TCP, udp: IPPROTO_UDP, sctp: IPPROTO_SCTP };

export function protocolNumber(protocol: Protocol): number {
  return protocolNumbers[protocol];
}

export function protocolName(value: number): Protocol | null {
  if (value === IPPROTO_TCP) return 'tcp';
  if (value === IPPROTO_UDP) return 'udp';
  if (value === IPPROTO_SCTP) return 'sctp';
  return null;
}

export function afNumber(family: AddressFamily): number {
  return family === 'inet' ? AF_INET : AF_INET6;
}

export function familyFromAf(af: number): AddressFamily | null {
  if (af === AF_INET) return 'inet';
  if (af === AF_INET6) return 'inet6';
  return null;
}

/** The address family of a service key (fwmark keys carry it, others follow their address). */
export function keyFamily(key: ServiceKey): AddressFamily {
  return key.protocol === 'fwmark' ? key.family : requireFamily(key.address, 'address');
}

function checkInteger(value: number, min: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('VALIDATION_FAILED', `${field} must be an integer from ${min} to ${max}.`, { field });
  }
}

/** Refuses keys the kernel would misread; returns the key with its address spelled canonically. */
export function checkServiceKey(key: ServiceKey): ServiceKey {
  if (key.protocol === 'fwmark') {
    // fwmark 0 means "not a fwmark service" to the kernel (ip_vs_ctl.c ip_vs_genl_parse_service).
    checkInteger(key.fwmark, 1, 0xffff_ffff, 'fwmark');
    if (key.family !== 'inet' && key.family !== 'inet6') {
      throw new AppError('VALIDATION_FAILED', 'family must be "inet" or "inet6".', { field: 'family' });
    }
    return { protocol: 'fwmark', fwmark: key.fwmark, family: key.family };
  }
  if (!(key.protocol in protocolNumbers)) {
    throw new AppError('VALIDATION_FAILED', 'protocol must be tcp, udp, sctp or fwmark.', {
      field: 'protocol',
    });
  }
  const family = requireFamily(key.address, 'address');
  checkInteger(key.port, 0, 65535, 'port');
  return {
    protocol: key.protocol,
    address: addressFromBytes(addressToBytes(key.address, family), family),
    port: key.port,
  };
}
