// momentum.stoch_rsi, stepped: native/momentum/stoch_rsi.h, STOCHF over the
// RSI. Per source run, the age of its run and the previous value; per
// (source run, rsi_window, seed), TA-Lib's RSI (rsiRun: the means of the
// first m changes, m = rsi_window or 1 for seed 'first', then Wilder's
// steps) and a ring of its last (longest k_window) values; per variant, the
// highest and lowest RSI of its k_window (the values the kernel's deques
// give), fast %K, and with fastd_matype 'sma' TA-Lib's running means of
// slow %K (k_smoothing) and %D (putKD), else kdByType's lanes (kdAverages: an
// SMA over k_smoothing, %D of its type); MAMA recomputes.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { rsiFromAverages, SEED_FIRST, wilderStep, ZERO_DENOMINATOR_NAN } from './primitives.js';
import { Layout } from './extremes.js';
import { MA } from './matypes.js';
import { kdAverages } from './stochastic.js';

/** One RSI of a source run: [gain, loss, RSI values so far in the run, ring position, ring of the last R]. */
interface RsiGroup { n: number; m: number; R: number; at: number; vars: number[] }

/** rsiRun for the bar of age `age` (its change x - prev): the RSI, NaN before its first value. */
function rsiStep(s: Float64Array, g: RsiGroup, age: number, x: number, prev: number): number {
  const at = g.at;
  if (age === 0) {
    s.fill(0.0, at, at + 4);
    return NaN;
  }
  const d = x - prev;
  const up = d > 0.0 ? d : 0.0, down = d < 0.0 ? -d : 0.0;
  let gain = s[at]!, loss = s[at + 1]!;
  if (age <= g.m) {
    gain += up;
    loss += down;
    if (age === g.m) {
      gain /= g.m;
      loss /= g.m;
    }
  } else {
    gain = wilderStep(gain, up, g.n);
    loss = wilderStep(loss, down, g.n);
  }
  s[at] = gain;
  s[at + 1] = loss;
  if (age < g.m) return NaN;
  const rsi = rsiFromAverages(gain, loss);
  const pos = s[at + 3]!;
  s[at + 4 + pos] = rsi;
  s[at + 3] = pos + 1 === g.R ? 0 : pos + 1;
  s[at + 2] = s[at + 2]! + 1;
  return rsi;
}

/**
 * The highest and lowest of the newest j + 1 values of a ring (R slots at
 * `ring`, the newest, x, at pos - 1) into hi[j], lo[j] for j < n: one scan
 * back from the newest, y > hh (y < ll) taking each value as the kernel's
 * scan of each window does, so every window's extremes are its prefix's.
 */
function extremesBack(s: Float64Array, ring: number, R: number, pos: number, x: number, n: number, hi: Float64Array, lo: Float64Array): void {
  let hh = x, ll = x;
  hi[0] = x;
  lo[0] = x;
  for (let j = 1, i = pos === 0 ? R - 1 : pos - 1; j < n; j++) {
    i = i === 0 ? R - 1 : i - 1;
    const y = s[ring + i]!;
    if (y > hh) hh = y;
    if (y < ll) ll = y;
    hi[j] = hh;
    lo[j] = ll;
  }
}

export default function stochRsi(ctx: StepperContext): Stepper | null {
  const V = ctx.grid.variants;
  const rsiWindow = paramOf(ctx, 'rsi_window'), kWindow = paramOf(ctx, 'k_window'), dn = paramOf(ctx, 'd_window'), kn = paramOf(ctx, 'k_smoothing');
  const zero = paramOf(ctx, 'zero_denominator'), seed = paramOf(ctx, 'seed'), dType = paramOf(ctx, 'fastd_matype');
  const layout = new Layout();
  const runs = ctx.runs.map((r) => {
    const at = layout.take(2);  // age of the run (-1 after a gap), previous value
    const groups = new Map<string, RsiGroup>();
    for (let v = r.v0; v < r.v1; v++) {
      const key = `${rsiWindow[v]}:${seed[v]}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { n: rsiWindow[v]!, m: seed[v] === SEED_FIRST ? 1 : rsiWindow[v]!, R: 1, at: 0, vars: [] }));
      g.R = Math.max(g.R, kWindow[v]!);
      g.vars.push(v);
    }
    for (const g of groups.values()) g.at = layout.take(4 + g.R);
    return { v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at, groups: [...groups.values()] };
  });
  // Fast %K is one series per RSI (group) and k_window.
  const fastKOf: string[] = [];
  runs.forEach((r) => r.groups.forEach((g) => g.vars.forEach((v) => (fastKOf[v] = `${g.at}:${kWindow[v]}`))));
  const kd = kdAverages(layout, new Float64Array(V).fill(MA.sma), kn, dType, dn, fastKOf);
  if (!kd) return null;
  const state = new Float64Array(layout.size);
  for (const r of runs) state[r.at] = -1;
  // Per group at this bar: the highest and lowest of its last j + 1 RSI values, read by every k_window of the group.
  let longest = 1;
  for (const r of runs) for (const g of r.groups) longest = Math.max(longest, g.R);
  const hiBack = new Float64Array(longest), loBack = new Float64Array(longest);
  return {
    state,
    step(bar, rows) {
      const [kOut, dOut] = rows;
      for (const r of runs) {
        const x = bar[r.src]!;
        if (x !== x) {
          state[r.at] = -1;
          for (const o of rows) o?.fill(NaN, r.v0, r.v1);
          continue;
        }
        const age = state[r.at]! + 1, prev = state[r.at + 1]!;
        state[r.at] = age;
        state[r.at + 1] = x;
        for (const g of r.groups) {
          const rsi = rsiStep(state, g, age, x, prev);
          const count = age >= g.m ? state[g.at + 2]! : 0;
          if (count > 0) extremesBack(state, g.at + 4, g.R, state[g.at + 3]!, rsi, Math.min(count, g.R), hiBack, loBack);
          for (const v of g.vars) {
            const kw = kWindow[v]!;
            if (age === 0) kd.reset(state, v);
            let fastK = NaN, blank = false;
            const has = count >= kw;
            if (has) {
              // The highest and lowest of the last kw RSI values.
              const hh = hiBack[kw - 1]!, ll = loBack[kw - 1]!;
              // stochK: 0 where the range is empty; stochBlank: NaN there with zero_denominator 'nan'.
              const diff = (hh - ll) / 100.0;
              fastK = diff !== 0.0 ? (rsi - ll) / diff : 0.0;
              blank = diff === 0.0 && zero[v] === ZERO_DENOMINATOR_NAN;
            }
            kd.push(state, v, has, fastK, count - kw, blank, kOut ?? null, dOut ?? null);
          }
        }
      }
    },
  };
}
