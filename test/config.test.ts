import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../dist/runtime/config.js';
import { createEngine } from '../dist/index.js';
import { tempDir } from './helpers.js';

function yamlFile(text: string): string {
  const f = path.join(tempDir('config'), 'ta-grid.yaml');
  writeFileSync(f, text);
  return f;
}

function configError(fn: () => unknown): { code?: string; message?: string; details?: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    return e as never;
  }
  return {};
}

describe('configuration', () => {
  const file = yamlFile(`compute:
  num_threads: 3
  cache_dir: /var/cache/from-file
  max_compute_bytes_total: 1073741824
  backend: wasm
indicators:
  ma.sma:
    grid:
      window: { start: 10, stop: 20 }
`);

  it('takes options over env over the YAML file over defaults, and says where each value came from', () => {
    const fromFile = resolveConfig({ configFile: file, env: {} });
    expect(fromFile.config).toMatchObject({ numThreads: 3, cacheDir: '/var/cache/from-file', maxComputeBytesTotal: 2 ** 30, backend: 'wasm' });
    expect(fromFile.config.indicatorGrids['ma.sma']).toEqual({ window: { start: 10, stop: 20 } });
    expect(fromFile.origins).toMatchObject({ numThreads: 'file', cacheDir: 'file', backend: 'file', maxVariants: 'default', configFile: 'option' });

    const env = { TA_GRID_NUM_THREADS: '2', TA_GRID_CONFIG: file, TA_GRID_BACKEND: 'native' };
    const fromEnv = resolveConfig({ env });
    expect(fromEnv.config).toMatchObject({ numThreads: 2, backend: 'native', cacheDir: '/var/cache/from-file' });
    expect(fromEnv.origins).toMatchObject({ numThreads: 'env', backend: 'env', cacheDir: 'file', configFile: 'env' });

    const fromOptions = resolveConfig({ env, numThreads: 1, cacheDir: '/tmp/x' });
    expect(fromOptions.config).toMatchObject({ numThreads: 1, cacheDir: '/tmp/x', backend: 'native' });
    expect(fromOptions.origins).toMatchObject({ numThreads: 'option', cacheDir: 'option' });

    const defaults = resolveConfig({ env: {} });
    expect(defaults.config.maxComputeBytesTotal).toBe(5 * 2 ** 30);
    expect(defaults.config.backend).toBe('auto');
    expect(defaults.origins.numThreads).toBe('default');
  });

  it.each([
    [{ env: { TA_GRID_NUM_THREADS: 'many' } }, /invalid numThreads: "many" \(from env: TA_GRID_NUM_THREADS\); allowed: an integer from 1 to 256/],
    [{ env: { TA_GRID_BACKEND: 'gpu' } }, /invalid backend: "gpu" \(from env: TA_GRID_BACKEND\); allowed: 'auto', 'native' or 'wasm'/],
    [{ env: {}, numThreads: 0 }, /invalid numThreads: 0 \(from option: numThreads\)/],
    [{ env: {}, maxComputeBytesTotal: 1000 }, /invalid maxComputeBytesTotal: 1000 .*at least 67108864/],
  ])('rejects an invalid value naming key, value, origin and what is allowed: %j', (opts, msg) => {
    const e = configError(() => resolveConfig(opts as never));
    expect(e.code).toBe('INVALID_CONFIG');
    expect(e.message).toMatch(msg);
  });

  it('rejects an option it does not know (a typo would otherwise be ignored), naming it and the allowed ones', async () => {
    for (const opts of [{ env: {}, numthreads: 2 }, { env: {}, logLevel: 'silent' }, { env: {}, threads: 2 }]) {
      const e = configError(() => resolveConfig(opts as never));
      expect(e.code).toBe('INVALID_CONFIG');
      expect(e.message).toMatch(new RegExp(`^unknown option ${Object.keys(opts)[1]} \\(from option\\); allowed: numThreads, cacheDir, `));
      expect(e.message).toMatch(/configFile, logger, env$/);
    }
    // createEngine() refuses it before starting anything.
    await expect(createEngine({ env: {}, nativeBuild: 'off', numthreads: 2 } as never)).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    // An option set to undefined is not set (as a spread of optional fields gives).
    expect(resolveConfig({ env: {}, numThreads: undefined }).origins.numThreads).toBe('default');
  });

  it('rejects a bad YAML file: unreadable, unparsable, unknown keys, bad values', () => {
    expect(configError(() => resolveConfig({ env: {}, configFile: '/nonexistent/ta-grid.yaml' })).message).toMatch(/cannot be read/);
    expect(configError(() => resolveConfig({ env: {}, configFile: yamlFile('compute: [1, 2') })).message).toMatch(/not valid YAML/);
    expect(configError(() => resolveConfig({ env: {}, configFile: yamlFile('compute:\n  threads: 2\n') })).message).toMatch(/unknown key compute.threads; allowed: num_threads/);
    expect(configError(() => resolveConfig({ env: {}, configFile: yamlFile('computer: {}\n') })).message).toMatch(/allowed top-level keys/);
    const bad = configError(() => resolveConfig({ env: {}, configFile: yamlFile('compute:\n  num_threads: -1\n') }));
    expect(bad.message).toMatch(/invalid numThreads: -1 \(from file: compute.num_threads in .*ta-grid.yaml\)/);
    expect(bad.details).toMatchObject({ key: 'numThreads', value: -1, origin: 'file' });
  });

  it('takes reserveOutputBytes from options, env or file: 0 by default, else 4 MiB up to maxComputeBytesTotal', () => {
    const MiB = 2 ** 20;
    expect(resolveConfig({ env: {} }).config.reserveOutputBytes).toBe(0);
    expect(resolveConfig({ env: {}, reserveOutputBytes: 4 * MiB }).config.reserveOutputBytes).toBe(4 * MiB);
    const fromEnv = resolveConfig({ env: { TA_GRID_RESERVE_OUTPUT_BYTES: String(600 * MiB) } });
    expect(fromEnv.config.reserveOutputBytes).toBe(600 * MiB);
    expect(fromEnv.origins.reserveOutputBytes).toBe('env');
    const fromFile = resolveConfig({ env: {}, configFile: yamlFile(`compute:\n  reserve_output_bytes: ${64 * MiB}\n`) });
    expect(fromFile.config.reserveOutputBytes).toBe(64 * MiB);
    expect(fromFile.origins.reserveOutputBytes).toBe('file');

    for (const [opts, msg] of [
      [{ reserveOutputBytes: -1 }, /invalid reserveOutputBytes: -1 \(from option: reserveOutputBytes\); allowed: 0 \(no reserve\) or an integer number of bytes from 4194304/],
      [{ reserveOutputBytes: 1.5 * MiB }, /invalid reserveOutputBytes: 1572864/],
      [{ reserveOutputBytes: 8.5 * MiB + 0.5 }, /invalid reserveOutputBytes/],
      [{ env: { TA_GRID_RESERVE_OUTPUT_BYTES: 'lots' } }, /invalid reserveOutputBytes: "lots" \(from env: TA_GRID_RESERVE_OUTPUT_BYTES\)/],
    ] as const) {
      const e = configError(() => resolveConfig({ env: {}, ...opts } as never));
      expect(e.code).toBe('INVALID_CONFIG');
      expect(e.message).toMatch(msg);
    }
    // The reserve is held within the memory budget, so it cannot exceed it.
    const over = configError(() => resolveConfig({ env: { TA_GRID_MAX_COMPUTE_BYTES_TOTAL: String(100 * MiB) }, reserveOutputBytes: 101 * MiB }));
    expect(over.code).toBe('INVALID_CONFIG');
    expect(over.message).toMatch(/reserveOutputBytes: 105906176 \(from option\) is above maxComputeBytesTotal 104857600 \(from env\).*lower it or raise maxComputeBytesTotal/);
    expect(over.details).toMatchObject({ key: 'reserveOutputBytes', value: 101 * MiB, maxComputeBytesTotal: 100 * MiB });
    expect(resolveConfig({ env: {}, maxComputeBytesTotal: 100 * MiB, reserveOutputBytes: 100 * MiB }).config.reserveOutputBytes).toBe(100 * MiB);
  });
});
