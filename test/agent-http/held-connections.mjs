// Long-lived TCP connections for kernel-drain.guest.mjs, run inside the guest's network namespaces.
//   serve NAME PORT:   accepts connections, writes NAME on each, keeps them open (a real server that holds
//                      its clients, as a database or a WebSocket server does).
//   hold ADDRESS PORT: reads commands on stdin: "open N" opens N connections and prints, per connection, the
//                      name the server sent ("conn <name>"); "reset" closes all with RST (so IPVS ends them in
//                      CLOSE, 10 s, instead of TIME_WAIT, 2 min); EOF exits.
import net from 'node:net';
import readline from 'node:readline';

const [mode, first, second] = process.argv.slice(2);

if (mode === 'serve') {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write(`${first}\n`);
  });
  server.listen(Number(second), '0.0.0.0', () => console.log('listening'));
} else if (mode === 'hold') {
  const open = [];
  const connect = () =>
    new Promise((resolve) => {
      const socket = net.connect(Number(second), first);
      socket.setEncoding('utf8');
      socket.on('error', (error) => resolve(`error ${error.code}`));
      socket.once('data', (name) => {
        open.push(socket);
        resolve(`conn ${name.trim()}`);
      });
    });
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', async (line) => {
    const [command, count] = line.trim().split(' ');
    if (command === 'open') {
      for (let i = 0; i < Number(count); i++) console.log(await connect());
      console.log('opened');
    } else if (command === 'reset') {
      for (const socket of open.splice(0)) socket.resetAndDestroy();
      console.log('reset');
    }
  });
  lines.on('close', () => {
    for (const socket of open.splice(0)) socket.resetAndDestroy();
    process.exit(0);
  });
} else {
  console.error('usage: held-connections.mjs serve NAME PORT | hold ADDRESS PORT');
  process.exit(2);
}
