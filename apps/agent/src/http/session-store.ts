import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Compares secrets in constant time so response timing does not leak how much of a guess was right. */
export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Browser sessions made by exchanging a token at `/?token=`. A session is a random id and the hash of the
 * token it was made with, signed with a key derived from the startup token, so nothing is stored (memory
 * cannot grow with logins), sessions survive an agent restart with the same startup token (an open
 * dashboard reconnects by itself), changing the startup token signs every browser out, and revoking a
 * named token ends its sessions (its hash no longer names a caller).
 */
export class SessionStore {
  private readonly key: Buffer;

  constructor(token: string) {
    this.key = createHmac('sha256', token).update('ipvs-dashboard browser session v2').digest();
  }

  /** A new session for the token with this hash (`tokenHash`). */
  create(hash: string): string {
    const id = randomBytes(18).toString('base64url');
    return `${id}.${hash}.${this.sign(`${id}.${hash}`)}`;
  }

  /** The token hash a genuine session carries, or null. */
  tokenHashOf(session: string): string | null {
    const last = session.lastIndexOf('.');
    if (last <= 0) return null;
    const signed = session.slice(0, last);
    const hash = signed.slice(signed.indexOf('.') + 1);
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    return secretsEqual(session.slice(last + 1), this.sign(signed)) ? hash : null;
  }

  private sign(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}
