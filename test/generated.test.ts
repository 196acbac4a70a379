// Every generated index (kernel tables, dispatch, test indexes, docs) is what
// scripts/generate.mjs makes from the indicator definitions right now.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('generated files', () => {
  it('are up to date with the indicator definitions (run npm run generate)', async () => {
    const result = await run(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: ROOT }).then(
      () => 'fresh',
      (e: { stderr?: string }) => e.stderr ?? String(e),
    );
    expect(result).toBe('fresh');
  }, 60_000);
});
