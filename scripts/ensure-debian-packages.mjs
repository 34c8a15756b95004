#!/usr/bin/env node
// Makes sure Debian packages a suite needs are installed: as root it runs `apt-get update` (once per
// process) and `apt-get install -y`; otherwise it fails with the exact command to run.
// Usage: node scripts/ensure-debian-packages.mjs user-mode-linux ipvsadm kmod busybox-static iproute2
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

let aptUpdated = false;

/** True when dpkg says the package is installed (`dpkg-query` status "install ok installed"). */
export function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (result.error) throw new Error(`dpkg-query is not available (${result.error.message}): is this Debian?`);
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

/** The packages of `names` that are not installed. */
export function missingDebianPackages(names) {
  return names.filter((name) => !isDebianPackageInstalled(name));
}

function run(argv, log) {
  log(`$ ${argv.join(' ')}`);
  const result = spawnSync(argv[0], argv.slice(1), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    const how = result.error?.message ?? `exit ${result.status ?? result.signal}`;
    throw new Error(`${argv.join(' ')} failed (${how})`);
  }
}

/**
 * Installs whatever of `names` is missing. Throws (never exits) with the command to run when it cannot.
 * @param {string[]} names Debian package names
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {string[]} the packages it installed
 */
export function ensureDebianPackages(names, options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return [];
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(', ')}. Run as root: ${command}`);
  }
  log(`Installing missing Debian packages: ${missing.join(', ')}`);
  if (!aptUpdated) {
    run(['apt-get', 'update'], log);
    aptUpdated = true;
  }
  run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing], log);
  const stillMissing = missingDebianPackages(missing);
  if (stillMissing.length > 0) throw new Error(`apt-get did not install: ${stillMissing.join(', ')}`);
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  if (names.length === 0) {
    console.error('usage: node scripts/ensure-debian-packages.mjs <package>...');
    process.exit(2);
  }
  try {
    const installed = ensureDebianPackages(names);
    console.log(
      installed.length ? `Installed: ${installed.join(' ')}` : `Already installed: ${names.join(' ')}`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
