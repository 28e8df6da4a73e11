// GET /widget.js and GET /: the chat widget and its demo page from the package's web/ folder.
// Files are read when they change (checked per request; they are small) and carry an ETag, so a
// browser revalidates with a 304 instead of downloading them again.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HttpError } from '../http-error.js';

interface Cached {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
}

function servedFile(file: string, shown: string) {
  let cached: Cached | null = null;
  return async function current(): Promise<Cached> {
    let s;
    try {
      s = await stat(file);
    } catch {
      cached = null;
      throw new HttpError(404, 'not-found', `${shown} is not installed with this server`);
    }
    if (!s.isFile()) throw new HttpError(404, 'not-found', `${shown} is not installed with this server`);
    if (cached && cached.mtimeMs === s.mtimeMs && cached.size === s.size) return cached;
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    cached = { mtimeMs: s.mtimeMs, size: s.size, body, etag };
    return cached;
  };
}

function send(reply: FastifyReply, f: Cached, ifNoneMatch: string | undefined, type: string, cacheControl: string): Buffer | string {
  reply.header('etag', f.etag).header('cache-control', cacheControl).header('x-content-type-options', 'nosniff');
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim() === f.etag || t.trim() === `W/${f.etag}`)) {
    reply.code(304);
    return '';
  }
  reply.type(type);
  return f.body;
}

export function staticRoutes(app: FastifyInstance, webDir: string): void {
  const widget = servedFile(join(webDir, 'widget.js'), 'web/widget.js');
  const page = servedFile(join(webDir, 'index.html'), 'web/index.html');
  // The widget may be cached for a few minutes by pages that embed it; the demo page is always
  // revalidated (cheap with the ETag).
  app.get('/widget.js', async (request, reply) =>
    send(reply, await widget(), request.headers['if-none-match'], 'application/javascript; charset=utf-8', 'public, max-age=300'),
  );
  app.get('/', async (request, reply) => send(reply, await page(), request.headers['if-none-match'], 'text/html; charset=utf-8', 'no-cache'));
}
