#!/usr/bin/env node
// `npm run test:prometheus`: checks the example Prometheus configuration and alert rules in deploy/prometheus
// with Debian's promtool: `check config` (with the rules it names), `check rules`, and `test rules` (the unit
// tests proving each alert fires, and stays silent, when it should). promtool missing is a failure, never a
// skip; as root the package is installed first.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from '../../scripts/ensure-debian-packages.mjs';

const deploy = 'deploy/prometheus';

function promtool(args, cwd) {
  console.log(`$ promtool ${args.join(' ')}`);
  const result = spawnSync('promtool', args, { cwd, stdio: 'inherit' });
  if (result.error) throw new Error(`promtool could not run: ${result.error.message}`);
  return result.status === 0;
}

ensureDebianPackages(['prometheus'], { log: (line) => console.log(line) });
// The scrape config reads its token from a file next to it (credentials_file), which promtool insists
// exists: check a copy with a stand-in token, so no token is ever kept in the repository.
const copy = mkdtempSync(join(tmpdir(), 'prometheus-config-'));
function checkCopy() {
  try {
    cpSync(deploy, copy, { recursive: true });
    writeFileSync(join(copy, 'ipvs-dashboard.token'), 'stand-in-token-for-promtool\n');
    return (
      promtool(['check', 'config', 'prometheus.yml'], copy) &&
      promtool(['check', 'rules', 'ipvs-dashboard.rules.yml'], copy) &&
      promtool(['test', 'rules', 'ipvs-dashboard.rules.test.yml'], copy)
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
const ok = checkCopy();
console.log(ok ? 'deploy/prometheus: config, rules and rule tests pass' : 'deploy/prometheus: FAILED');
process.exit(ok ? 0 : 1);
