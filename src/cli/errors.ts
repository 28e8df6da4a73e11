// Errors the CLI turns into exit code 2 with a one-line message (no stack trace).

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Bad input data (not UTF-8, not JSON …), as opposed to a wrong command line. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * Why JSON.parse refused a text, without the piece of the text V8 quotes (`Unexpected token '电',
 * ..."text":电话13812345"... is not valid JSON`): a cut-off quote can hold part of a personal value
 * that no recognizer can see any more. Positions (`at position 12`) are kept.
 */
export function jsonSyntaxReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /^(.*?), (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/.exec(message);
  return quoted ? quoted[1]! : message;
}
