import { serve as serveFolder } from '../../../src/pipeline/serve.js';

export interface StaticServer {
  /** 'http://127.0.0.1:PORT' (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/** The edition's own server (the one `watch` uses), without live reload: pages exactly as built. */
export async function serve(folder: string): Promise<StaticServer> {
  const server = await serveFolder(folder, 0, false);
  return { origin: server.url.replace(/\/$/, ''), close: () => server.close() };
}
