// Every error the server answers is JSON {"error":{"code","message"}} with a 4xx/5xx status —
// never a stack trace, never the request's text, and any personal value a message quotes (a URL,
// a field name) masked. This file maps fastify's own errors onto that.

import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { maskEveryString } from '../pii/scan.js';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; [k: string]: unknown };
}

/** Codes of fastify's errors that are the client's fault, with our code and a message to act on. */
function fromFastify(e: FastifyError, bodyLimit: number): HttpError | undefined {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'body-too-large', `the request body is larger than the limit of ${bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported-media-type', 'send the body as JSON with "Content-Type: application/json"');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'bad-json', 'the body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'bad-request', 'the Content-Length header does not match the body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'bad-json', 'the body is not valid JSON');
    case 'FST_ERR_HANDLER_TIMEOUT':
      return new HttpError(503, 'timeout', 'the answer took too long and was given up; try again');
    case 'FST_ERR_BAD_URL':
      return new HttpError(400, 'bad-request', 'the URL is malformed');
  }
  // JSON.parse's message quotes the body ("Unexpected token … in "{"text": …"), so only its
  // position, if it has one, is kept.
  if (e instanceof SyntaxError && e.statusCode === 400) {
    const at = /position (\d+)/.exec(e.message)?.[1];
    return new HttpError(400, 'bad-json', `the body is not valid JSON${at ? ` (at position ${at})` : ''}`);
  }
  if (e.statusCode === 429) return new HttpError(429, 'rate-limited', 'too many requests; wait for the time in the Retry-After header');
  if (e.statusCode === 503) return new HttpError(503, 'unavailable', 'the server is shutting down or overloaded; try again');
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) return new HttpError(e.statusCode, 'bad-request', 'the request was refused');
  return undefined;
}

export function errorBody(e: HttpError): ErrorBody {
  return { error: { code: e.code, message: e.message, ...e.extra } };
}

/**
 * The server's error handler: client errors as themselves, anything else as a logged 500. Every
 * message goes through `mask` on its way out.
 */
export function errorHandler(bodyLimit: number, mask: (text: string) => string = (t) => t) {
  return function handle(error: FastifyError, request: FastifyRequest, reply: FastifyReply): ErrorBody {
    let e: HttpError | undefined = error instanceof HttpError ? error : fromFastify(error, bodyLimit);
    if (!e) {
      request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'internal error');
      e = new HttpError(500, 'internal', `internal error; the server log has the details under request id ${request.id}`);
    }
    request.errorCode = e.code;
    for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
    reply.code(e.statusCode).type('application/json; charset=utf-8');
    return maskEveryString(errorBody(e), mask) as ErrorBody;
  };
}

/**
 * Errors Node's HTTP parser reports before there is a request object: a request that did not
 * arrive completely within the timeout (408), headers too large (431), malformed HTTP (400).
 * Answered in the same JSON shape, then the connection is closed.
 */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'timeout', 'the request did not arrive completely in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers-too-large', 'the request headers are too large']
        : [400, 'bad-request', 'the request is not valid HTTP'];
  this.log.info({ status, error: code }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify({ error: { code, message } });
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The error code answered, for the request's log line. */
    errorCode: string | null;
  }
}
