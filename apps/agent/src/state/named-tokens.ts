// Named tokens with roles (`ipvs-dashboard-agent token add|list|revoke`), kept in <state-dir>/tokens.json
// (mode 0600) as SHA-256 hashes: the file never holds a usable token. Tokens are 24 random bytes, so a
// plain hash is enough (nothing to brute-force); comparison is by hash in constant time. A running agent
// re-reads the file when it changes, so a token added or revoked works within a second or two.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { unwatchFile, watchFile } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, roleSchema, type Caller, type NamedTokenSummary, type Role } from '@ipvs-dashboard/shared';
import { z } from 'zod';

export interface StoredToken {
  name: string;
  role: Role;
  services: string[] | null;
  /** SHA-256 of the token, hex. */
  hash: string;
  createdAt: number;
}

const storedSchema = z.array(
  z.object({
    name: z.string(),
    role: roleSchema,
    services: z.array(z.string()).nullable(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: z.number(),
  }),
);

/** The startup token's caller: it stays an admin token. */
export const STARTUP_TOKEN_NAME = 'admin';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function hashesEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const fileOf = (stateDir: string) => join(stateDir, 'tokens.json');

export async function readTokens(stateDir: string): Promise<StoredToken[]> {
  try {
    return storedSchema.parse(JSON.parse(await readFile(fileOf(stateDir), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError(
      'VALIDATION_FAILED',
      `${fileOf(stateDir)} is not a token list: ${(error as Error).message}`,
    );
  }
}

async function writeTokens(stateDir: string, tokens: readonly StoredToken[]): Promise<void> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const temp = `${fileOf(stateDir)}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, fileOf(stateDir));
}

const namePattern = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Makes a new token; the token itself is returned once and never stored. */
export async function addToken(
  stateDir: string,
  name: string,
  role: Role,
  services: string[] | null,
  now = Date.now(),
): Promise<string> {
  if (!namePattern.test(name))
    throw new AppError('VALIDATION_FAILED', 'A token name is 1-64 letters, digits, ".", "_", "@" or "-".', {
      field: 'name',
    });
  if (name === STARTUP_TOKEN_NAME)
    throw new AppError(
      'VALIDATION_FAILED',
      `"${STARTUP_TOKEN_NAME}" is the startup token's name; choose another.`,
      { field: 'name' },
    );
  const tokens = await readTokens(stateDir);
  if (tokens.some((t) => t.name === name))
    throw new AppError('VALIDATION_FAILED', `A token named "${name}" exists; revoke it first.`, {
      field: 'name',
    });
  const token = randomBytes(24).toString('base64url');
  await writeTokens(stateDir, [...tokens, { name, role, services, hash: tokenHash(token), createdAt: now }]);
  return token;
}

/** True when a token of that name was there. */
export async function revokeToken(stateDir: string, name: string): Promise<boolean> {
  const tokens = await readTokens(stateDir);
  const kept = tokens.filter((t) => t.name !== name);
  if (kept.length === tokens.length) return false;
  await writeTokens(stateDir, kept);
  return true;
}

/** Every caller the agent knows: the startup token (admin) and the named tokens of the state dir. */
export class CallerDirectory {
  private named: StoredToken[] = [];
  private readonly startupHash: string;

  private constructor(
    private readonly stateDir: string,
    startupToken: string,
  ) {
    this.startupHash = tokenHash(startupToken);
  }

  static async open(stateDir: string, startupToken: string): Promise<CallerDirectory> {
    const directory = new CallerDirectory(stateDir, startupToken);
    directory.named = await readTokens(stateDir);
    watchFile(fileOf(stateDir), { interval: 1000, persistent: false }, () => {
      readTokens(stateDir).then(
        (tokens) => (directory.named = tokens),
        () => undefined, // a half-written file: the next change event reads it again
      );
    });
    return directory;
  }

  close(): void {
    unwatchFile(fileOf(this.stateDir));
  }

  /** The named tokens as the API lists them (no hashes). */
  list(): NamedTokenSummary[] {
    return this.named.map(({ name, role, services, createdAt }) => ({ name, role, services, createdAt }));
  }

  /**
   * Adds or revokes through the file (as `token add|revoke` does), then re-reads it at once rather than at
   * the watcher's next poll: a share link works, and a revoked one stops, from the API's answer on.
   */
  async add(name: string, role: Role, services: string[] | null): Promise<string> {
    const token = await addToken(this.stateDir, name, role, services);
    this.named = await readTokens(this.stateDir);
    return token;
  }

  async revoke(name: string): Promise<boolean> {
    const revoked = await revokeToken(this.stateDir, name);
    this.named = await readTokens(this.stateDir);
    return revoked;
  }

  byToken(token: string): Caller | null {
    return this.byHash(tokenHash(token));
  }

  /** The caller whose token has this hash (a session remembers the hash, not the token). */
  byHash(hash: string): Caller | null {
    if (hashesEqual(hash, this.startupHash))
      return { name: STARTUP_TOKEN_NAME, role: 'admin', services: null };
    const found = this.named.find((t) => hashesEqual(hash, t.hash));
    return found ? { name: found.name, role: found.role, services: found.services } : null;
  }
}
