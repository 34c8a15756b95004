// A loopback HTTP hop in front of a real agent that can lose the answer of a change: the request reaches
// the agent whole (so the agent applies it), and when the agent's answer comes back the caller's
// connection is reset instead of answered, as when a network drops between a director and the agent
// coordinating a fleet change; optionally it then stops listening, so asking again finds no one there.
import { createServer, request } from 'node:http';

/** `target`: the agent's origin, e.g. http://127.0.0.1:4567. */
export async function answerDropper(target) {
  let dropNextApply = false;
  let thenGone = false;
  const sockets = new Set();
  const server = createServer((incoming, outgoing) => {
    // A change is a POST without ?dryRun: its plan (the dry run) and every GET pass untouched.
    const isApply = incoming.method === 'POST' && !incoming.url.includes('dryRun');
    const drop = isApply && dropNextApply;
    if (drop) dropNextApply = false;
    const upstream = request(new URL(incoming.url, target), {
      method: incoming.method,
      headers: incoming.headers,
      agent: false,
    });
    upstream.on('response', (answer) => {
      if (drop) {
        // The agent has answered, so the change is done there: the caller only ever sees a reset.
        answer.resume();
        answer.on('end', () => {
          // Stopped listening first, so whoever asks right after finds no one there.
          if (thenGone) server.close();
          incoming.socket.destroy();
        });
        return;
      }
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => incoming.socket.destroy());
    incoming.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** The next change that passes is applied by the agent and its answer lost; `gone`: then stop listening. */
    dropNextApply({ gone = false } = {}) {
      dropNextApply = true;
      thenGone = gone;
    },
    /** Stops listening (if still) and drops every open connection. */
    close() {
      return new Promise((resolve) => {
        if (!server.listening) resolve();
        else server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
