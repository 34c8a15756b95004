// A real server for kernel-keepalived-compare.guest.mjs, run in a real server's namespace: listens on the
// given TCP ports, closes every connection at once (what a TCP check needs) and prints "<port> <ms since the
// epoch>" for each, so the test knows when each checker last reached the server before it was killed and
// first reached it after it came back: each checker probes its own port, so its phase can be read off.
import { createServer } from 'node:net';

const ports = process.argv.slice(2).map(Number);
let listening = 0;
for (const port of ports) {
  const server = createServer((socket) => {
    process.stdout.write(`${port} ${Date.now()}\n`);
    socket.destroy();
  });
  server.listen(port, '0.0.0.0', () => {
    listening += 1;
    if (listening === ports.length) process.stdout.write('listening\n');
  });
}
