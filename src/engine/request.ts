import { ComputeBudgetExceededError, GridValidationError, InvalidRequestError } from '../errors.js';
import { buildGrid, type Grid, type GridSpec } from '../grid/grid.js';
import { getIndicator, type IndicatorDef } from '../registry/index.js';
import type { Dtype, Layout } from './result.js';

export interface EstimateRequest {
  indicator: string;
  /** Number of candles. */
  t: number;
  grid?: GridSpec;
  outputs?: readonly string[];
  dtype?: Dtype;
}

export interface Estimate {
  t: number;
  variants: number;
  outputs: number;
  bytesOut: number;
  bytesTotalEst: number;
  axes: { name: string; values: readonly (number | string)[] }[];
}

export interface Limits {
  maxVariants: number;
  maxComputeBytesTotal: number;
  indicatorGrids: Record<string, GridSpec>;
}

/** Everything about a request that does not need the candles. */
export interface Plan {
  def: IndicatorDef;
  grid: Grid;
  outputs: string[];
  layout: Layout;
  dtype: Dtype;
  estimate: Estimate;
}

export const OVERHEAD_BYTES = 64 * 2 ** 20;

export function requireObject(req: unknown, what: string): Record<string, unknown> {
  if (typeof req !== 'object' || req === null || Array.isArray(req)) {
    throw new InvalidRequestError(`${what} expects a request object like { indicator: 'ma.sma', candles, grid }, got ${req === null ? 'null' : Array.isArray(req) ? 'an array' : typeof req}`, {});
  }
  return req as Record<string, unknown>;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new InvalidRequestError(`${name} must be ${allowed.map((a) => `'${a}'`).join(' or ')}, got ${JSON.stringify(value)}`, { [name]: value });
  }
  return value as T;
}

function selectOutputs(def: IndicatorDef, outputs: unknown): string[] {
  const all = def.outputs.map((o) => o.name);
  if (outputs === undefined) return all;
  if (!Array.isArray(outputs) || outputs.length === 0) {
    throw new GridValidationError(`outputs must be a non-empty array of output names of ${def.id} (${all.join(', ')})`, { indicator: def.id });
  }
  for (const o of outputs) {
    if (!all.includes(o)) throw new GridValidationError(`${def.id} has no output '${String(o)}'; its outputs are ${all.join(', ')}`, { indicator: def.id, output: o });
  }
  // Kernel output order, whatever order the caller listed them in.
  return all.filter((o) => outputs.includes(o));
}

/**
 * Validates a request, builds its grid and applies the guards, all before any
 * large allocation: variants > maxVariants -> GridTooLargeError (from the
 * grid); estimated bytes > maxComputeBytesTotal -> ComputeBudgetExceededError.
 */
export function planRequest(req: Record<string, unknown>, t: number, limits: Limits): Plan {
  const def = getIndicator(req.indicator);
  const grid = buildGrid(def, req.grid, { maxVariants: limits.maxVariants, defaults: limits.indicatorGrids[def.id] });
  const outputs = selectOutputs(def, req.outputs);
  const layout = oneOf<Layout>('layout', req.layout, ['time-major', 'variant-major'], 'time-major');
  const dtype = oneOf<Dtype>('dtype', req.dtype, ['float32', 'float64'], 'float32');
  const bytesOut = t * grid.variants * outputs.length * (dtype === 'float64' ? 8 : 4);
  const bytesTotalEst = bytesOut + Math.ceil(0.2 * bytesOut) + OVERHEAD_BYTES;
  const estimate: Estimate = {
    t, variants: grid.variants, outputs: outputs.length, bytesOut, bytesTotalEst,
    axes: grid.axes.map((a) => ({ name: a.name, values: a.values })),
  };
  if (bytesTotalEst > limits.maxComputeBytesTotal) {
    const gib = (x: number) => `${(x / 2 ** 30).toFixed(2)} GiB`;
    throw new ComputeBudgetExceededError(
      `${def.id}: ${t} candles x ${grid.variants} variants x ${outputs.length} output(s) needs about ${gib(bytesTotalEst)}, above maxComputeBytesTotal ${gib(limits.maxComputeBytesTotal)}; shrink the grid, select fewer outputs, use float32, split the candles, or raise maxComputeBytesTotal`,
      { t, variants: grid.variants, bytesOut, bytesTotalEst, maxComputeBytesTotal: limits.maxComputeBytesTotal },
    );
  }
  return { def, grid, outputs, layout, dtype, estimate };
}

/**
 * Integer params are lengths in bars: one longer than the series is a
 * mistake (a grid that cannot produce a single value), not a NaN tensor.
 */
export function checkLengths(plan: Plan, t: number): void {
  for (const p of plan.def.params) {
    if (p.kind !== 'int') continue;
    const values = plan.grid.axes.find((a) => a.name === p.name)!.values as number[];
    const longest = Math.max(...values);
    if (longest > t) {
      throw new GridValidationError(
        `${plan.def.id}: ${p.name} = ${longest} is longer than the ${t} candles given; use ${p.name} values of at most ${t} or pass more candles`,
        { indicator: plan.def.id, axis: p.name, value: longest, t },
      );
    }
  }
}

export function checkT(t: unknown): number {
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1) {
    throw new InvalidRequestError(`t must be a positive integer number of candles, got ${JSON.stringify(t)}`, { t });
  }
  return t;
}
