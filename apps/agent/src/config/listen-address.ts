import { isIP } from 'node:net';
import { AppError } from '@ipvs-dashboard/shared';

export interface ListenAddress {
  host: string;
  port: number;
}

/** Parses `HOST:PORT`, `[v6]:PORT` or `:PORT` (all interfaces). */
export function parseListenAddress(text: string, field = 'listen'): ListenAddress {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('VALIDATION_FAILED', `--${field} must look like HOST:PORT, got "${text}".`, { field });
  }
  const host = match[1] ?? match[2] ?? '';
  if (match[1] !== undefined && isIP(host) !== 6) {
    throw new AppError('VALIDATION_FAILED', `--${field}: "${host}" is not an IPv6 address.`, { field });
  }
  return { host: host === '' ? '0.0.0.0' : host, port };
}

/** True when only this machine can reach the address (127/8, ::1, "localhost"). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

/** How a URL names this host: brackets around IPv6. */
export function urlHostPort(host: string, port: number): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}
