// Windowed values over the last bars of a run, stepped (trend.linreg,
// structure.tsf, structure.avgdev, structure.correl, structure.beta,
// structure.percent_rank, momentum.cci): per source run, the count of bars
// of the current run (bars valid in every input, as forEachSegment cuts
// them) and a ring of the last longest-window + 1 bars, shared by every
// variant of the run; per variant, optional numbers of its own. Kernels
// whose value is O(window) per bar (AVGDEV, CORREL, CCI, PERCENT_RANK) read
// the ring; the others slide running sums as their kernels do.
import { lastGap, resumeBySources, validBar, type KernelStateMap, type PreludeRoute, type Stepper, type StepperContext } from './types.js';

/** True when step() has a row to write (it has none while resuming, or for unselected outputs). */
export function anyRow(rows: readonly (Float64Array | null)[]): boolean {
  for (const r of rows) if (r) return true;
  return false;
}

/** The ring of one source run at the current bar. */
export class WindowRing {
  constructor(readonly s: Float64Array, readonly at: number, private readonly width: number, readonly R: number) {}

  /** Bars of the current run ending here (0 at a gap): t - s + 1 of forEachSegment's segment [s, e). */
  get run(): number {
    return this.s[this.at]!;
  }

  /** Index in s of the slot k bars back (k < R): its `width` numbers. */
  slot(k: number): number {
    const pos = this.s[this.at + 1]! - k;
    return this.at + 2 + this.width * (pos >= 0 ? pos : pos + this.R);
  }

  /** Number j of the bar k back. */
  get(k: number, j = 0): number {
    return this.s[this.slot(k) + j]!;
  }

  /** Moves to the next bar: its slot's index, and the run's new length (0 for a gap). */
  advance(valid: boolean): number {
    const s = this.s, at = this.at;
    let pos = s[at + 1]! + 1;
    if (pos === this.R) pos = 0;
    s[at + 1] = pos;
    s[at] = valid ? s[at]! + 1 : 0;
    return at + 2 + this.width * pos;
  }
}

/** Where each of a kernel's inputs (a source input's name, or a candle column) is in step()'s bar, for one source run. */
function inputsOf(ctx: StepperContext, sources: Readonly<Record<string, string>>, inputs: readonly string[]): Int32Array {
  return Int32Array.from(inputs, (i) => ctx.sourceIndex((sources[i] ?? i) as never));
}

/** The inputs of a bar into xs; false when one is missing (a gap). */
function gather(bar: Float64Array, src: Int32Array, xs: Float64Array): boolean {
  let valid = true;
  for (let k = 0; k < xs.length; k++) {
    const x = bar[src[k]!]!;
    xs[k] = x;
    if (x !== x) valid = false;
  }
  return valid;
}

/** NaN for variants [v0, v1) in every row (a gap bar). */
function gapRows(rows: readonly (Float64Array | null)[], v0: number, v1: number): void {
  for (const row of rows) if (row) row.fill(NaN, v0, v1);
}

export interface WindowHooks {
  /** The kernel's inputs, in its order: a source input's name (source, source2) or a candle column (high). */
  readonly inputs: readonly string[];
  /** Numbers per ring slot. */
  readonly width: number;
  /** Per variant, the most bars back it reads (the ring holds the longest + 1). */
  readonly back: ArrayLike<number>;
  /** Numbers of state per variant (its running sums), passed to value() as an offset. */
  readonly own?: number;
  /** Writes the slot of a bar whose inputs xs are all valid (ring.get(1, ...) is the previous bar while ring.run > 1). */
  fill(s: Float64Array, slot: number, xs: Float64Array, ring: WindowRing): void;
  /**
   * Variant v at a valid bar: writes its outputs into the rows not null
   * (NaN while its window is not full). Called on every valid bar when
   * `own` (rows may all be null then, e.g. while resuming), else only for rows.
   */
  value(v: number, ring: WindowRing, rows: readonly (Float64Array | null)[], own: number): void;
  /**
   * True when fill() writes a bar's inputs first in its slot and the value
   * at a bar reads nothing but the last `back + 1` bars of its run (no
   * `own`): batches then take the kernel over a prelude (windowPrelude).
   */
  readonly prelude?: boolean;
}

/** One source run of a window stepper: its variants, its inputs in the bar, its ring (R slots at `at`: [run, pos, slots]). */
export interface WindowRun {
  readonly v0: number;
  readonly v1: number;
  readonly src: Int32Array;
  readonly at: number;
  readonly R: number;
  readonly ring: WindowRing;
}

/** The state of a window stepper: one ring per source run, then `own` numbers per variant from ownAt. */
export function windowLayout(ctx: StepperContext, hooks: Pick<WindowHooks, 'inputs' | 'width' | 'back' | 'own'>): { state: Float64Array; runs: WindowRun[]; ownAt: number } {
  const { width, back } = hooks;
  const own = hooks.own ?? 0;
  let size = 0;
  const shapes = ctx.runs.map((r) => {
    let longest = 0;
    for (let v = r.v0; v < r.v1; v++) longest = Math.max(longest, back[v]!);
    const src = inputsOf(ctx, r.sources, hooks.inputs);
    const shape = { v0: r.v0, v1: r.v1, src, at: size, R: longest + 1 };
    size += 2 + width * shape.R;
    return shape;
  });
  const ownAt = size;
  const state = new Float64Array(size + own * ctx.grid.variants);
  return { state, ownAt, runs: shapes.map((r) => ({ ...r, ring: new WindowRing(state, r.at, width, r.R) })) };
}

/** A stepper of one WindowRing per source run and `own` numbers per variant; a gap bar is NaN in every output. */
export function windowStepper(ctx: StepperContext, hooks: WindowHooks): Stepper & { readonly runs: readonly WindowRun[]; readonly ownAt: number } {
  const own = hooks.own ?? 0;
  const { state, runs, ownAt } = windowLayout(ctx, hooks);
  const xs = new Float64Array(hooks.inputs.length);
  return {
    state,
    runs,
    ownAt,
    ...(hooks.prelude && own === 0 ? { prelude: windowPrelude(runs, hooks.fill) } : {}),
    step(bar, rows) {
      const writes = anyRow(rows);
      for (const r of runs) {
        const valid = gather(bar, r.src, xs);
        const slot = r.ring.advance(valid);
        if (!valid) {
          gapRows(rows, r.v0, r.v1);
          continue;
        }
        hooks.fill(state, slot, xs, r.ring);
        if (!writes && own === 0) continue;
        for (let v = r.v0; v < r.v1; v++) hooks.value(v, r.ring, rows, ownAt + own * v);
      }
    },
    // The history's bars without rows: per source run only, or (own) each variant's sums too.
    resume: resumeBySources,
  };
}

/**
 * The PreludeRoute of a windowStepper whose hooks set `prelude`: the kernel
 * over the last (longest back) bars of each run. tail() gives the ring's
 * inputs of the current run, NaN before it; skip() moves each ring on
 * arithmetically and fills it from the earliest bar whose slot a later
 * valid bar does not overwrite (a gap leaves its slot as it was).
 */
function windowPrelude(runs: readonly WindowRun[], fill: WindowHooks['fill'], readsPrevious = false): PreludeRoute {
  let bars = 1;
  for (const r of runs) bars = Math.max(bars, r.R);
  return {
    bars,
    tail(into) {
      into.forEach((x, k) => {
        const r = runs.find((q) => q.src.includes(k));
        if (!r) throw new Error(`windowPrelude: no run reads source ${k}`);
        const j = r.src.indexOf(k), run = r.ring.run, P = x.length;
        for (let i = 0; i < P; i++) {
          const back = P - 1 - i;
          x[i] = back < run ? r.ring.get(back, j) : NaN;
        }
      });
    },
    skip(columns, from, to) {
      const bar = new Float64Array(columns.length);
      for (const r of runs) {
        const xs = new Float64Array(r.src.length), s = r.ring.s, R = r.R;
        // Back from the last bar until every slot has a valid bar (slots: the bar's index mod R, as the ring turns).
        const seen = new Uint8Array(R);
        let start = to, covered = 0;
        while (start > from && covered < R) {
          start--;
          if (validBar(columns, r.src, start) && !seen[start % R]) {
            seen[start % R] = 1;
            covered++;
          }
        }
        // A fill reading the bar before (its slot not filled yet): one bar earlier, whose slot a later bar fills again.
        if (readsPrevious && start > from) start--;
        const g = lastGap(columns, r.src, from, start);
        s[r.at] = g >= from ? start - 1 - g : s[r.at]! + (start - from);
        s[r.at + 1] = (s[r.at + 1]! + (start - from)) % R;
        for (let i = start; i < to; i++) {
          for (const k of r.src) bar[k] = columns[k]![i]!;
          const ok = gather(bar, r.src, xs);
          const slot = r.ring.advance(ok);
          if (ok) fill(s, slot, xs, r.ring);
        }
      }
    },
  };
}

/**
 * The KernelStateMap of a window stepper whose kernel keeps, per variant,
 * [S, the run's age, its `own` numbers, the last P bars' inputs (`inputs`
 * of them, the first numbers of each ring slot), oldest first] (S = 2 + own
 * + inputs * P, P the longest ring: BETA's layout in
 * native/structure/beta.h). save() writes
 * each run's bars from its ring (NaN before the run); load() takes each
 * variant's own numbers and moves the rings on through the batch's bars as
 * step() would (windowPrelude's skip: the kernel's tail is raw values, the
 * ring keeps a gap's slot as it was; `readsPrevious`: fill() reads the bar
 * before).
 */
export function windowTailKernelState(state: Float64Array, runs: readonly WindowRun[], ownAt: number, own: number, inputs: number, fill: WindowHooks['fill'], readsPrevious = false): KernelStateMap {
  let P = 1;
  for (const r of runs) P = Math.max(P, r.R);
  const S = 2 + own + inputs * P, V = runs.reduce((n, r) => Math.max(n, r.v1), 0);
  const rings = windowPrelude(runs, fill, readsPrevious);
  return {
    perVariant: S,
    length: S * V,
    save(into) {
      for (const r of runs) {
        const head = S * r.v0;
        into[head] = S;
        into[head + 1] = r.ring.run;
        writeTail(into, head + 2 + own, r, P, inputs);
        for (let v = r.v0; v < r.v1; v++) {
          if (v > r.v0) into.copyWithin(S * v, head, head + S);
          into.set(state.subarray(ownAt + own * v, ownAt + own * (v + 1)), S * v + 2);
        }
      }
    },
    load(from, bars, columns) {
      for (let v = 0; v < V; v++) state.set(from.subarray(S * v + 2, S * v + 2 + own), ownAt + own * v);
      rings.skip(columns, 0, bars);
    },
  };
}

/**
 * windowTailKernelState's layout with the source's past once per run
 * (KernelCall::runStateIn: the regressions' in native/trend/linreg.h): per
 * variant its `own` numbers, per source run, after them, [the run's age, the
 * last R bars' inputs, oldest first], R the run's ring.
 */
export function windowRunTailKernelState(state: Float64Array, runs: readonly WindowRun[], ownAt: number, own: number, inputs: number, fill: WindowHooks['fill'], readsPrevious = false): KernelStateMap {
  const V = runs.reduce((n, r) => Math.max(n, r.v1), 0);
  let size = own * V;
  const parts = runs.map((r) => {
    const part = { at: size, length: 1 + inputs * r.R };
    size += part.length;
    return part;
  });
  const rings = windowPrelude(runs, fill, readsPrevious);
  return {
    perVariant: own,
    length: size,
    runs: parts,
    save(into) {
      into.set(state.subarray(ownAt, ownAt + own * V));
      runs.forEach((r, i) => {
        into[parts[i]!.at] = r.ring.run;
        writeTail(into, parts[i]!.at + 1, r, r.R, inputs);
      });
    },
    load(from, bars, columns) {
      state.set(from.subarray(0, own * V), ownAt);
      rings.skip(columns, 0, bars);
    },
  };
}

/** The last P bars' inputs of run r from its ring into `into` at `at`, oldest first, NaN before the run. */
function writeTail(into: Float64Array, at: number, r: WindowRun, P: number, inputs: number): void {
  const known = Math.min(r.ring.run, r.R);
  for (let back = 0; back < P; back++) {
    for (let k = 0; k < inputs; k++) into[at + inputs * (P - 1 - back) + k] = back < known ? r.ring.get(back, k) : NaN;
  }
}

/** One source run of a lastValuesStepper at the current bar. */
export interface LastValues {
  readonly v0: number;
  readonly v1: number;
  /** Valid bars ending here: the windows of at most `run` bars hold no gap. */
  run: number;
  /** Index in the state of each series' value at this bar; the value k bars back (k < the ring's length) is at end[j] - k. */
  readonly end: Int32Array;
  /** The longest `back + 1` of the run's variants: the ring's length. */
  readonly longest: number;
}

export interface LastValuesHooks {
  /** The kernel's inputs, in its order: a source input's name (source, source2) or a candle column (high). */
  readonly inputs: readonly string[];
  /** Series kept per run. */
  readonly series: number;
  /** Per variant, the most bars back it reads. */
  readonly back: ArrayLike<number>;
  /** The series' values (into `into`) of a bar whose inputs xs are all valid. */
  fill(xs: Float64Array, into: Float64Array): void;
  /** Every variant of the run at a valid bar, into the rows not null (at least one is). */
  values(s: Float64Array, r: LastValues, rows: readonly (Float64Array | null)[]): void;
  /**
   * True when fill() keeps the inputs as they are (series j is input j) and
   * a value reads nothing but the last `back + 1` bars of its run: batches
   * then take the kernel over a prelude (lastValuesPrelude).
   */
  readonly prelude?: boolean;
}

/**
 * A stepper of windows over the last values of each source run (AVGDEV,
 * CCI, CORREL: O(window) per variant and bar, as their kernels): per run
 * [valid bars ending here, ring position, each series' ring of its last
 * `longest` values kept twice (slot p and p + longest)], so a window is one
 * run of the state array, read with no wrap, and values() sees all the
 * run's variants at once (to share what they have in common). A gap bar is
 * NaN in every output; no per-variant state, so resuming steps the sources alone.
 */
export function lastValuesStepper(ctx: StepperContext, hooks: LastValuesHooks): Stepper & { skip: PreludeRoute['skip'] } {
  const { series, back } = hooks;
  let size = 0;
  const runs = ctx.runs.map((r) => {
    let longest = 1;
    for (let v = r.v0; v < r.v1; v++) longest = Math.max(longest, back[v]! + 1);
    const src = inputsOf(ctx, r.sources, hooks.inputs);
    const at = size;
    size += 2 + 2 * series * longest;
    return { v0: r.v0, v1: r.v1, src, at, longest, run: 0, end: new Int32Array(series) };
  });
  const state = new Float64Array(size);
  const xs = new Float64Array(hooks.inputs.length), ys = new Float64Array(series);
  /** The state step() leaves after bars [from, to) of the columns, without rows: the counts moved on, the last valid bars filled. */
  const skip: PreludeRoute['skip'] = (columns, from, to) => {
    const bar = new Float64Array(columns.length);
    for (const r of runs) {
      const at = r.at, R = r.longest;
      // The bars after the last gap are valid; before it, counted one by one.
      const g = lastGap(columns, r.src, from, to);
      let valid = to - 1 - g;
      for (let i = from; i < g; i++) if (validBar(columns, r.src, i)) valid++;
      state[at] = g >= from ? to - 1 - g : state[at]! + (to - from);
      const pos = (state[at + 1]! + valid) % R;
      state[at + 1] = pos;
      // The newest valid bar at pos, each older one a slot before it, up to a whole ring.
      for (let i = to - 1, back = 0; i >= from && back < R; i--) {
        for (const k of r.src) bar[k] = columns[k]![i]!;
        if (!gather(bar, r.src, xs)) continue;
        hooks.fill(xs, ys);
        const slot = (pos - back + R) % R;
        for (let j = 0; j < series; j++) {
          const ring = at + 2 + 2 * R * j;
          state[ring + slot] = state[ring + slot + R] = ys[j]!;
        }
        back++;
      }
    }
  };
  return {
    state,
    step(bar, rows) {
      const writes = anyRow(rows);
      for (const r of runs) {
        const at = r.at, R = r.longest;
        if (!gather(bar, r.src, xs)) {
          state[at] = 0;
          gapRows(rows, r.v0, r.v1);
          continue;
        }
        r.run = state[at]! + 1;
        state[at] = r.run;
        let pos = state[at + 1]! + 1;
        if (pos === R) pos = 0;
        state[at + 1] = pos;
        hooks.fill(xs, ys);
        for (let j = 0; j < series; j++) {
          const ring = at + 2 + 2 * R * j;
          state[ring + pos] = state[ring + pos + R] = ys[j]!;
          r.end[j] = ring + pos + R;
        }
        if (writes) hooks.values(state, r, rows);
      }
    },
    resume: resumeBySources,
    skip,
    ...(hooks.prelude ? { prelude: lastValuesPrelude(state, runs, skip) } : {}),
  };
}

/**
 * The PreludeRoute of a lastValuesStepper whose hooks set `prelude`: the
 * kernel over the last (longest back) bars. tail() gives each source's
 * values from a run that holds them (a bar k back is known to a run reading
 * the source while k < its run and its ring's length: any window reaching
 * it is of such a run), NaN where none does; skip() is the stepper's.
 */
function lastValuesPrelude(state: Float64Array, runs: readonly (LastValues & { readonly src: Int32Array; readonly at: number })[], skip: PreludeRoute['skip']): PreludeRoute {
  let bars = 1;
  for (const r of runs) bars = Math.max(bars, r.longest);
  return {
    bars,
    tail(into) {
      into.forEach((x, k) => {
        const P = x.length;
        x.fill(NaN);
        for (const r of runs) {
          const j = r.src.indexOf(k);
          if (j < 0) continue;
          const R = r.longest, end = r.at + 2 + 2 * R * j + state[r.at + 1]! + R;
          for (let back = 0; back < Math.min(P, state[r.at]!, R); back++) x[P - 1 - back] = state[end - back]!;
        }
      });
    },
    skip,
  };
}
