// The real servers of bench:checks, run in the guest's network namespace: listens on every port of the
// ranges given ("FROM:COUNT" each) and records when each port was connected to (a health check's TCP connect),
// closing at once. Commands on stdin: "mark" forgets what was recorded; "report FROM COUNT INTERVAL_MS" prints
// one JSON line for that range since the mark: how many checks, and how late each check came after the one
// before on the same port (gap - interval, the round's lateness as the real server sees it).
import net from 'node:net';
import readline from 'node:readline';

const ADDRESS = process.argv[2];
const ranges = process.argv.slice(3).map((range) => range.split(':').map(Number));
const seen = new Map();

let listening = 0;
const total = ranges.reduce((sum, [, count]) => sum + count, 0);
for (const [from, count] of ranges) {
  for (let port = from; port < from + count; port++) {
    const server = net.createServer((socket) => {
      const times = seen.get(port);
      if (times) times.push(Date.now());
      else seen.set(port, [Date.now()]);
      socket.on('error', () => undefined);
      socket.destroy();
    });
    server.listen(port, ADDRESS, () => {
      if (++listening === total) console.log('listening');
    });
  }
}

function report(from, count, intervalMs) {
  const late = [];
  let checks = 0;
  let silent = 0;
  for (let port = from; port < from + count; port++) {
    const times = seen.get(port) ?? [];
    checks += times.length;
    if (times.length === 0) silent++;
    for (let i = 1; i < times.length; i++) late.push(Math.max(0, times[i] - times[i - 1] - intervalMs));
  }
  late.sort((a, b) => a - b);
  const at = (q) => (late.length ? late[Math.min(late.length - 1, Math.floor(q * late.length))] : null);
  const mean = late.length ? late.reduce((a, b) => a + b, 0) / late.length : null;
  return {
    checks,
    silentPorts: silent,
    gaps: late.length,
    lateMeanMs: mean,
    lateP50Ms: at(0.5),
    lateP99Ms: at(0.99),
    lateMaxMs: late.at(-1) ?? null,
  };
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, ...args] = line.trim().split(' ');
  if (command === 'mark') {
    seen.clear();
    console.log('marked');
  } else if (command === 'report') {
    const [from, count, intervalMs] = args.map(Number);
    console.log(JSON.stringify(report(from, count, intervalMs)));
  }
});
