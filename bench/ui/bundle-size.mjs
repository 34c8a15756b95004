// The web app's JavaScript as a browser downloads it: every .js file under apps/web/dist/assets, gzipped at
// level 9 the way a static server or proxy would compress it (source maps excluded).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function bundleSizes(distDir) {
  const assets = join(distDir, 'assets');
  const files = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const bytes = readFileSync(join(assets, name));
      return { name, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  const entry = readFileSync(join(distDir, 'index.html'), 'utf8').match(/src="\/?assets\/([^"]+\.js)"/)?.[1];
  return {
    files,
    jsBytes: sum('bytes'),
    jsGzipBytes: sum('gzipBytes'),
    entryGzipBytes: files.find((file) => file.name === entry)?.gzipBytes ?? null,
  };
}
