// N real `ws` clients on one URL, each reading every frame; counts frames and payload bytes per client.
import WebSocket from 'ws';

/**
 * Opens `count` clients and resolves once each has received its first frame or been closed.
 * Returns { clients, counters(), close() }; counters() gives per-client { frames, bytes } since open.
 */
export async function openClients(url, count, headers = {}) {
  const clients = [];
  const opened = [];
  for (let i = 0; i < count; i++) {
    const tally = { frames: 0, bytes: 0, closed: false, firstFrame: null };
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    opened.push(
      new Promise((resolve) => {
        tally.firstFrame = resolve;
        // A server may drop a client it cannot keep up with: counted as closed, not a failure of the run.
        ws.once('error', resolve);
        ws.once('close', resolve);
      }),
    );
    ws.on('message', (data) => {
      tally.frames += 1;
      tally.bytes += data.length;
      tally.firstFrame?.();
      tally.firstFrame = null;
    });
    ws.on('close', () => (tally.closed = true));
    ws.on('error', () => {});
    clients.push({ ws, tally });
  }
  await Promise.all(opened);
  return {
    counters: () =>
      clients.map(({ tally }) => ({ frames: tally.frames, bytes: tally.bytes, closed: tally.closed })),
    close: () => clients.forEach(({ ws }) => ws.terminate()),
  };
}
