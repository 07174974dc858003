import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';

/** What the edition serves, by extension; anything else is application/octet-stream. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.cff': 'application/x-yaml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
};

/** The file a request path names inside root, or null when it would leave root. */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  const rel = relative(root, file);
  return rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel) ? null : file;
}

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
  /** The served folder's root, 'http://127.0.0.1:PORT/'. */
  url: string;
  /** Tell open pages to reload. */
  reload(): void;
  /** Show (or, with an empty list, clear) diagnostics on open pages. */
  showDiagnostics(diagnostics: readonly Diagnostic[]): void;
  close(): Promise<void>;
}

/**
 * Serve a folder on 127.0.0.1 (GET and HEAD; index.html for folders; 404 for anything missing or
 * outside the folder), with live reload by server-sent events unless `liveReload` is false. The port
 * is the one asked for, or any free one when it is taken (0: any free one). With `home` ('html/'),
 * the bare root redirects there: watch serves all of out/ so that a page's links to ../cite/ and
 * ../text/ work, and the reading edition is still what opens first.
 */
export async function serve(folder: string, port: number, liveReload = true, home?: string): Promise<LiveServer> {
  const root = resolve(folder);
  const clients = new Set<ServerResponse>();
  let lastDiagnostics = '[]';
  const send = (event: string, data: string) => {
    for (const c of clients) {
      c.write(`event: ${event}\ndata: ${data}\n\n`);
      // Node corks the socket until the next tick; watch renders the text and citations synchronously
      // right after a reload, which would hold the event back until they are done. Send it now.
      c.socket?.uncork();
    }
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (liveReload && url.pathname === '/__tei-pipeline/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: diagnostics\ndata: ${lastDiagnostics}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (liveReload && url.pathname === '/__tei-pipeline/client.js') {
      res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' });
      res.end(CLIENT);
      return;
    }
    const send = (status: number, body = '', type = TYPES['.txt']!) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    if (home && url.pathname === '/') {
      res.writeHead(302, { location: '/' + home, 'cache-control': 'no-store' });
      return res.end();
    }
    let file = fileFor(root, url.pathname);
    if (!file) return send(404, 'Not found');
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => null);
    if (!body) return send(404, 'Not found');
    const ext = extname(file).toLowerCase();
    // The live-reload client goes into what is served, never into the files on disk.
    const served =
      liveReload && ext === '.html'
        ? body.toString('utf8').replace(/<\/body>/i, '<script src="/__tei-pipeline/client.js"></script></body>')
        : body;
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : served);
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
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
