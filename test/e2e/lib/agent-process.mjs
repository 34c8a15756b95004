// Starts the agent on the simulated backend on 127.0.0.1, with a known token and a temporary state
// directory, and stops it by the PID we started (never by name).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export class AgentProcess {
  /** `args`: more flags for this agent (e.g. `--fleet FILE`, `--prometheus-url URL`). */
  constructor({ port, token, stateDir, log, args = [] }) {
    this.port = port;
    this.extraArgs = args;
    this.token = token;
    this.stateDir = stateDir;
    this.log = log;
    this.child = null;
    this.output = '';
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  get loginUrl() {
    return `${this.origin}/?token=${encodeURIComponent(this.token)}`;
  }

  async start() {
    const args = [
      'apps/agent/dist/main.js',
      '--backend',
      'simulated',
      '--listen',
      `127.0.0.1:${this.port}`,
      '--token',
      this.token,
      '--state-dir',
      this.stateDir,
      '--web-dir',
      'apps/web/dist',
      ...this.extraArgs,
    ];
    this.child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk) => {
      this.output += chunk.toString();
    };
    this.child.stdout.on('data', collect);
    this.child.stderr.on('data', collect);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`agent exited (${this.child.exitCode}):\n${this.output}`);
      try {
        const response = await fetch(`${this.origin}/api/v1/info`, {
          headers: { authorization: `Bearer ${this.token}` },
        });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`agent did not answer on ${this.origin} within 15 s:\n${this.output}`);
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}
