// IPVS_SVC_ATTR_NETMASK, the persistence granularity: for IPv4 the mask's 4 bytes in network order, for
// IPv6 the prefix length as a host-order u32 that must be 1..128 (ip_vs_ctl.c ip_vs_add_service).
import { isIPv4 } from 'node:net';
import { AppError } from '@ipvs-dashboard/shared';
import type { AddressFamily } from '@ipvs-dashboard/shared';
import { DEFAULT_NETMASK_V4, DEFAULT_PREFIX_V6 } from './constants.js';
import { addressToBytes } from './address.js';
import { hostOrder } from '../../../netlink/index.js';

/** The 4 payload bytes for `netmask` ("" = ipvsadm's default: /32 resp. 128). */
export function netmaskBytes(netmask: string, family: AddressFamily): Buffer {
  if (family === 'inet') {
    const text = netmask === '' ? DEFAULT_NETMASK_V4 : netmask;
    if (!isIPv4(text)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'netmask of an IPv4 service must be dotted, like 255.255.255.0.',
        {
          field: 'netmask',
        },
      );
    }
    return addressToBytes(text, 'inet').subarray(0, 4);
  }
  const text = netmask === '' ? DEFAULT_PREFIX_V6 : netmask;
  const prefix = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(prefix >= 1 && prefix <= 128)) {
    throw new AppError('VALIDATION_FAILED', 'netmask of an IPv6 service must be a prefix length 1-128.', {
      field: 'netmask',
    });
  }
  const out = Buffer.alloc(4);
  hostOrder.writeU32(out, prefix >>> 0, 0);
  return out;
}

/** The kernel default when NETMASK is absent: /32 resp. 128. */
export function defaultNetmask(family: AddressFamily): string {
  return family === 'inet' ? DEFAULT_NETMASK_V4 : DEFAULT_PREFIX_V6;
}
