/** The command-line checker run as a child process, as a user runs it (`node --import tsx cli/check.ts …`). */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'cli/check.ts');
/** Each case starts Node + tsx once or twice; the shared 2-core machine can make that slow. */
export const CLI_TIMEOUT = 60_000;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], timeout = CLI_TIMEOUT): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { cwd: ROOT, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBUG: '' } },
      // A child killed by the timeout has no exit code (error.code is null): -1, never read as a clean exit 0.
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** What a user must never see for bad input. */
export function expectNoStackTrace(run: Run) {
  expect(run.stderr + run.stdout).not.toMatch(/\n\s+at .+[:(]\d+/);
  expect(run.stderr).not.toMatch(/TypeError|ReferenceError|Error \[ERR_|node:internal/);
}
