#!/usr/bin/env node
// `npm run test:e2e`: the dashboard in real Chromium against the agent on the simulated backend.
// Builds everything, starts the agent on a free 127.0.0.1 port with a known token and a temp state dir,
// runs the specs in order (later ones use what earlier ones created), prints "N passed, N failed".
// Flags: --no-build, --only=word,word (specs whose name contains a word), --update-screenshots.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgentProcess, freePort } from './lib/agent-process.mjs';
import { apiClient } from './lib/api-client.mjs';
import { chromiumMissingMessage, hasChromium, launchBrowser } from './lib/browser.mjs';
import { specs } from './specs/index.mjs';
import { ensureDebianPackages } from '../../scripts/ensure-debian-packages.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function build() {
  for (const argv of [
    ['npx', 'tsc', '-b'],
    ['npm', 'run', 'build', '-w', '@ipvs-dashboard/web'],
  ]) {
    console.log(`$ ${argv.join(' ')}`);
    const result = spawnSync(argv[0], argv.slice(1), { cwd: repo, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${argv.join(' ')} failed`);
  }
}

async function main() {
  // Chromium drives the pages; Nanum gives the Korean screenshots real glyphs instead of boxes. A package
  // that cannot be installed stops the suite here with the command to run.
  try {
    ensureDebianPackages(['chromium', 'fonts-nanum'], { log: (line) => console.log(line) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (!hasChromium()) {
    console.error(chromiumMissingMessage());
    return 1;
  }
  if (!process.argv.includes('--no-build')) build();
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const temp = mkdtempSync(join(tmpdir(), 'ipvs-dashboard-e2e-'));
  const agent = new AgentProcess({
    port: await freePort(),
    token: 'e2e-token-0123456789abcdef',
    stateDir: join(temp, 'state'),
  });
  let passed = 0;
  let failed = 0;
  let context;
  try {
    await agent.start();
    context = await launchBrowser(join(temp, 'profile'));
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    const browserErrors = [];
    page.on('pageerror', (error) => browserErrors.push(error.message));
    await page.goto(agent.loginUrl);
    // Screenshots land in docs/screenshots only when asked, so `npm test` leaves the working tree clean.
    const screenshotDir = process.argv.includes('--update-screenshots')
      ? join(repo, 'docs/screenshots')
      : join(temp, 'screenshots');
    const ctx = { agent, api: apiClient(agent), page, repo, screenshotDir, browserErrors };
    for (const spec of specs) {
      if (only && !only.some((word) => spec.name.includes(word))) continue;
      const started = Date.now();
      try {
        await spec.run(ctx);
        passed += 1;
        console.log(`  ok   ${spec.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed += 1;
        console.log(`  FAIL ${spec.name}: ${error instanceof Error ? error.message : String(error)}`);
        await page.screenshot({ path: join(temp, `fail-${passed + failed}.png`) }).catch(() => undefined);
        console.log(`       screenshot: ${join(temp, `fail-${passed + failed}.png`)}`);
      }
    }
    if (browserErrors.length > 0) {
      failed += 1;
      console.log(`  FAIL no uncaught errors in the page: ${browserErrors.join(' | ')}`);
    }
  } finally {
    await context?.close().catch(() => undefined);
    await agent.stop();
    if (failed === 0) rmSync(temp, { recursive: true, force: true });
    else console.log(`agent log:\n${agent.output.slice(-3000)}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
