import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { GridSpec } from '../grid/grid.js';
import type { Logger } from './logger.js';

export type ConfigOrigin = 'option' | 'env' | 'file' | 'default';

export interface EngineOptions {
  /** Worker threads; default os.availableParallelism(). */
  numThreads?: number;
  /** Where warmup keeps its artifacts; default per-user: `$XDG_CACHE_HOME/ta-grid`, else `~/.cache/ta-grid`. */
  cacheDir?: string;
  /**
   * Secret that signs the cache dir's manifest entries (at least 32
   * characters), for fleets sharing one volume; default: a per-user key file,
   * `$XDG_STATE_HOME/ta-grid/key` (else `~/.local/state/ta-grid/key`), created 0600.
   */
  cacheKey?: string;
  backend?: 'auto' | 'native' | 'wasm';
  /** Memory guard for one compute, in bytes; default 5 GiB. */
  maxComputeBytesTotal?: number;
  /** Grid size guard for one compute; default 1,000,000 variants. */
  maxVariants?: number;
  /** When warmup builds the host-tuned native addon; default 'background'. */
  nativeBuild?: 'background' | 'wait' | 'off';
  /**
   * Bytes of output memory warmup maps and touches (on the pool's threads),
   * so the first compute() writing about that much (80% to 100% of it, e.g.
   * `estimate(request).bytesOut`) pays no page faults; 0 (default) for none,
   * else at least 4 MiB and at most maxComputeBytesTotal, whose budget it counts in.
   */
  reserveOutputBytes?: number;
  /** YAML file with a `compute:` section and per-indicator default grids. */
  configFile?: string;
  /** pino-compatible logger; default pino at `info` (TA_GRID_LOG_LEVEL). */
  logger?: Logger;
  /** Environment to read TA_GRID_* from; default process.env. */
  env?: Record<string, string | undefined>;
}

export interface EffectiveConfig {
  numThreads: number;
  cacheDir: string;
  cacheKey: string | null;
  backend: 'auto' | 'native' | 'wasm';
  maxComputeBytesTotal: number;
  maxVariants: number;
  nativeBuild: 'background' | 'wait' | 'off';
  reserveOutputBytes: number;
  configFile: string | null;
  /** Default grids per indicator id from the config file. */
  indicatorGrids: Record<string, GridSpec>;
}

export interface ResolvedConfig {
  config: EffectiveConfig;
  origins: Record<'numThreads' | 'cacheDir' | 'cacheKey' | 'backend' | 'maxComputeBytesTotal' | 'maxVariants' | 'nativeBuild' | 'reserveOutputBytes' | 'configFile', ConfigOrigin>;
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The smallest output reserve: below it a fresh buffer costs little to touch (engine/outputs.ts MIN_MANAGED_BYTES). */
export const MIN_RESERVE_BYTES = 4 * 2 ** 20;

/** One row per setting: its schema, its environment variable and its YAML key. */
const SETTINGS = {
  numThreads: { schema: int(1, 256), env: 'TA_GRID_NUM_THREADS', yaml: 'num_threads', allowed: 'an integer from 1 to 256' },
  cacheDir: { schema: z.string().min(1), env: 'TA_GRID_CACHE_DIR', yaml: 'cache_dir', allowed: 'a directory path' },
  cacheKey: { schema: z.string().min(32).nullable(), env: 'TA_GRID_CACHE_KEY', yaml: 'cache_key', allowed: 'a secret of at least 32 characters (e.g. `openssl rand -hex 32`)' },
  backend: { schema: z.enum(['auto', 'native', 'wasm']), env: 'TA_GRID_BACKEND', yaml: 'backend', allowed: "'auto', 'native' or 'wasm'" },
  maxComputeBytesTotal: { schema: int(64 * 2 ** 20, Number.MAX_SAFE_INTEGER), env: 'TA_GRID_MAX_COMPUTE_BYTES_TOTAL', yaml: 'max_compute_bytes_total', allowed: 'an integer number of bytes, at least 67108864 (64 MiB)' },
  maxVariants: { schema: int(1, 100_000_000), env: 'TA_GRID_MAX_VARIANTS', yaml: 'max_variants', allowed: 'an integer from 1 to 100000000' },
  nativeBuild: { schema: z.enum(['background', 'wait', 'off']), env: 'TA_GRID_NATIVE_BUILD', yaml: 'native_build', allowed: "'background' (build the host-tuned addon in a child process), 'wait' (build it during warmup) or 'off'" },
  reserveOutputBytes: {
    schema: int(0, Number.MAX_SAFE_INTEGER).refine((n) => n === 0 || n >= MIN_RESERVE_BYTES),
    env: 'TA_GRID_RESERVE_OUTPUT_BYTES', yaml: 'reserve_output_bytes',
    allowed: `0 (no reserve) or an integer number of bytes from ${MIN_RESERVE_BYTES} (4 MiB) up to maxComputeBytesTotal, e.g. estimate(request).bytesOut`,
  },
} as const;

type Key = keyof typeof SETTINGS;

const fileSchema = z.object({
  compute: z.record(z.string(), z.unknown()).optional(),
  indicators: z.record(z.string(), z.object({ grid: z.record(z.string(), z.unknown()) }).strict()).optional(),
}).strict();

/** Per-user, never relative to the working directory: $XDG_CACHE_HOME/ta-grid, else ~/.cache/ta-grid. */
export function defaultCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'ta-grid');
}

function defaults(): Record<Key, unknown> {
  return {
    numThreads: os.availableParallelism(),
    cacheDir: defaultCacheDir(),
    cacheKey: null,
    backend: 'auto',
    maxComputeBytesTotal: 5 * 2 ** 30,
    maxVariants: 1_000_000,
    nativeBuild: 'background',
    reserveOutputBytes: 0,
  };
}

function readConfigFile(file: string, origin: ConfigOrigin): { compute: Record<string, unknown>; indicators: Record<string, GridSpec> } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`config file ${file} (from ${origin}) cannot be read: ${(e as Error).message}; fix the path or unset it`, { key: 'configFile', value: file, origin });
  }
  let doc: unknown;
  try {
    doc = parseYaml(text) ?? {};
  } catch (e) {
    throw new ConfigError(`config file ${file} is not valid YAML: ${(e as Error).message}`, { key: 'configFile', value: file, origin });
  }
  const parsed = fileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`config file ${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}; allowed top-level keys are 'compute' and 'indicators' (indicators.<id>.grid)`, { key: issue.path.join('.'), origin: 'file', file });
  }
  const known = new Set(Object.values(SETTINGS).map((s) => s.yaml));
  for (const k of Object.keys(parsed.data.compute ?? {})) {
    if (!known.has(k as never)) throw new ConfigError(`config file ${file}: unknown key compute.${k}; allowed: ${[...known].join(', ')}`, { key: `compute.${k}`, origin: 'file', file });
  }
  const indicators: Record<string, GridSpec> = {};
  for (const [id, v] of Object.entries(parsed.data.indicators ?? {})) indicators[id] = v.grid as GridSpec;
  return { compute: parsed.data.compute ?? {}, indicators };
}

/** The keys createEngine() takes: the settings, and where they come from. */
const OPTION_KEYS: readonly string[] = [...Object.keys(SETTINGS), 'configFile', 'logger', 'env'];

/** An option createEngine() does not know (a typo, a renamed one) would be ignored in silence: refuse it. */
function rejectUnknownOptions(options: EngineOptions): void {
  for (const key of Object.keys(options)) {
    if (OPTION_KEYS.includes(key) || (options as Record<string, unknown>)[key] === undefined) continue;
    throw new ConfigError(`unknown option ${key} (from option); allowed: ${OPTION_KEYS.join(', ')}`, { key, origin: 'option', allowed: OPTION_KEYS.join(', ') });
  }
}

/**
 * Effective configuration: options > environment (TA_GRID_*) > YAML file >
 * defaults. Every value is validated, and an invalid one names the key, the
 * value, where it came from and what is allowed.
 */
export function resolveConfig(options: EngineOptions = {}): ResolvedConfig {
  rejectUnknownOptions(options);
  const env = options.env ?? process.env;
  let configFile: string | null = null;
  let configOrigin: ConfigOrigin = 'default';
  if (options.configFile !== undefined) [configFile, configOrigin] = [options.configFile, 'option'];
  else if (env.TA_GRID_CONFIG) [configFile, configOrigin] = [env.TA_GRID_CONFIG, 'env'];
  const file = configFile ? readConfigFile(configFile, configOrigin) : { compute: {}, indicators: {} };

  const base = defaults();
  const out: Record<string, unknown> = {};
  const origins: Record<string, ConfigOrigin> = { configFile: configOrigin };
  for (const key of Object.keys(SETTINGS) as Key[]) {
    const s = SETTINGS[key];
    const candidates: [ConfigOrigin, unknown, string][] = [
      ['option', (options as Record<string, unknown>)[key], key],
      ['env', env[s.env] === '' ? undefined : env[s.env], s.env],
      ['file', file.compute[s.yaml], `compute.${s.yaml} in ${configFile}`],
      ['default', base[key], key],
    ];
    const [origin, value, where] = candidates.find(([, v]) => v !== undefined)!;
    const parsed = s.schema.safeParse(value);
    if (!parsed.success) {
      const shown = key === 'cacheKey' ? `a ${String(value).length}-character value` : JSON.stringify(value);
      throw new ConfigError(`invalid ${key}: ${shown} (from ${origin}: ${where}); allowed: ${s.allowed}`, { key, value: key === 'cacheKey' ? '[redacted]' : value, origin, allowed: s.allowed });
    }
    out[key] = key === 'cacheDir' ? path.resolve(parsed.data as string) : parsed.data;
    origins[key] = origin;
  }
  // The reserve is idle output memory, held within the budget every call is checked against.
  const reserve = out.reserveOutputBytes as number, budget = out.maxComputeBytesTotal as number;
  if (reserve > budget) {
    throw new ConfigError(
      `invalid reserveOutputBytes: ${reserve} (from ${origins.reserveOutputBytes}) is above maxComputeBytesTotal ${budget} (from ${origins.maxComputeBytesTotal}); the reserve is output memory held within that budget: lower it or raise maxComputeBytesTotal`,
      { key: 'reserveOutputBytes', value: reserve, origin: origins.reserveOutputBytes, maxComputeBytesTotal: budget },
    );
  }
  return {
    config: { ...(out as Omit<EffectiveConfig, 'configFile' | 'indicatorGrids'>), configFile, indicatorGrids: file.indicators },
    origins: origins as ResolvedConfig['origins'],
  };
}

/** The effective values for logs and `ta-grid doctor`: the cache key is shown as set or not, never its value. */
export function printableConfig(config: EffectiveConfig): Record<string, unknown> {
  const { indicatorGrids, cacheKey, ...rest } = config;
  return { ...rest, cacheKey: cacheKey === null ? null : '[redacted]', indicatorGrids: Object.keys(indicatorGrids) };
}

/** Logged once per engine: the effective values and where each came from. */
export function logConfig(logger: Logger, r: ResolvedConfig): void {
  const { indicatorGrids, ...config } = printableConfig(r.config);
  logger.info({ config, origins: r.origins, indicatorGrids }, 'ta-grid config');
}
