import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The access token the agent made itself (no --token), kept in <state-dir>/token (mode 0600) so a restart
 * keeps the same login URL and signed-in browsers stay signed in. Delete the file to make a new one.
 */
export async function loadOrCreateToken(stateDir: string, generate: () => string): Promise<string> {
  const file = join(stateDir, 'token');
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved.length >= 16) return saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = generate();
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return token;
}
