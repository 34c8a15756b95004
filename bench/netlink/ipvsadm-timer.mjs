// The benchmarks' handle on ipvsadm-runner.mjs: a child process forked once, before anything is measured,
// that runs and times ipvsadm so the measuring process never forks between snapshots.
import { fork } from 'node:child_process';

/** `time(args)` resolves with how long `ipvsadm args` took in the runner, process start included. */
export function ipvsadmTimer() {
  const runner = fork(new URL('./ipvsadm-runner.mjs', import.meta.url), { stdio: 'inherit' });
  const pending = new Map();
  let lastId = 0;
  runner.on('message', ({ id, ms, status, stderr }) => {
    const { resolve, reject } = pending.get(id);
    pending.delete(id);
    if (status === 0) resolve(ms);
    else reject(new Error(`ipvsadm failed in the runner: ${stderr}`));
  });
  return {
    time: (args) =>
      new Promise((resolve, reject) => {
        pending.set(++lastId, { resolve, reject });
        runner.send({ id: lastId, args });
      }),
    close: () => runner.disconnect(),
  };
}
