// bench:ui's agent: the built web app served over the bench table, optionally under --cpu-prof.
import { startAgent } from '../agent-child.mjs';

export function startUiAgent({ cpuProfDir, webDir = 'apps/web/dist', ...table }) {
  const nodeArgs = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : [];
  return startAgent({ ...table, webDir, nodeArgs });
}
