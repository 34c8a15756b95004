import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { streamText } from '../stream-text.js';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('stream-text', () => {
  it('lets the event loop run between slices and sends every piece in order', async () => {
    function* pieces(): Generator<string> {
      for (let i = 0; i < 40; i++) {
        busy(1);
        yield i % 2 === 0 ? `line ${i}\n` : '';
      }
    }
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const server = createServer((_request, response) => {
      void streamText(pieces(), response as unknown as Response).then(() => clearInterval(ticker));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const text = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    server.close();
    const expected = Array.from({ length: 20 }, (_, i) => `line ${i * 2}\n`).join('');
    expect(text).toBe(expected);
    // 40 ms of work in slices of ~4 ms: timers ran in between, several times.
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
