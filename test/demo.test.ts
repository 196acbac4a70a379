// `npm start` is the README's first command: the demo must run to its end on
// the bundled sample candles and print what the README shows.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../dist/index.js';

const cacheDir = mkdtempSync(path.join(tmpdir(), 'ta-grid-demo-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('demo', () => {
  it('runs on the sample candles and prints the values and the NaN policy', async () => {
    const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'demo'], {
      env: { ...process.env, TA_GRID_CACHE_DIR: cacheDir, TA_GRID_NATIVE_BUILD: 'off' },
      timeout: 120_000,
    });
    const count = listIndicators().filter((i) => !i.aliasOf).length;
    expect(stdout).toContain(`${count} indicators in all`);
    expect(stdout).toMatch(/sma\(14\) = 29,875\.6309 {3}sma\(200\) = 29,693\.6836/);
    expect(stdout).toMatch(/ema\(14\) = 29,854\.6328/);
    expect(stdout).toMatch(/12000: NaN, 12014: NaN/);
  }, 150_000);

  it('examples/stream.mjs replays the sample candles as a live feed and matches compute()', async () => {
    const example = new URL('../examples/stream.mjs', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [example], {
      env: { ...process.env, TA_GRID_CACHE_DIR: cacheDir, TA_GRID_NATIVE_BUILD: 'off' },
      timeout: 120_000,
    });
    expect(stdout).toMatch(/ema\(close,14\) = 29,854\.63/);  // the demo's ema(14) at the last bar, in float64
    expect(stdout).toContain('bit for bit: true');
    expect(stdout).toContain('next bar identical: true');
  }, 150_000);
});
