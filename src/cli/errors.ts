// Errors the CLI turns into exit code 2 with a one-line message (no stack trace).

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Bad input data (not UTF-8, not JSON …), as opposed to a wrong command line. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
