// Short histories: a variant whose window is longer than the candles is NaN
// throughout, not an error (a grid scanned over a symbol listed last month
// still computes its other variants). Kernels never see such a window: it is
// clamped to the series length for the call and the variant's outputs are
// overwritten with NaN afterwards.
import type { OutputArray } from '../backends/types.js';
import type { Steps } from '../candles/steps.js';
import { outputLookback, type IndicatorDef, type ParamValues, type ResolvedIndicator } from '../registry/index.js';
import type { Plan } from './request.js';

/** Values written between two looks at the clock. */
const SLICE = 1 << 16;

/**
 * Clamps every int param longer than `t` to `t` (or the param's minimum, if
 * larger) in the param columns the kernels read, and marks those variants.
 * Returns null when no variant is marked.
 */
export function clampLengths(plan: Plan, t: number, params: Float64Array[]): Uint8Array | null {
  let mask: Uint8Array | null = null;
  plan.def.params.forEach((p, k) => {
    if (p.kind !== 'int') return;
    const col = params[k]!;
    for (let v = 0; v < col.length; v++) {
      if (col[v]! <= t) continue;
      mask ??= new Uint8Array(plan.grid.variants);
      mask[v] = 1;
      col[v] = Math.max(t, p.min);
    }
  });
  return mask;
}

/**
 * First valid bar of one output of one variant on t gap-free candles: the
 * output's lookback formula evaluated on the variant's params, raised to t
 * when a length param is longer than the series (the kernels then ran with it
 * clamped to t, and the variant is NaN throughout). A value >= t means the
 * output has no value on these candles.
 */
export function variantLookback(def: IndicatorDef, params: ParamValues, output: string, t: number): number {
  const lb = outputLookback(def, params, output);
  return def.params.some((p) => p.kind === 'int' && (params[p.name] as number) > t) ? Math.max(lb, t) : lb;
}

/** result.lookback() of a call over t candles: output names as the request gave them (an alias's, for an alias). */
export function resultLookback(ind: ResolvedIndicator, t: number): (output: string, params: Readonly<Record<string, unknown>>) => number {
  return (output, params) => variantLookback(ind.def, params as ParamValues, ind.outputs.find((o) => o.name === output)!.of, t);
}

/** True when some int param's minimum is already longer than the series: no variant can fit. */
export function nothingFits(plan: Plan, t: number): boolean {
  return plan.def.params.some((p) => p.kind === 'int' && p.min > t);
}

/** NaN over every output of the marked variants (all variants when mask is null). */
export function* fillNaN(arrays: Map<string, OutputArray>, mask: Uint8Array | null, t: number, variants: number, timeMajor: boolean): Steps<void> {
  for (const a of arrays.values()) {
    if (!mask) {
      for (let i0 = 0; i0 < a.length; i0 += SLICE) {
        a.fill(NaN, i0, Math.min(a.length, i0 + SLICE));
        yield;
      }
      continue;
    }
    let written = 0;
    for (let v = 0; v < variants; v++) {
      if (!mask[v]) continue;
      if (timeMajor) for (let i = 0; i < t; i++) a[i * variants + v] = NaN;
      else a.fill(NaN, v * t, (v + 1) * t);
      if ((written += t) >= SLICE) {
        written = 0;
        yield;
      }
    }
  }
}

/**
 * Variants that never warm up on t candles: every selected output's lookback
 * is at least t (marked variants always). When even the longest params leave
 * a value, with every value of the choice axes, none; otherwise each
 * variant's lookback is evaluated.
 */
export function* countNeverWarm(plan: Plan, t: number, mask: Uint8Array | null): Steps<number> {
  const { def, grid, kernelOutputs: outputs } = plan;
  let longest: Record<string, number | string>[] = [{}];
  for (const a of grid.axes) {
    if (a.kind === 'source') continue;
    if (a.kind === 'choice') {
      longest = longest.flatMap((p) => a.values.map((x) => ({ ...p, [a.name]: x })));
      continue;
    }
    let m = -Infinity;
    for (const x of a.values as number[]) m = Math.max(m, x);
    for (const p of longest) p[a.name] = m;
  }
  const warms = (params: ParamValues) => outputs.some((o) => outputLookback(def, params, o) < t);
  if (!mask && longest.every(warms)) return 0;
  let count = 0;
  for (let v = 0; v < grid.variants; v++) {
    if (mask?.[v] || !warms(grid.variant(v))) count++;
    if ((v & 4095) === 4095) yield;
  }
  return count;
}
