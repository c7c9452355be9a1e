import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';

/** Where `npm install` builds the editor and console (`packages/builder-ui/dist`). */
export const CONSOLE_DIRECTORY = fileURLToPath(
  new URL('../../../builder-ui/dist', import.meta.url),
);

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Xiaoer</title>
<p>控制台尚未构建：请运行 <code>npm run build:ui</code>（<code>npm install</code> 会自动构建）。API 在 <a href="/api/docs">/api/docs</a>。</p>
<p>The console is not built: run <code>npm run build:ui</code> (<code>npm install</code> builds it). The API is at <a href="/api/docs">/api/docs</a>.</p>`;

/**
 * Serves the built editor and console: its files, and its page for any other GET outside
 * `/api` (the console routes by the URL's hash). Without a build, a page saying how to make one.
 */
export function consoleHandlers(directory: string): express.Router {
  const index = join(directory, 'index.html');
  const page: RequestHandler = (request, response, next) => {
    if (request.method !== 'GET' || request.path.startsWith('/api/') || request.path === '/api')
      return next();
    // No build: say how to make one (checked as the file is sent, not on every request first).
    response.sendFile(index, (error) => {
      if (error && !response.headersSent) response.status(503).type('html').send(NOT_BUILT);
    });
  };
  const router = express.Router();
  // Vite names the built scripts and styles by their content: a new build has new names.
  router.use(
    '/assets',
    express.static(join(directory, 'assets'), { index: false, immutable: true, maxAge: '365d' }),
    // A file of an older build (a page open across a deploy) is gone, not the page.
    (_request, response) => void response.status(404).type('text').send('Not found / 未找到'),
  );
  router.use(express.static(directory, { index: false, maxAge: '1h' }), page);
  return router;
}
