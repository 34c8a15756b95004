// The real-kernel suite's one entry point: runs inside the user-mode Linux guest as a single node process
// (node starts slowly there) and imports every compiled *.ktest.js; KTEST_FILTER=a,b keeps matching files.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const filters = (process.env['KTEST_FILTER'] ?? '').split(',').filter(Boolean);

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.ktest.js') ? [path] : [];
  });
}

const files = findTests(here)
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0)
  throw new Error(`no *.ktest.js under ${here} matches KTEST_FILTER=${filters.join(',')}`);
for (const file of files) await import(pathToFileURL(file).href);
