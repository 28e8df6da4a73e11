// Why a rewrite could not be made: no model configured, or the model could not be reached or
// answered with an error after the client's retries. Surfaces map these to exit 2 / HTTP 503–504.

/** No LLM is configured; the message says which variables or keys to set. */
export class LlmUnavailableError extends Error {
  override readonly name = 'LlmUnavailableError';
  readonly code = 'llm-unavailable';
  readonly httpStatus = 503;
}

/** The endpoint failed: timed out, unreachable, or answered with an HTTP error after retries. */
export class LlmRequestError extends Error {
  override readonly name = 'LlmRequestError';
  readonly code: 'llm-timeout' | 'llm-error';
  readonly httpStatus: 503 | 504;
  constructor(
    message: string,
    readonly kind: 'timeout' | 'connection' | 'http',
    readonly status?: number,
  ) {
    super(message);
    this.code = kind === 'timeout' ? 'llm-timeout' : 'llm-error';
    this.httpStatus = kind === 'timeout' ? 504 : 503;
  }
}
