import type { Backend } from '../backends/types.js';
import { WarmupError } from '../errors.js';
import { firstDefault, kernelValue } from '../indicators/params.js';
import { INDICATORS, isSourceInput, outputLookback, type IndicatorDef, type ParamValues } from '../registry/index.js';

export const SELFTEST_T = 96;
/**
 * Self-test lengths: a short one, and one long enough that a kernel wrong
 * only past a block size, a buffer size or a refresh interval shows it.
 */
export const SELFTEST_LENGTHS = [SELFTEST_T, 4_099] as const;

/** A small deterministic OHLCV series with a trend, swings and flat bars. */
export function selfTestCandles(t = SELFTEST_T): Record<'open' | 'high' | 'low' | 'close' | 'volume', Float64Array> {
  const c = { open: new Float64Array(t), high: new Float64Array(t), low: new Float64Array(t), close: new Float64Array(t), volume: new Float64Array(t) };
  for (let i = 0; i < t; i++) {
    const mid = 100 + 0.05 * i + 3 * Math.sin(i / 5);
    c.open[i] = mid - 0.2 * Math.cos(i);
    c.close[i] = mid + 0.2 * Math.cos(i / 2);
    c.high[i] = Math.max(c.open[i]!, c.close[i]!) + 0.1 + 0.05 * (i % 3);
    c.low[i] = Math.min(c.open[i]!, c.close[i]!) - 0.1 - 0.05 * (i % 4);
    c.volume[i] = 1000 + 10 * (i % 7);
  }
  return c;
}

/** The smallest value of each param's default grid: the cheapest variant. */
export function selfTestParams(def: IndicatorDef): ParamValues {
  const out: Record<string, number | string> = {};
  for (const p of def.params) out[p.name] = firstDefault(p);
  return out;
}

const candlesByLength = new Map<number, ReturnType<typeof selfTestCandles>>();

function runOne(backend: Backend, def: IndicatorDef, params: ParamValues, t: number): Float64Array[] {
  // Made once per length: kernels only read their inputs.
  let candles = candlesByLength.get(t);
  if (!candles) candlesByLength.set(t, (candles = selfTestCandles(t)));
  const outs = def.outputs.map(() => new Float64Array(t));
  backend.run({
    kernel: def.id, t, v0: 0, v1: 1, float64: true, timeStride: 1, variantStride: t,
    inputs: def.inputs.map((i) => candles[isSourceInput(i) ? 'close' : i]),
    params: def.params.map((p) => Float64Array.of(kernelValue(p, params[p.name]!))),
    outputs: outs,
  });
  return outs;
}

/**
 * Runs every kernel at each length and checks its shape: NaN exactly in the
 * warm-up zone, finite after it. With a second backend (the packaged
 * build), the two must also agree value for value (to 1e-9 relative). A
 * build made on the host is checked at SELFTEST_LENGTHS; the packaged
 * builds (tested for parity before release) and workers loading bytes
 * already checked, at the short length only.
 */
export function selfTest(backend: Backend, other?: Backend, lengths: readonly number[] = [SELFTEST_T]): number {
  for (const def of INDICATORS) {
    const params = selfTestParams(def);
    for (const t of lengths) {
      let outs: Float64Array[];
      try {
        outs = runOne(backend, def, params, t);
      } catch (e) {
        throw new WarmupError(`kernel self-test: ${def.id} failed on the ${backend.name} backend: ${(e as Error).message}`, { indicator: def.id, backend: backend.name });
      }
      const check = other ? runOne(other, def, params, t) : null;
      outs.forEach((out, k) => {
        const { name, sparse } = def.outputs[k]!;
        const lookback = outputLookback(def, params, name);
        for (let i = 0; i < t; i++) {
          const v = out[i]!;
          const bad = i < lookback ? !Number.isNaN(v) : !sparse && !Number.isFinite(v);
          const ref = check?.[k]![i]!;
          const differs = ref !== undefined && !(Number.isNaN(v) && Number.isNaN(ref)) && !(Math.abs(v - ref) <= 1e-9 * Math.max(1, Math.abs(ref)));
          if (bad || differs) {
            throw new WarmupError(
              `kernel self-test: ${def.id} output '${name}' is ${v} at bar ${i} of ${t} (lookback ${lookback}${differs ? `, the packaged ${other!.name} build gives ${ref}` : ''}) on the ${backend.name} backend; the build is broken, reinstall ta-grid`,
              { indicator: def.id, backend: backend.name, t, bar: i, value: v, lookback },
            );
          }
        }
      });
    }
  }
  return INDICATORS.length;
}
