import { errnoName } from './errno.js';

/** A failed libc call: which call, and the errno it left behind. */
export class SysError extends Error {
  readonly errno: number;
  readonly call: string;

  constructor(call: string, errnoValue: number, detail?: string) {
    super(`${call}() failed: ${errnoName(errnoValue)}${detail ? ` (${detail})` : ''}`);
    this.name = 'SysError';
    this.call = call;
    this.errno = errnoValue;
  }
}
