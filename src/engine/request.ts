import { isArrayBuffer, isSharedArrayBuffer } from 'node:util/types';
import { DERIVED } from '../candles/candles.js';
import { ComputeBudgetExceededError, GridValidationError, InvalidRequestError } from '../errors.js';
import { buildGrid, type Grid, type GridSpec } from '../grid/grid.js';
import { isWindowParam } from '../indicators/params.js';
import { CANDLE_COLUMNS, isSourceInput, resolveIndicator, type IndicatorDef, type ResolvedIndicator, type SourceName } from '../registry/index.js';
import type { Dtype, Layout } from './result.js';

export interface EstimateRequest {
  indicator: string;
  /** Number of candles (or give `candles`, and they are counted). */
  t?: number;
  candles?: unknown;
  grid?: GridSpec;
  outputs?: readonly string[];
  dtype?: Dtype;
  layout?: Layout;
}

export interface Estimate {
  t: number;
  variants: number;
  outputs: number;
  /** The output tensor(s): t x variants x outputs x bytes per value. */
  bytesOut: number;
  /**
   * Everything the call allocates: outputs, parameter columns, candle columns
   * converted or derived in shared memory, kernel scratch on every thread,
   * and a fixed overhead. An upper bound: see the README's memory section.
   */
  bytesTotalEst: number;
  axes: { name: string; values: readonly (number | string)[] }[];
}

export interface Limits {
  maxVariants: number;
  maxComputeBytesTotal: number;
  indicatorGrids: Record<string, GridSpec>;
}

/** What the engine holds besides a call's own buffers: kernel scratch on each thread, idle pooled outputs. */
export interface MemoryModel {
  threads: number;
  /** Scratch one thread holds to run `kernel` over t bars with windows up to `window`. */
  scratchBytes(kernel: string, t: number, window: number): number;
  /** Idle output-pool bytes still held while a call writing bytesOut runs. */
  pooledBytes(bytesOut: number, besides: number): number;
}

/** Memory of a call, part by part (bytesTotalEst is their sum). */
export interface MemoryParts {
  outputs: number;
  params: number;
  columns: number;
  scratch: number;
  pooled: number;
  overhead: number;
}

/** Everything about a request that does not need the candles' values. */
export interface Plan {
  /** The id as requested (an alias's, for an alias) and the definition whose kernel computes it. */
  indicator: ResolvedIndicator;
  def: IndicatorDef;
  grid: Grid;
  /** Selected outputs under the request's names (an alias's names for an alias), in kernel order. */
  outputs: string[];
  /** The definition's name of each selected output (same order). */
  kernelOutputs: string[];
  layout: Layout;
  dtype: Dtype;
  /** Every source the kernels read (inputs and source axis values). */
  sources: SourceName[];
  memory: MemoryParts;
  estimate: Estimate;
}

/** Fixed allowance for what a call allocates besides the parts counted one by one (job messages, result objects, Arrow schema). */
export const OVERHEAD_BYTES = 64 * 2 ** 20;

export const COMPUTE_KEYS = ['indicator', 'candles', 'grid', 'outputs', 'layout', 'dtype', 'signal', 'onProgress', 'timeoutMs', 'out'] as const;
/** estimate() takes a compute request as it is (so `{ ...request, t }` works), or `t` instead of candles. */
const ESTIMATE_KEYS = ['indicator', 't', ...COMPUTE_KEYS.slice(1)] as const;

/** Longest timer Node can arm (setTimeout clamps anything above to 1 ms). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/** The allowed key closest to `key`, when it is close enough to be a typo. */
export function closest(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null, bestD = Infinity;
  for (const a of allowed) {
    const d = editDistance(key, a);
    if (d < bestD) [best, bestD] = [a, d];
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/** A request object with only the keys `allowed`; anything else is refused, naming it and the closest valid key. */
export function requireRequest(req: unknown, what: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof req !== 'object' || req === null || Array.isArray(req)) {
    throw new InvalidRequestError(`${what} expects a request object like { indicator: 'ma.sma', candles, grid }, got ${req === null ? 'null' : Array.isArray(req) ? 'an array' : typeof req}`, {});
  }
  for (const key of Object.keys(req)) {
    if ((allowed as readonly string[]).includes(key)) continue;
    const near = closest(key, allowed);
    throw new InvalidRequestError(
      `${what}: unknown key '${key}'${near ? `; did you mean '${near}'?` : '.'} The keys are ${allowed.join(', ')}`,
      { key, suggestion: near, allowed: [...allowed] },
    );
  }
  return req as Record<string, unknown>;
}

export function requireEstimateRequest(req: unknown): Record<string, unknown> {
  return requireRequest(req, 'estimate()', ESTIMATE_KEYS);
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new InvalidRequestError(`${name} must be ${allowed.map((a) => `'${a}'`).join(' or ')}, got ${JSON.stringify(value)}`, { [name]: value });
  }
  return value as T;
}

function selectOutputs(ind: ResolvedIndicator, outputs: unknown): ResolvedIndicator['outputs'] {
  const all = ind.outputs.map((o) => o.name);
  if (outputs === undefined) return ind.outputs;
  if (!Array.isArray(outputs) || outputs.length === 0) {
    throw new GridValidationError(`outputs must be a non-empty array of output names of ${ind.id} (${all.join(', ')})`, { indicator: ind.id });
  }
  for (const o of outputs) {
    if (!all.includes(o)) throw new GridValidationError(`${ind.id} has no output '${String(o)}'; its outputs are ${all.join(', ')}`, { indicator: ind.id, output: o });
  }
  // Kernel output order, whatever order the caller listed them in.
  return ind.outputs.filter((o) => outputs.includes(o.name));
}

function isPlainObject(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === null || Object.getPrototypeOf(proto) === null; // Object.prototype of any realm
}

const kindOf = (x: unknown): string => (x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x === 'object' ? ((x as object).constructor?.name ?? 'object') : typeof x);

/**
 * Columns a call may hold in shared memory, without looking at the candles:
 * ts_open and every base column (inputs that are not float arrays are
 * converted whole while loading), plus each derived source it reads.
 * compute() replaces this bound by the exact figure once the candles are loaded.
 */
function worstCaseColumns(sources: readonly SourceName[]): number {
  return 1 + CANDLE_COLUMNS.length + sources.filter((s) => DERIVED[s]).length;
}

/** The longest window of a grid, which kernel scratch is sized for (0 when the indicator has none). */
export function gridWindow(def: IndicatorDef, grid: Grid): number {
  let w = 0;
  for (const axis of grid.axes) {
    const p = def.params.find((q) => q.name === axis.name);
    if (p && isWindowParam(p)) for (const v of axis.values as readonly number[]) w = Math.max(w, v);
  }
  return w;
}

/**
 * Validates a request, builds its grid and applies the guards, all before any
 * large allocation: variants > maxVariants -> GridTooLargeError (from the
 * grid); estimated bytes > maxComputeBytesTotal -> ComputeBudgetExceededError.
 * `t` is the candle count (estimate()'s `t`, or counted from the candles).
 */
export function planRequest(req: Record<string, unknown>, t: number, limits: Limits, model: MemoryModel): Plan {
  const indicator = resolveIndicator(req.indicator);
  const def = indicator.def;
  if (req.grid !== undefined && !isPlainObject(req.grid)) {
    throw new GridValidationError(`grid must be a plain object of axis specs like { window: { start: 5, stop: 50 } }, got ${kindOf(req.grid)}`, {});
  }
  // An alias's grid errors name the alias; its axes and config defaults are the target's.
  const gridDef = indicator.alias ? { ...def, id: indicator.id } : def;
  const grid = buildGrid(gridDef, req.grid, { maxVariants: limits.maxVariants, defaults: limits.indicatorGrids[indicator.id] ?? limits.indicatorGrids[def.id] });
  const selected = selectOutputs(indicator, req.outputs);
  const outputs = selected.map((o) => o.name);
  const layout = oneOf<Layout>('layout', req.layout, ['time-major', 'variant-major'], 'time-major');
  const dtype = oneOf<Dtype>('dtype', req.dtype, ['float32', 'float64'], 'float32');
  const sourceValues = grid.axes.filter((a) => a.kind === 'source').flatMap((a) => a.values as SourceName[]);
  const sources = [...new Set([...def.inputs.filter((i) => !isSourceInput(i)), ...sourceValues])] as SourceName[];
  const bytesOut = t * grid.variants * outputs.length * (dtype === 'float64' ? 8 : 4);
  const params = grid.variants * def.params.length * 8;
  const columns = worstCaseColumns(sources) * t * 8;
  const scratch = model.threads * model.scratchBytes(def.id, t, gridWindow(def, grid));
  const memory: MemoryParts = {
    outputs: bytesOut, params, columns, scratch,
    pooled: model.pooledBytes(bytesOut, params + columns + scratch + OVERHEAD_BYTES),
    overhead: OVERHEAD_BYTES,
  };
  const plan: Plan = {
    indicator, def, grid, outputs, kernelOutputs: selected.map((o) => o.of), layout, dtype, sources, memory,
    estimate: {
      t, variants: grid.variants, outputs: outputs.length, bytesOut, bytesTotalEst: 0,
      // Range axes make their values only when the caller reads them: estimate() stays O(axes).
      axes: grid.axes.map((a) => ({ name: a.name, get values() { return a.values; } })),
    },
  };
  checkBudget(plan, limits);
  return plan;
}

/** Sets bytesTotalEst from the plan's memory parts and refuses it above the budget. */
export function checkBudget(plan: Plan, limits: Limits): void {
  const m = plan.memory;
  const total = m.outputs + m.params + m.columns + m.scratch + m.pooled + m.overhead;
  const { t, variants, bytesOut } = plan.estimate;
  plan.estimate.bytesTotalEst = total;
  if (total > limits.maxComputeBytesTotal) {
    const gib = (x: number) => `${(x / 2 ** 30).toFixed(2)} GiB`;
    throw new ComputeBudgetExceededError(
      `${plan.indicator.id}: ${t} candles x ${variants} variants x ${plan.outputs.length} output(s) needs about ${gib(total)} (outputs ${gib(m.outputs)}, candle columns ${gib(m.columns)}, parameters ${gib(m.params)}, kernel scratch ${gib(m.scratch)}, idle pooled outputs ${gib(m.pooled)}), above maxComputeBytesTotal ${gib(limits.maxComputeBytesTotal)}; shrink the grid, select fewer outputs, use float32, split the candles, or raise maxComputeBytesTotal`,
      { t, variants, bytesOut, bytesTotalEst: total, memory: { ...m }, maxComputeBytesTotal: limits.maxComputeBytesTotal },
    );
  }
}

export function checkT(t: unknown): number {
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1) {
    throw new InvalidRequestError(`t must be a positive integer number of candles, got ${JSON.stringify(t)}`, { t });
  }
  return t;
}

/** The call options of compute(), type-checked. */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (p: { processed: number; total: number }) => void;
  /** Milliseconds from the call's entry; undefined for none. */
  timeoutMs?: number;
  out?: ArrayBuffer | SharedArrayBuffer;
}

function isAbortSignal(x: unknown): x is AbortSignal {
  if (x instanceof AbortSignal) return true;
  const s = x as Partial<AbortSignal> | null;
  return typeof s === 'object' && s !== null && typeof s.aborted === 'boolean' && typeof s.addEventListener === 'function' && typeof s.removeEventListener === 'function';
}

export function callOptions(req: Record<string, unknown>): CallOptions {
  const { signal, onProgress, timeoutMs, out } = req;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new InvalidRequestError(`signal must be an AbortSignal (e.g. AbortSignal.timeout(5000) or new AbortController().signal), got ${kindOf(signal)}`, { key: 'signal' });
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidRequestError(`onProgress must be a function ({ processed, total }) => void, got ${kindOf(onProgress)}`, { key: 'onProgress' });
  }
  if (timeoutMs !== undefined && timeoutMs !== Infinity && !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new InvalidRequestError(`timeoutMs must be a number of milliseconds in (0, ${MAX_TIMEOUT_MS}], or Infinity (or left out) for no timeout; got ${typeof timeoutMs === 'number' ? String(timeoutMs) : kindOf(timeoutMs)}`, { key: 'timeoutMs', timeoutMs: typeof timeoutMs === 'number' ? timeoutMs : String(timeoutMs) });
  }
  if (out !== undefined && !isArrayBuffer(out) && !isSharedArrayBuffer(out)) {
    throw new InvalidRequestError(`out must be an ArrayBuffer or SharedArrayBuffer, got ${kindOf(out)}`, { key: 'out' });
  }
  return {
    signal: signal as AbortSignal | undefined,
    onProgress: onProgress as CallOptions['onProgress'],
    timeoutMs: timeoutMs === Infinity ? undefined : (timeoutMs as number | undefined),
    out: out as CallOptions['out'],
  };
}
