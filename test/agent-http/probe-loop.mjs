// A client for kernel-restart-midway.guest.mjs, run in the guest's client namespace: GETs URL one after
// another until stdin closes, and prints one word per request: "ok", "refused" (connection refused or
// reset: what a real server out of the table, or a broken table, does to a client), "timeout" (no answer
// in 10 s: the guest starved of CPU on a busy host) or "error CODE". Separating them lets the proof demand
// no refused connection while a slow host only costs time.
import http from 'node:http';

const url = process.argv[2];
let stopping = false;
process.stdin.on('end', () => (stopping = true)).resume();

function once() {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 10_000 }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve(response.statusCode === 200 ? 'ok' : `error HTTP${response.statusCode}`),
      );
      response.on('error', (error) => resolve(`error ${error.code}`));
    });
    request.on('timeout', () => {
      request.destroy();
      resolve('timeout');
    });
    request.on('error', (error) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET') resolve('refused');
      else resolve(`error ${error.code}`);
    });
  });
}

while (!stopping) console.log(await once());
process.exit(0);
