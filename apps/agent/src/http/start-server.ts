import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Express } from 'express';
import type { ListenAddress } from '../config/index.js';

/** Creates the HTTP(S) server for `app` and resolves once it listens; the port may be 0 (tests). */
export async function startServer(
  app: Express,
  listen: ListenAddress,
  tls: { certFile: string; keyFile: string } | null,
): Promise<{ server: Server; port: number }> {
  const server: Server = tls
    ? createHttpsServer({ cert: await readFile(tls.certFile), key: await readFile(tls.keyFile) }, app)
    : createHttpServer(app);
  // Bounded headers and idle sockets: a client cannot hold the agent's memory or descriptors forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  // Longer than browsers' and fetch's idle reuse, so a client never sends on a socket we are closing.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : listen.port };
}
