// Starts bench/agent-process.mjs (serving the built web app) as a child (optionally under --cpu-prof) and stops it by the PID we
// started, never by name.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export async function startUiAgent({
  services,
  dests,
  connectionsPerSecond,
  token,
  stateDir,
  cpuProfDir,
  webDir = 'apps/web/dist',
}) {
  const nodeArgs = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : [];
  const args = [
    ...nodeArgs,
    'bench/agent-process.mjs',
    ...[services, dests, connectionsPerSecond].map(String),
    token,
    stateDir,
    '0',
    webDir,
  ];
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  const port = await new Promise((resolve, reject) => {
    // Loading 11,000 rows through the backend's own calls takes a few seconds on a loaded machine.
    const timer = setTimeout(() => reject(new Error(`agent not listening after 120 s:\n${output}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited with ${code}:\n${output}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    loginUrl: `${origin}/?token=${encodeURIComponent(token)}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
