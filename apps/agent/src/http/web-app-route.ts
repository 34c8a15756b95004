import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Router } from 'express';

/**
 * Serves the built web app with an SPA fallback (any non-API GET gets index.html), or, when it was not
 * built, a page that says how to build it rather than a bare 404.
 */
export function webAppRoute(webDir: string): Router {
  const router = express.Router();
  const root = resolve(webDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    router.get(/^(?!\/api\/|\/metrics$).*/, (_request, response) => {
      response
        .status(503)
        .type('text/html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>ipvs-dashboard</title>' +
            '<h1>The web app is not built</h1><p>The agent and its API are running, but ' +
            `<code>${escapeHtml(index)}</code> does not exist. Run <code>npm run build</code>, then reload.</p>`,
        );
    });
    return router;
  }
  router.use(express.static(root, { index: false, maxAge: '1h', immutable: false }));
  router.get(/^(?!\/api\/|\/metrics$).*/, (_request, response) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return router;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
