// A benchmark's agent: bench/agent-process.mjs as a child on 127.0.0.1 (simulated backend, the bench table),
// with its own token and state directory, optionally serving the web app, under node flags (--cpu-prof) or
// with more agent flags (BENCH_AGENT_FLAGS). Known by PID, so its CPU is read from /proc and only it is
// stopped, never by name. bench:ui and bench:fleet start theirs here.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));

export async function startAgent({
  services,
  dests,
  connectionsPerSecond,
  token,
  stateDir,
  webDir,
  flags,
  nodeArgs = [],
}) {
  const args = [
    ...nodeArgs,
    'bench/agent-process.mjs',
    ...[services, dests, connectionsPerSecond].map(String),
  ];
  args.push(token, stateDir, '0', ...(webDir ? [webDir] : []));
  const child = spawn(process.execPath, args, {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BENCH_AGENT_FLAGS: JSON.stringify(flags ?? {}) },
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent not listening after 300 s:\n${output}`)), 300_000);
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
    pid: child.pid,
    origin,
    token,
    loginUrl: `${origin}/?token=${encodeURIComponent(token)}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
