import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine, isSourceInput, type Engine, type EngineOptions } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';
import { mulberry32 } from '../bench/common.mjs';

export type BackendName = 'native' | 'wasm';

const engines = new Map<BackendName, Promise<Engine>>();

/** One warmed-up engine per backend, shared by a test file, single-threaded. */
export function engineFor(backend: BackendName): Promise<Engine> {
  let e = engines.get(backend);
  if (!e) {
    e = createEngine({ backend, ...testEngineOptions() }).then(async (eng) => {
      await eng.warmup();
      return eng;
    });
    engines.set(backend, e);
  }
  return e;
}

let sharedCache: string | null = null;

/**
 * Options for a quiet engine with no background compiler. Engines of one
 * test file share a cache dir (warm after the first, as in a service);
 * tests about the cache pass their own.
 */
export function testEngineOptions(extra: EngineOptions = {}): EngineOptions {
  sharedCache ??= tempDir('cache');
  return { numThreads: 1, logger: silentLogger, env: {}, nativeBuild: 'off', cacheDir: sharedCache, ...extra };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `ta-grid-${prefix}-`));
}

/**
 * Runs fn with the stream stepper of `id` taken away, as for an indicator
 * without one: its streams recompute their current run (docs/streaming.md).
 */
export async function withoutStepper<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const steppers = (await import('../dist/stream/steppers/index.js')).STEPPERS as Record<string, unknown>;
  const factory = steppers[id];
  delete steppers[id];
  try {
    return await fn();
  } finally {
    steppers[id] = factory;
  }
}

export async function closeEngines(): Promise<void> {
  for (const e of engines.values()) await (await e).close();
  engines.clear();
}

/** mulberry32, the generator of the golden fixture. */
export const rng: (seed: number) => () => number = mulberry32;

export interface SyntheticOptions {
  t: number;
  seed: number;
  /** Price level: 1e-4 .. 1e7 exercises tiny and huge prices. */
  scale?: number;
  /** Probability of a missing candle (all of OHLCV NaN). */
  holes?: number;
  /** Insert flat stretches (O = H = L = C) of this many bars. */
  flat?: number;
}

/** Random-walk OHLCV with optional NaN holes and flat stretches. */
export function syntheticCandles(o: SyntheticOptions) {
  const r = rng(o.seed);
  const scale = o.scale ?? 100;
  const cols = {
    ts_open: new Float64Array(o.t), open: new Float64Array(o.t), high: new Float64Array(o.t),
    low: new Float64Array(o.t), close: new Float64Array(o.t), volume: new Float64Array(o.t),
  };
  let price = scale;
  let flatLeft = 0;
  for (let i = 0; i < o.t; i++) {
    cols.ts_open[i] = 1_700_000_000_000 + i * 60_000;
    if (o.flat && flatLeft === 0 && r() < 0.01) flatLeft = o.flat;
    const open = price;
    let close = flatLeft > 0 ? open : open * (1 + (r() - 0.5) * 0.02);
    let high = Math.max(open, close) * (1 + (flatLeft > 0 ? 0 : r() * 0.005));
    let low = Math.min(open, close) * (1 - (flatLeft > 0 ? 0 : r() * 0.005));
    if (flatLeft > 0) { high = open; low = open; close = open; flatLeft--; }
    cols.open[i] = open; cols.high[i] = high; cols.low[i] = low; cols.close[i] = close;
    cols.volume[i] = flatLeft > 0 ? 0 : 1000 * (0.2 + r());
    price = close;
    if (o.holes && r() < o.holes) {
      for (const k of ['open', 'high', 'low', 'close', 'volume'] as const) cols[k][i] = NaN;
    }
  }
  return cols;
}

/** First index where a and b differ beyond tolerance (NaN must match NaN), or -1. */
export function firstMismatch(a: ArrayLike<number>, b: ArrayLike<number>, rel: number, abs: number): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (Number.isNaN(x) !== Number.isNaN(y)) return i;
      continue;
    }
    if (!(Math.abs(x - y) <= Math.max(abs, rel * Math.abs(y)))) return i;
  }
  return -1;
}

/** Base or derived source column, by the formulas of the docs (TA-Lib's price transforms). */
export function derived(c: Record<string, Float64Array>, name: string): Float64Array {
  const t = c.close.length;
  const out = new Float64Array(t);
  for (let i = 0; i < t; i++) {
    const [o, h, l, cl] = [c.open[i]!, c.high[i]!, c.low[i]!, c.close[i]!];
    out[i] = name === 'hl2' ? (h + l) / 2 : name === 'hlc3' ? (h + l + cl) / 3 : name === 'ohlc4' ? (o + h + l + cl) / 4
      : name === 'hlcc4' ? (h + l + cl * 2) / 4 : c[name]![i]!;
  }
  return out;
}

export interface Failure {
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/** The error a call or promise fails with, or {} when it succeeds. */
export async function failure(p: Promise<unknown> | (() => unknown)): Promise<Failure> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e as Failure;
  }
  return {};
}

/** What an input reads for one variant: a source input (`source`, `source2`) the variant's value of its axis, else the candle column. */
export function inputName(input: string, params: Record<string, unknown>): string {
  return isSourceInput(input) ? String(params[input]) : input;
}

type AxisInfo = { name: string; kind: string; values?: string[]; onlyWith?: { param: string; values: string[] }; default: unknown };

/**
 * A test grid split so that no part breaks a choice's grid constraint
 * (onlyWith): where the grid holds values other than the constrained axis'
 * default and values of the other axis outside the allowed ones, one part
 * keeps the axis at its default and another the other axis at its allowed
 * values, so every value is still computed.
 */
export function allowedGrids(info: { axes: readonly AxisInfo[] }, grid: Record<string, unknown>): Record<string, unknown>[] {
  let parts = [grid];
  for (const a of info.axes) {
    if (!a.onlyWith) continue;
    const { param, values: allowed } = a.onlyWith;
    const byDefault = (a.default as string[])[0]!;
    const valuesOf = (g: Record<string, unknown>, name: string): string[] => (g[name] as string[] | undefined) ?? (info.axes.find((x) => x.name === name)!.default as string[]);
    parts = parts.flatMap((g) => {
      const own = valuesOf(g, a.name), other = valuesOf(g, param);
      if (!own.some((v) => v !== byDefault) || other.every((v) => allowed.includes(v))) return [g];
      const kept = other.filter((v) => allowed.includes(v));
      return [{ ...g, [a.name]: [byDefault] }, { ...g, [param]: kept.length > 0 ? kept : allowed }];
    });
  }
  return parts;
}

/**
 * A long choice axis (the nine MA types) cut to its default and one more
 * value picked by `salt`, for grids that multiply many values of every axis:
 * three such axes would make a grid of 729 times the rest. Calls with
 * different salts cover different values.
 */
export function sampledChoice(a: { values?: string[]; default: unknown }, salt: number): string[] {
  const values = a.values!;
  if (values.length <= 3) return values;
  const byDefault = (a.default as string[])[0]!;
  const others = values.filter((v) => v !== byDefault);
  return [byDefault, others[salt % others.length]!];
}

/**
 * The values of choice axis `a` in a suite's grid: all of them, but a long
 * axis (the MA types) by sampledChoice when `sample` asks for it (suites that
 * compute every variant several times) or when the indicator has several
 * long axes, whose product would multiply the grid (MACDEXT: 729). The
 * salt, shifted per axis, picks which values.
 */
export function choiceValues(info: { axes: readonly AxisInfo[] }, a: AxisInfo, salt: number, sample = false): string[] {
  const long = info.axes.filter((x) => x.kind === 'choice' && x.values!.length > 3);
  if (!long.includes(a) || (!sample && long.length < 2)) return a.values!;
  return sampledChoice(a, salt + long.indexOf(a));
}
