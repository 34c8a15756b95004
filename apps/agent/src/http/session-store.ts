import { randomBytes, timingSafeEqual } from 'node:crypto';

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
 * Browser sessions made by exchanging the token at `/?token=`. Bounded: past `limit` the oldest session is
 * forgotten, so repeated logins cannot grow memory. Sessions live as long as the agent process.
 */
export class SessionStore {
  private readonly sessions = new Set<string>();

  constructor(private readonly limit = 256) {}

  create(): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.add(id);
    if (this.sessions.size > this.limit) {
      const oldest = this.sessions.values().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return id;
  }

  has(id: string): boolean {
    return this.sessions.has(id);
  }
}
