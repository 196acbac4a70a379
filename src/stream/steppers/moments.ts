// The rolling-moments family, stepped (volatility.variance, .stddev, .bbands
// and its bandwidth and %b, .hv, structure.zscore): RollingMoments in
// native/primitives.h, operation for operation. The kernel cuts each run of
// valid bars into chunks of L = chunkFor(window) bars on two grids (from the
// run's start, and L/2 bars later) and keeps per grid the compensated sums
// of d = x - a and d^2 from its chunk's first bar (a: that bar's value) up to
// each bar; a window's sums are the difference of the sums at its end and at
// the bar before it, in the grid whose chunk began longer ago. Stepped, one
// MomentsBlock per (source run, chunk length) holds both grids' running sums
// and a ring of the last longest window + 1 bars (the value and both grids'
// sums), which is all a window reads; plus the age of the run and of the run
// of equal values (the kernel's constant-window rule).
import { portableLog } from './fisher.js';
import { twoSumError } from './primitives.js';
import { paramOf, resumeBySources, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { anyRow } from './windows.js';
import { hasKernelLane, laneColumn, MA } from './matypes.js';

/** portableLog1p (native/volatility/hv.h): log(1 + x) from the kernels' portableLog, log(u) * (x / (u - 1)) for u = 1 + x rounded. */
export function portableLog1p(x: number): number {
  const u = 1.0 + x;
  return u === 1.0 ? x : portableLog(u) * (x / (u - 1.0));
}

/** twoProductError (native/primitives.h): p + twoProductError(a, b, p) == a * b exactly for p = a * b (Dekker, no FMA). */
export function twoProductError(a: number, b: number, p: number): number {
  let c = 134217729.0 * a;  // 2^27 + 1
  const ah = c - (c - a), al = a - ah;
  c = 134217729.0 * b;
  const bh = c - (c - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** RollingMoments::kDirectBelow: windows shorter than this are summed directly. */
const DIRECT_BELOW = 16;
/** kMaxWindow (native/abi.h). */
const MAX_WINDOW = 100000;

/** RollingMoments::chunkFor: the chunk length serving windows of w bars. */
export function chunkFor(w: number): number {
  let length = 512;
  while (length < 2.0 * Math.min(w, MAX_WINDOW)) length *= 2;
  return length;
}

// A block's head: valid bars ending here, equal values ending here, ring
// position, the previous input (hv's returns), then per grid (a, S1 hi, lo, S2 hi, lo).
const RUN = 0, EQ = 1, POS = 2, PREV = 3, G0 = 4, G1 = 9, HEAD = 14;
// A ring slot: the value, then grid 0's and grid 1's (S1 hi, lo, S2 hi, lo) at that bar.
const SLOT = 9;

/** One grid's running chunk sums at s[g] = (a, h1, l1, h2, l2): accumulate() of the kernel for one bar. */
function accumulate(s: Float64Array, g: number, x: number, chunkStart: boolean): void {
  if (chunkStart) {
    s[g] = x;
    s[g + 1] = s[g + 2] = s[g + 3] = s[g + 4] = 0.0;
  }
  const a = s[g]!, h1 = s[g + 1]!, h2 = s[g + 3]!;
  const dh = x - a, dl = twoSumError(x, -a, dh);
  const p = dh * dh, q = twoProductError(dh, dh, p) + 2.0 * dh * dl;
  const n1 = h1 + dh, n2 = h2 + p;
  let l1 = s[g + 2]! + (twoSumError(h1, dh, n1) + dl);
  let l2 = s[g + 4]! + (twoSumError(h2, p, n2) + q);
  // Renormalized (|lo| <= ulp(hi) / 2), as the kernel does.
  const H1 = n1 + l1;
  l1 -= H1 - n1;
  const H2 = n2 + l2;
  l2 -= H2 - n2;
  s[g + 1] = H1; s[g + 2] = l1; s[g + 3] = H2; s[g + 4] = l2;
}

/**
 * The moments of one input over the windows sharing one chunk length, at
 * the last bar fed: mean, variance and deviation of RollingMoments, for a
 * window the caller checked with valid(). What every window of a bar shares
 * (the value, its slot, the older grid and its chunk's age) is taken once
 * per bar by feed(), and a window's sums once per window and bar, however
 * many of mean, variance and deviation read them.
 */
export class MomentsBlock {
  private readonly half: number;
  private readonly ring: number;
  // The last bar fed: its value, slot, run of equal values, the older grid's offset in a slot (1 or 5), its anchor, and the bars since its chunk began.
  // Each field keeps one representation (NaN: a double; the counts and indexes: int32), so blocks of every stream share one hidden class.
  private x = NaN; private cur = 0; private eq = 0; private g = 1; private anchor = NaN; private age = 0;
  // The window sums of the window `sumsOf` at the last bar: S1 = s1 + e1, S2 = s2 + e2, from the anchor.
  private sumsOf = 0; private s1 = NaN; private e1 = NaN; private s2 = NaN; private e2 = NaN;
  // moments()'s numbers for the block's own loops.
  private readonly m = new Float64Array(3);

  constructor(private readonly s: Float64Array, readonly at: number, readonly src: number, readonly vars: Int32Array, private readonly L: number, private readonly R: number) {
    this.half = L / 2;
    this.ring = at + HEAD;
    s[at + PREV] = NaN;
  }

  /** Numbers of state a block with a ring of R slots takes. */
  static size(R: number): number {
    return HEAD + SLOT * R;
  }

  /** One bar's input, xs[i] (NaN: a gap); read from an array, as a number passed to a call V8 did not inline is boxed. */
  feed(xs: Float64Array, i: number): void {
    const s = this.s, at = this.at, x = xs[i]!;
    const before = this.ring + SLOT * s[at + POS]!;
    let pos = s[at + POS]! + 1;
    if (pos === this.R) pos = 0;
    s[at + POS] = pos;
    const slot = this.ring + SLOT * pos;
    s[slot] = x;
    this.x = x;
    this.cur = slot | 0;  // an int32 index (the state holds it as a double)
    this.sumsOf = 0;
    if (x !== x) {
      s[at + RUN] = 0;
      s[at + EQ] = 0;
      return;
    }
    const run = s[at + RUN]! + 1;
    s[at + RUN] = run;
    const eq = run > 1 && x === s[before] ? s[at + EQ]! + 1 : 1;  // the kernel's runStart
    s[at + EQ] = eq;
    this.eq = eq | 0;
    const u = run - 1, L = this.L, half = this.half;
    // Both grids by one call site, so V8 inlines accumulate() once and has the budget left to inline
    // what it calls (two call sites left twoProductError out of line, boxing its numbers every bar).
    const start0 = u % L === 0, start1 = u === 0 || (u >= half && (u - half) % L === 0);
    for (let k = 0; k < 2; k++) accumulate(s, k === 0 ? at + G0 : at + G1, x, k === 0 ? start0 : start1);
    for (let k = 0; k < 4; k++) {
      s[slot + 1 + k] = s[at + G0 + 1 + k]!;
      s[slot + 5 + k] = s[at + G1 + 1 + k]!;
    }
    // windowSums: the grid whose chunk began longer ago (bars since each grid's chunk start).
    const b0 = u % L, b1 = u < half ? u : (u - half) % L;
    const g0 = b0 >= b1;
    this.g = g0 ? 1 : 5;
    this.anchor = s[at + (g0 ? G0 : G1)]!;
    this.age = (g0 ? b0 : b1) | 0;
  }

  /** valid(t, w): the window holds no gap. */
  valid(w: number): boolean {
    return this.s[this.at + RUN]! >= w;
  }

  /** Index of the slot k bars back (k < R). */
  private back(k: number): number {
    const i = this.cur - SLOT * k;
    return i >= this.ring ? i : i + SLOT * this.R;
  }

  /** windowSums(t, w) into (s1, e1, s2, e2), from the anchor. */
  private sums(w: number): void {
    if (this.sumsOf !== w) this.takeSums(w);
  }

  private takeSums(w: number): void {
    this.sumsOf = w | 0;
    const s = this.s, b = this.cur + this.g;
    if (w - 1 === this.age) {
      this.s1 = s[b]!; this.e1 = s[b + 1]!; this.s2 = s[b + 2]!; this.e2 = s[b + 3]!;
      return;
    }
    const p = this.back(w) + this.g;
    const s1 = s[b]! - s[p]!, s2 = s[b + 2]! - s[p + 2]!;
    this.s1 = s1;
    this.e1 = twoSumError(s[b]!, -s[p]!, s1) + (s[b + 1]! - s[p + 1]!);
    this.s2 = s2;
    this.e2 = twoSumError(s[b + 2]!, -s[p + 2]!, s2) + (s[b + 3]! - s[p + 3]!);
  }

  /**
   * The mean, variance and deviation of a window into into[0], into[1],
   * into[2], by the operations of mean(), variance() and deviation() of the
   * kernel: for the loops over variants, where a number a call returns is
   * boxed unless V8 inlines it. All three every time: V8 inlines a call
   * (here twoProductError()) only where it ran often enough before it
   * optimized the caller, and a branch taken by some streams only (%b's
   * deviation after BBANDS ran in the process) left it out of line, boxing
   * 4.5 KB a push.
   */
  moments(w: number, into: Float64Array): void {
    const x = this.x;
    if (this.eq >= w) {
      into[0] = x;
      into[1] = 0.0;
      into[2] = 0.0;
      return;
    }
    const n = w;
    if (w < DIRECT_BELOW) {
      // directSum, then the mean's, the deviation's and the variance's operations on it.
      const st = this.s, wrap = this.ring + SLOT * this.R, first = this.back(w - 1);
      let sum = 0.0;
      for (let i = first, k = 0; k < w; k++) {
        sum += st[i]! - x;
        i += SLOT;
        if (i === wrap) i = this.ring;
      }
      const m = sum / n;
      into[0] = x + m;
      into[2] = -m;
      let s = 0.0, r = 0.0;
      for (let i = first, k = 0; k < w; k++) {
        const e = (st[i]! - x) - m;
        s += e * e;
        r += e;
        i += SLOT;
        if (i === wrap) i = this.ring;
      }
      const v = (s - r * r / n) / n;
      if (v > 0.0) into[1] = v;
      else into[1] = 0.0;
      return;
    }
    this.sums(w);
    const s1 = this.s1, e1 = this.e1, anchor = this.anchor;
    {
      const q = s1 / n, qn = q * n;
      const r = (((s1 - qn) - twoProductError(q, n, qn)) + e1) / n;
      const s = anchor + q;
      into[0] = s + (twoSumError(anchor, q, s) + r);
    }
    {
      const s2 = this.s2;
      const p = n * s2, q = s1 * s1;
      const low = (twoProductError(n, s2, p) - twoProductError(s1, s1, q)) + n * this.e2;
      const v = ((p - q) + ((low - 2.0 * s1 * e1) - e1 * e1)) / (n * n);
      if (v > 0.0) into[1] = v;
      else into[1] = 0.0;
    }
    {
      const dh = x - anchor, dl = twoSumError(x, -anchor, dh), p = n * dh;
      into[2] = ((p - s1) + ((twoProductError(n, dh, p) + n * dl) - e1)) / n;
    }
  }

  /**
   * Every variant of the block at this bar into out (NaN for a window
   * holding a gap), one loop in the block's own code: its variance
   * ('variance'), taStddev(variance) * scale[v] ('stddev'), sqrt(variance) *
   * scale[v] ('hv'), or deviation / sqrt(variance), NaN where that is 0
   * ('zscore'). Operation for operation as variance() and deviation() of the
   * kernel, with what every window of the bar shares (its value's offset
   * from the anchor, the sums at this bar) read once and each window's sums
   * in locals (windows under DIRECT_BELOW: moments()); no number passes
   * through a call V8 might leave out of line (it boxes each).
   */
  row(kind: 'variance' | 'stddev' | 'hv' | 'zscore', window: Float64Array, scale: Float64Array | null, out: Float64Array): void {
    const zscore = kind === 'zscore';
    const s = this.s, vars = this.vars, run = s[this.at + RUN]!, eq = this.eq, age = this.age, at = this.m;
    const x = this.x, anchor = this.anchor, b = this.cur + this.g, oldest = this.ring + this.g, wrap = SLOT * this.R;
    const bs1 = s[b]!, be1 = s[b + 1]!, bs2 = s[b + 2]!, be2 = s[b + 3]!;
    const dh = x - anchor, dl = twoSumError(x, -anchor, dh);
    for (let k = 0; k < vars.length; k++) {
      const v = vars[k]!, n = window[v]!;
      if (run < n) {
        out[v] = NaN;  // a gap in the window
        continue;
      }
      let variance = 0.0;  // a flat window's
      if (eq >= n) {
        if (zscore) {
          out[v] = NaN;
          continue;
        }
      } else if (n < DIRECT_BELOW) {
        this.moments(n, at);
        variance = at[1]!;
        if (zscore) {
          const sd = Math.sqrt(variance);
          if (sd !== 0.0) out[v] = at[2]! / sd;
          else out[v] = NaN;
          continue;
        }
      } else {
        // windowSums(t, n) (takeSums)
        let s1 = bs1, e1 = be1, s2 = bs2, e2 = be2;
        if (n - 1 !== age) {
          let p = (b - SLOT * n) | 0;  // an int32 index
          if (p < oldest) p += wrap;
          s1 = bs1 - s[p]!;
          e1 = twoSumError(bs1, -s[p]!, s1) + (be1 - s[p + 1]!);
          s2 = bs2 - s[p + 2]!;
          e2 = twoSumError(bs2, -s[p + 2]!, s2) + (be2 - s[p + 3]!);
        }
        // variance(t, n)
        const p = n * s2, q = s1 * s1;
        const low = (twoProductError(n, s2, p) - twoProductError(s1, s1, q)) + n * e2;
        const w = ((p - q) + ((low - 2.0 * s1 * e1) - e1 * e1)) / (n * n);
        if (w > 0.0) variance = w;
        if (zscore) {
          const sd = Math.sqrt(variance);
          if (sd === 0.0) {
            out[v] = NaN;
            continue;
          }
          // deviation(t, n)
          const pd = n * dh;
          out[v] = (((pd - s1) + ((twoProductError(n, dh, pd) + n * dl) - e1)) / n) / sd;
          continue;
        }
      }
      if (kind === 'variance') out[v] = variance;
      else if (kind === 'stddev') {
        if (variance < 1e-14) out[v] = 0.0 * scale![v]!;  // taStddev
        else out[v] = Math.sqrt(variance) * scale![v]!;
      } else out[v] = Math.sqrt(variance) * scale![v]!;
    }
  }
}

/**
 * Writes the outputs of block m's variants at this bar into the rows not
 * null (NaN where a window holds a gap: MomentsBlock.valid); or the kind of MomentsBlock.row() that
 * gives the one output of every variant (its scale: stddev's nbdev, hv's 100 * sqrt(annualization)).
 */
export type MomentsValue =
  | ((m: MomentsBlock, rows: readonly (Float64Array | null)[]) => void)
  | { readonly row: 'variance' | 'stddev' | 'hv' | 'zscore'; readonly scale?: Float64Array };

/** Numbers of state of the variants' own (from `at`), stepped with every value of their source (NaN at a gap) before value() reads them. */
export interface MomentsOwn {
  readonly size: number;
  step(state: Float64Array, v: number, x: number): void;
}

/**
 * A stepper of the moments of each variant's `window` over its source (or,
 * `returns`, over hv's log returns of it): one MomentsBlock per source run
 * and chunk length, as forEachMomentsBlock builds one per chunk length; a
 * window holding a gap is NaN in every output. `own(at)` adds state per
 * variant after the blocks'. Per source run, a ring of its last P moments'
 * inputs (P = chunkFor(its longest window)) gives the kernel's state
 * (momentsInput in native/primitives.h: [run, the P values oldest first],
 * hv's after the last price), so pushMany() runs the batch kernel; the
 * blocks then step the batch's sources without rows.
 */
export function momentsStepper(ctx: StepperContext, value: MomentsValue, returns = false, own?: (at: number) => MomentsOwn): Stepper & { readonly inputs: MomentsInputs } {
  const window = paramOf(ctx, 'window');
  const shapes: { at: number; src: number; vars: number[]; L: number; R: number; ring: number }[] = [];
  // Per source run: its first block's offset, and its ring of inputs [pos, P values] at `at`.
  const rings: { block: number; at: number; P: number; src: number; v0: number; v1: number }[] = [];
  let size = 0;
  for (const r of ctx.runs) {
    const src = ctx.sourceIndex(r.sources.source!);
    const byLength = new Map<number, { at: number; src: number; vars: number[]; L: number; R: number; ring: number }>();
    let longest = 1;
    for (let v = r.v0; v < r.v1; v++) {
      const L = chunkFor(window[v]!);
      let b = byLength.get(L);
      if (!b) byLength.set(L, (b = { at: 0, src, vars: [], L, R: 1, ring: -1 }));
      b.vars.push(v);
      b.R = Math.max(b.R, window[v]! + 1);
      longest = Math.max(longest, window[v]!);
    }
    const first = shapes.length;
    for (const b of byLength.values()) {
      b.at = size;
      size += MomentsBlock.size(b.R);
      shapes.push(b);
    }
    shapes[first]!.ring = rings.length;
    rings.push({ block: shapes[first]!.at, at: size, P: chunkFor(longest), src, v0: r.v0, v1: r.v1 });
    size += 1 + chunkFor(longest);
  }
  // (Bands whose every middle band is the moments' mean own nothing: not stepped.)
  const made = own?.(size), mine = made && made.size > 0 ? made : undefined;
  const state = new Float64Array(size + (mine?.size ?? 0));
  for (const g of rings) state.fill(NaN, g.at + 1, g.at + 1 + g.P);
  const blocks = shapes.map((b) => new MomentsBlock(state, b.at, b.src, Int32Array.from(b.vars), b.L, b.R));
  const ringOf = shapes.map((b) => (b.ring < 0 ? null : rings[b.ring]!));
  const input = new Float64Array(1);  // hv's return at this bar
  const stepper: Stepper = {
    state,
    step(bar, rows) {
      const writes = anyRow(rows);
      for (let k = 0; k < blocks.length; k++) {
        const m = blocks[k]!;
        let xs = bar, i = m.src;
        if (returns) {
          // log1p of the relative change, from two positive prices (NaN for the first bar): the kernels' portableLog1p.
          const price = bar[m.src]!, prev = state[m.at + PREV]!;
          state[m.at + PREV] = price;
          if (price > 0.0 && prev > 0.0) input[0] = portableLog1p((price - prev) / prev);
          else input[0] = NaN;
          xs = input;
          i = 0;
        }
        const x = xs[i]!;
        const g = ringOf[k];
        if (g) {
          let pos = state[g.at]! + 1;
          if (pos === g.P) pos = 0;
          state[g.at] = pos;
          state[g.at + 1 + pos] = x;
        }
        m.feed(xs, i);
        if (mine) for (const v of m.vars) mine.step(state, v, x);
        if (!writes) continue;
        if (typeof value !== 'function') {
          m.row(value.row, window, value.scale ?? null, rows[0]!);
          continue;
        }
        value(m, rows);
      }
    },
    // The state is per block, not per variant: the history's sources alone, without rows.
    resume: resumeBySources,
  };
  // The kernel's state of each source run: [hv: the last price, run, the ring's values oldest first].
  const head = returns ? 2 : 1;
  let length = 0;
  const parts = rings.map((g) => {
    const part = { at: length, length: head + g.P };
    length += part.length;
    return part;
  });
  const kernel: KernelStateMap = {
    perVariant: 0,
    length,
    runs: parts,
    save(into) {
      rings.forEach((g, i) => {
        let at = parts[i]!.at;
        if (returns) into[at++] = state[g.block + PREV]!;
        into[at] = state[g.block + RUN]!;
        const pos = state[g.at]!;
        for (let j = 0, s = pos + 1 === g.P ? 0 : pos + 1; j < g.P; j++, s = s + 1 === g.P ? 0 : s + 1) into[at + 1 + j] = state[g.at + 1 + s]!;
      });
    },
    // The blocks' state is not the kernel's: the blocks step the batch's sources, as history does,
    // from the bar on that leaves the same state (suffixStart).
    load(_from, bars, columns) {
      stepBlocks(columns, bars, mine ? 0 : suffixStart(state, shapes, rings, returns, columns, bars));
    },
  };
  const stepBlocks = (columns: readonly Float64Array[], bars: number, from: number) => stepper.resume!(columns.map((col) => col.subarray(from, bars)), null);
  const inputs: MomentsInputs = {
    bars: rings.every((g) => g.P === rings[0]!.P) ? rings[0]!.P : 0,
    tail(into) {
      for (const g of rings) {
        const to = into[g.src]!, n = to.length, pos = state[g.at]!;
        for (let j = 0; j < n; j++) to[j] = state[g.at + 1 + ((pos - (n - 1 - j) + g.P) % g.P)]!;
      }
    },
    age(v) {
      for (const g of rings) if (v >= g.v0 && v < g.v1) return state[g.block + RUN]!;
      return 0;
    },
    skip(columns, bars) {
      stepBlocks(columns, bars, suffixStart(state, shapes, rings, returns, columns, bars));
    },
  };
  return { ...stepper, kernel, inputs };
}

/**
 * The moments' inputs of a momentsStepper, for a kernel state whose lead
 * is them (the bands' lanes): `bars` the last inputs each source run's ring
 * holds (0 when the runs' rings differ), `tail` the last into[k].length of
 * source k's, oldest first; `age(v)` the valid inputs ending at the last
 * bar of variant v's source run; `skip` steps the blocks and rings through
 * `bars` bars of the sources without rows, from the bar suffixStart finds
 * (the variants' own numbers too, unless their step() skips them).
 */
export interface MomentsInputs {
  readonly bars: number;
  tail(into: readonly Float64Array[]): void;
  age(v: number): number;
  skip(columns: readonly Float64Array[], bars: number): void;
}

/**
 * The first of `bars` bars of the sources from which stepping the blocks
 * and rings leaves the state stepping them all leaves, its head (run, run
 * of equal values, ring positions, hv's previous price) set as at the bar
 * before it; 0 when there is none. The last R + L - 1 bars of a block
 * (ring R, chunk L) rewrite its ring and both grids' sums (a grid restarts
 * at most L bars apart) and the last P its ring of inputs, when no input
 * among them is a gap (a gap leaves a slot's sums as they were) and the run
 * of equal values at that bar starts inside the batch (the bar's own value
 * goes into its slot: the next one is compared with it).
 */
function suffixStart(state: Float64Array, shapes: readonly { at: number; src: number; L: number; R: number; ring: number }[], rings: readonly { at: number; P: number }[], returns: boolean, columns: readonly Float64Array[], bars: number): number {
  let need = 0;
  for (const b of shapes) need = Math.max(need, b.R + b.L - 1, b.ring < 0 ? 0 : rings[b.ring]!.P);
  const from = bars - need;
  if (from <= 1) return 0;
  const heads: { at: number; run: number; eq: number; prev: number; x: number }[] = [];
  for (const b of shapes) {
    const col = columns[b.src]!;
    // The block's input at bar i (hv: the log return from the bar before, which is in the batch for i >= 1).
    const input = (i: number) => (!returns ? col[i]! : col[i]! > 0.0 && col[i - 1]! > 0.0 ? portableLog1p((col[i]! - col[i - 1]!) / col[i - 1]!) : NaN);
    const valid = (i: number) => (returns ? col[i]! > 0.0 && (i === 0 ? state[b.at + PREV]! : col[i - 1]!) > 0.0 : col[i] === col[i]);
    let i = bars - 1;
    while (i >= 0 && valid(i)) i--;
    if (i >= from) return 0;
    // Valid inputs ending at bar from - 1, and the run of equal ones among them.
    const run = i < 0 ? state[b.at + RUN]! + from : from - 1 - i;
    let eq = run > 0 ? 1 : 0, j = from - 1;
    for (; eq < run && j >= 2 && input(j - 1) === input(j); j--) eq++;
    if (eq < run && j < 2) return 0;  // a run of equal inputs back to the batch's first bars
    heads.push({ at: b.at, run, eq, prev: returns ? col[from - 1]! : state[b.at + PREV]!, x: input(from - 1) });
  }
  shapes.forEach((b, k) => {
    const h = heads[k]!;
    state[b.at + RUN] = h.run;
    state[b.at + EQ] = h.eq;
    const pos = (state[b.at + POS]! + from) % b.R;
    state[b.at + POS] = pos;
    state[b.at + PREV] = h.prev;
    state[b.at + HEAD + SLOT * pos] = h.x;  // the value the next bar's is compared with
  });
  for (const g of rings) state[g.at] = (state[g.at]! + from) % g.P;
  return from;
}

/**
 * The bands' outputs of block m's variants at this bar into the rows not
 * null (r0, r1, r2: BBANDS' mid, upper, lower; the bandwidth's or %b's in
 * r0), NaN for a window holding a gap or a middle band still NaN: putBands
 * over the moments' mean and deviation ('sma'), or the middle band of another
 * matype in mids (x − mid in fromMid). One top-level loop, each value a
 * store of its own, the moments written into `at`: a per-variant closure
 * calling mean(), variance() and deviation(), which V8 did not always
 * inline, boxed their numbers (3 to 5 KB a push over the default grids).
 */
function bandsRow(m: MomentsBlock, spread: Spread, window: Float64Array, mult: Float64Array, types: Float64Array, mids: Float64Array, fromMid: Float64Array, at: Float64Array, r0: Float64Array | null, r1: Float64Array | null, r2: Float64Array | null): void {
  const vars = m.vars;
  for (let k = 0; k < vars.length; k++) {
    const v = vars[k]!, w = window[v]!;
    const sma = types[v] === MA.sma;
    let mid = NaN;
    if (m.valid(w)) {
      m.moments(w, at);
      mid = sma ? at[0]! : mids[v]!;
    }
    if (mid !== mid) {
      if (r0) r0[v] = NaN;
      if (r1) r1[v] = NaN;
      if (r2) r2[v] = NaN;
      continue;
    }
    const variance = at[1]!;
    let dev = 0.0;  // taStddev
    if (!(variance < 1e-14)) dev = Math.sqrt(variance);
    dev *= mult[v]!;
    const upper = mid + dev, lower = mid - dev;
    if (spread === 'bands') {
      if (r0) r0[v] = mid;
      if (r1) r1[v] = upper;
      if (r2) r2[v] = lower;
    } else if (spread === 'bandwidth') {
      if (mid !== 0.0) r0![v] = (dev + dev) / mid;
      else r0![v] = NaN;
    } else if (upper !== lower) r0![v] = ((sma ? at[2]! : fromMid[v]!) + dev) / (dev + dev);
    else r0![v] = NaN;
  }
}

/** The bands' outputs (Spread in native/volatility/common.h). */
export type Spread = 'bands' | 'bandwidth' | 'percent_b';

/**
 * BBANDS and its bandwidth and %b: with the middle band an SMA (matype
 * 'sma'), putBands over the moments' mean and deviation; with another
 * matype, bandsByType's: the middle TA_MA of that type over the run (a lane
 * of matypes.ts per variant), from max(its lookback, window − 1) on, around
 * the same deviation, x − mid as is. Null for a grid with MAMA (no lane: it
 * recomputes).
 */
export function bandsStepper(ctx: StepperContext, spread: Spread): Stepper | null {
  const window = paramOf(ctx, 'window'), mult = paramOf(ctx, 'mult'), types = paramOf(ctx, 'matype');
  const V = ctx.grid.variants;
  // Per variant of another type: the middle band and x − mid at this bar (made by the lanes before the values).
  const mids = new Float64Array(V), fromMid = new Float64Array(V);
  let typed: ReturnType<typeof laneColumn> = null;
  // While the kernel's lanes are taken back (bandsLaneKernelState), the moments step without them.
  const frozen = { lanes: false };
  const lanes = (at: number): MomentsOwn => {
    typed = laneColumn(types, window, at, (v) => types[v] === MA.sma);
    const c = typed;
    return {
      size: c?.size ?? 0,
      step(state, v, x) {
        const lane = c!.lane[v];
        if (!lane || frozen.lanes) return;
        const at = c!.at[v]!;
        if (x !== x) {
          state.fill(0.0, at, at + lane.size);
          return;
        }
        // A lane is NaN exactly over its lookback (the stream refuses non-finite values).
        mids[v] = lane.push(state, at, x);
        fromMid[v] = x - mids[v]!;
      },
    };
  };
  const at = new Float64Array(3);  // a window's moments (MomentsBlock.moments)
  const stepper = momentsStepper(ctx, (m, rows) => {
    bandsRow(m, spread, window, mult, types, mids, fromMid, at, rows[0] ?? null, rows[1] ?? null, rows[2] ?? null);
  }, false, lanes);
  if (typed === null && types.some((t) => t !== MA.sma)) return null;
  if (types.every((t) => t === MA.sma)) return stepper;
  // Another matype's middle band continues its run in the kernel from its lane (matype::Lane), but for the
  // types without a kernel lane ('wma', 'mama'): such a grid steps its batches.
  const { kernel: _, inputs, ...stepped } = stepper;
  if (inputs.bars === 0 || !types.every((t, v) => hasKernelLane(t, window[v]!))) return stepped;
  // History through the kernel too (resume() would step every lane in TypeScript).
  const { resume: __, ...laned } = stepped;
  return { ...laned, kernel: bandsLaneKernelState(stepped.state, typed!, inputs, frozen) };
}

/** Numbers before a variant's lane in the bands' lanes state (kBandsLaneHead in native/volatility/common.h): -stride, lead, age. */
const LANE_HEAD = 3;

/**
 * The bands' kernel state with a variant of another matype than 'sma'
 * (BandsLanes in native/volatility/common.h), per variant: [-stride,
 * lead, age, its TA_MA lane as matypes.ts lays it out (none for 'sma')],
 * stride the numbers per variant, the largest. The call's first `lead`
 * bars are the last inputs of the moments' ring (`tail`: chunkFor of the
 * longest window), so the kernel's chunk sums from bar lead on are those of
 * a call over every bar. load() steps the moments' blocks over the batch's
 * last bars (suffixStart) without the lanes, then takes the kernel's lanes.
 */
function bandsLaneKernelState(state: Float64Array, typed: NonNullable<ReturnType<typeof laneColumn>>, inputs: MomentsInputs, frozen: { lanes: boolean }): KernelStateMap {
  const V = typed.lane.length, lead = inputs.bars;
  let stride = LANE_HEAD;
  for (const l of typed.lane) stride = Math.max(stride, LANE_HEAD + (l?.size ?? 0));
  return {
    perVariant: stride,
    length: stride * V,
    lead,
    tail: inputs.tail,
    save(into) {
      for (let v = 0; v < V; v++) {
        const at = stride * v, l = typed.lane[v];
        into[at] = -stride;
        into[at + 1] = lead;
        into[at + 2] = inputs.age(v);
        if (l) into.set(state.subarray(typed.at[v]!, typed.at[v]! + l.size), at + LANE_HEAD);
      }
    },
    load(from, bars, columns) {
      frozen.lanes = true;
      try {
        inputs.skip(columns, bars);
      } finally {
        frozen.lanes = false;
      }
      for (let v = 0; v < V; v++) {
        const at = stride * v + LANE_HEAD, l = typed.lane[v];
        if (l) state.set(from.subarray(at, at + l.size), typed.at[v]!);
      }
    },
  };
}
