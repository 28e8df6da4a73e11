// Tests that need a Debian package (neovim, pre-commit …): where the program is missing they skip
// with one line saying what to install, unless REPLYLINT_REQUIRE_SYSTEM_TESTS=1 — which .ci/run
// sets after installing the packages — makes a missing program a failing test instead.
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export const REQUIRED = process.env.REPLYLINT_REQUIRE_SYSTEM_TESTS === '1';

/**
 * `describe` when `path` exists; otherwise one skip notice, or (when system tests are required) a
 * test that fails naming the package.
 */
export function describeWithProgram(path: string, debianPackage: string, name: string, body: () => void): void {
  if (existsSync(path)) {
    describe(name, body);
    return;
  }
  const why = `${path} is missing (apt-get install ${debianPackage}; .ci/run installs it)`;
  if (REQUIRED) {
    describe(name, () => {
      it(`needs ${debianPackage}`, () => {
        throw new Error(`REPLYLINT_REQUIRE_SYSTEM_TESTS=1 but ${why}`);
      });
    });
    return;
  }
  console.warn(`skipping "${name}": ${why}`);
  describe.skip(name, body);
}
