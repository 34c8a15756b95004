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
 * Browser sessions made by exchanging the token at `/?token=`. A session is a random id signed with a key
 * derived from the token, so nothing is stored (memory cannot grow with logins), sessions survive an
 * agent restart with the same token (an open dashboard reconnects by itself), and changing the token
 * signs every browser out.
 */
export class SessionStore {
  private readonly key: Buffer;

  constructor(token: string) {
    this.key = createHmac('sha256', token).update('ipvs-dashboard browser session v1').digest();
  }

  create(): string {
    const id = randomBytes(18).toString('base64url');
    return `${id}.${this.sign(id)}`;
  }

  has(session: string): boolean {
    const dot = session.indexOf('.');
    if (dot <= 0) return false;
    return secretsEqual(session.slice(dot + 1), this.sign(session.slice(0, dot)));
  }

  private sign(id: string): string {
    return createHmac('sha256', this.key).update(id).digest('base64url');
  }
}
