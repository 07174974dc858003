import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Diagnostic } from './diagnostic.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// Added to every served page (never to the files on disk): reloads on a rebuild, shows diagnostics.
const CLIENT = `(() => {
  const events = new EventSource('/__tei-pipeline/events');
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('diagnostics', (e) => {
    const list = JSON.parse(e.data);
    let box = document.getElementById('tei-pipeline-diagnostics');
    if (!list.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement('aside');
      box.id = 'tei-pipeline-diagnostics';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:40vh;overflow:auto;margin:0;padding:1em;background:#fff3f3;color:#600;border-top:3px solid #c00;font:14px/1.4 monospace;z-index:9999';
      document.body.append(box);
    }
    box.textContent = 'The last save does not validate; this page shows the last good build.\\n\\n' +
      list.map((d) => d.file + ':' + d.line + ':' + d.column + ': ' + d.severity + ': ' + d.message + ' [' + d.ruleId + ']').join('\\n');
    box.style.whiteSpace = 'pre-wrap';
  });
})();`;

export interface LiveServer {
  url: string;
  /** Tell open pages to reload. */
  reload(): void;
  /** Show (or, with an empty list, clear) diagnostics on open pages. */
  showDiagnostics(diagnostics: readonly Diagnostic[]): void;
  close(): Promise<void>;
}

/**
 * Serve a folder on 127.0.0.1 with live reload by server-sent events. Only files inside the folder
 * are served; the port is the one asked for, or any free one when it is taken.
 */
export async function serve(root: string, port: number): Promise<LiveServer> {
  const clients = new Set<ServerResponse>();
  let lastDiagnostics = '[]';
  const send = (event: string, data: string) => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${data}\n\n`);
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__tei-pipeline/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: diagnostics\ndata: ${lastDiagnostics}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/__tei-pipeline/client.js') {
      res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' });
      res.end(CLIENT);
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = join(root, rel.endsWith('/') || rel === '' ? join(rel, 'index.html') : rel);
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body: Buffer | string = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (extname(file) === '.html') body = body.toString('utf8').replace(/<\/body>/i, '<script src="/__tei-pipeline/client.js"></script></body>');
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE' || port === 0) return reject(e);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    reload: () => send('reload', '{}'),
    showDiagnostics: (diagnostics) => {
      lastDiagnostics = JSON.stringify(diagnostics);
      send('diagnostics', lastDiagnostics);
    },
    close: () =>
      new Promise((resolve) => {
        for (const c of clients) c.end();
        server.close(() => resolve());
      }),
  };
}
