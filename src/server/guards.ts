// Who may call the API: browser origins (CORS) and, when configured, an API key. The server's
// own origin is always allowed, so the demo page it serves can call it. CORS is a few headers,
// written here rather than through @fastify/cors, whose per-request option merging cost ~4% of
// the server's CPU on /v1/check under load; requests without an Origin header cost one lookup.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { HttpError } from './http-error.js';

export interface OriginPolicy {
  /** True when a request with this Origin header (on this Host) may call the API. */
  allows(origin: string, host: string | undefined): boolean;
}

export function originPolicy(origins: readonly string[]): OriginPolicy {
  const any = origins.includes('*');
  const listed = new Set(origins);
  return {
    allows(origin, host) {
      if (any || listed.has(origin)) return true;
      // Same origin: the page came from this server (the Host the browser used).
      return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
    },
  };
}

const ALLOW_METHODS = 'GET, POST';
const ALLOW_HEADERS = 'content-type, x-api-key, authorization, x-request-id';
const EXPOSE_HEADERS = 'retry-after, x-request-id';

/**
 * The CORS headers for allowed origins, and the answer to preflight requests (204; without
 * allow-headers for an origin that is not allowed, so that the browser refuses to send).
 */
export function corsHook(policy: OriginPolicy): onRequestHookHandler {
  return function cors(request: FastifyRequest, reply: FastifyReply, done: (e?: Error) => void): void {
    const origin = request.headers.origin;
    if (origin === undefined) return done();
    reply.header('vary', 'origin');
    const allowed = policy.allows(origin, request.headers.host);
    if (allowed) reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', EXPOSE_HEADERS);
    if (request.method !== 'OPTIONS' || request.headers['access-control-request-method'] === undefined) return done();
    if (allowed) reply.header('access-control-allow-methods', ALLOW_METHODS).header('access-control-allow-headers', ALLOW_HEADERS).header('access-control-max-age', '600');
    reply.code(204).send();
  };
}

/** Refuses API calls from pages on origins that are not allowed (403). */
export function originGuard(policy: OriginPolicy): onRequestHookHandler {
  return function guardOrigin(request: FastifyRequest, _reply: FastifyReply, done: (e?: Error) => void): void {
    const origin = request.headers.origin;
    if (origin === undefined || policy.allows(origin, request.headers.host)) return done();
    done(new HttpError(403, 'origin-not-allowed', 'this page\'s origin may not call the server; add it to server.cors.origins in .replylint.yaml'));
  };
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Requires the key in `X-API-Key` or `Authorization: Bearer <key>` (401 otherwise). */
export function apiKeyGuard(key: string): onRequestHookHandler {
  const expected = digest(key);
  return function guardApiKey(request: FastifyRequest, _reply: FastifyReply, done: (e?: Error) => void): void {
    const header = request.headers['x-api-key'];
    const auth = request.headers.authorization;
    const given = typeof header === 'string' ? header : auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    // Comparing digests of equal length in constant time: the key does not leak through timing.
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return done();
    done(
      new HttpError(401, 'unauthorized', given === undefined ? 'this server needs an API key in the X-API-Key header' : 'the API key is wrong', {
        'www-authenticate': 'Bearer realm="replylint"',
      }),
    );
  };
}
