// ta-grid perf-smoke as a deploy step runs it: exit 0 with a JSON report, or
// non-zero with the reason on one line.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;

async function smoke(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, 'perf-smoke', '--threads', '2', ...args], { env: { ...process.env, ...env } });
    return { code: 0, report: JSON.parse(stdout), stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, report: JSON.parse(err.stdout), stderr: err.stderr };
  }
}

describe('ta-grid perf-smoke', () => {
  it('passes on a good build, reporting warmup, checks and timing', async () => {
    const dir = tempDir('smoke');
    // The first-compute gate has its own test below; how fast this machine is does not decide this one.
    const first = await smoke(['--cache-dir', dir, '--max-first-ratio', '1000']);
    expect(first.code, first.report.reason).toBe(0);
    expect(first.report).toMatchObject({ ok: true, reason: null, warmup: { cacheWasWarm: false }, checks: { mismatches: 0 } });
    expect(first.report.checks.values).toBeGreaterThan(1000);
    // Timing is reported (bench and deploy checks read it), not judged here: speed belongs in the benchmarks.
    expect(Number.isFinite(first.report.totalSeconds) && first.report.totalSeconds > 0).toBe(true);
    const second = await smoke(['--cache-dir', dir, '--max-first-ratio', '1000']);
    expect(second.report.warmup.cacheWasWarm).toBe(true);
  });

  it('fails on a broken kernel', async () => {
    const r = await smoke(['--cache-dir', tempDir('smoke'), '--backend', 'wasm'], { TA_GRID_DRILL_CORRUPT_KERNEL: 'ma.ema' });
    expect(r.code).toBe(1);
    expect(r.report.ok).toBe(false);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/perf-smoke failed: .*ma\.ema/);
  });

  it('fails when the cache dir cannot be created', async () => {
    const file = path.join(tempDir('smoke'), 'not-a-dir');
    writeFileSync(file, '');
    const r = await smoke(['--cache-dir', path.join(file, 'cache')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/WARMUP_FAILED: cache dir .* is not writable/);
  });

  it('fails on an unreadable config', async () => {
    const r = await smoke(['--config', path.join(tempDir('smoke'), 'missing.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/INVALID_CONFIG: config file .*missing.yaml .*cannot be read/);
  });

  it('fails when the first compute is abnormally slower than the steady state', async () => {
    const r = await smoke(['--cache-dir', tempDir('smoke'), '--max-first-ratio', '0.01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/first compute after warmup took .* \(limit 0.01x\)/);
  });
});
