// The interface every incremental stepper implements: one small file per
// stepped indicator (sma.ts, ema.ts, ...), each stepping the operations of its
// kernel in the kernel's order, so a stream's rows are the batch rows bit for bit.
import type { Backend, OutputArray } from '../../backends/types.js';
import type { Grid } from '../../grid/grid.js';
import type { IndicatorDef, SourceName } from '../../registry/index.js';

/** What a stepper is built from: the grid's parameter columns and its source runs. */
export interface StepperContext {
  readonly def: IndicatorDef;
  readonly grid: Grid;
  /** One column per param of the definition, indexed by variant (a choice param: its code). */
  readonly params: readonly Float64Array[];
  /** Contiguous variant ranges sharing their sources (Grid.sourceRuns). */
  readonly runs: readonly { sources: Readonly<Record<string, SourceName>>; v0: number; v1: number }[];
  /** Index of a source in the bar array step() receives. */
  sourceIndex(source: SourceName): number;
  /** Names of the definition's outputs the stream computes (the others get a null row). */
  readonly outputs: readonly string[];
  /** The stream's backend on its thread (for a stepper that needs its kernels' own bits where TypeScript cannot give them). */
  readonly backend: Backend;
}

export interface Stepper {
  /**
   * Every number of the stepper's state, in one array: committing a bar,
   * rolling it back (update()) and checkpointing are each one copy of it.
   */
  readonly state: Float64Array;
  /**
   * Feeds one bar (its value of each source, NaN for a missing one) and
   * writes the value of every variant at that bar into each output's row
   * (kernel output order; null for an output not selected).
   */
  step(bar: Float64Array, rows: readonly (Float64Array | null)[]): void;
  /**
   * Optional, so pushMany() and `history` run at batch speed: step() over
   * bars [from, to) of the sources (columns[k], indexed as step()'s bar),
   * writing bar i's row straight into each output (time-major, at
   * (i - from) * variants; null: not wanted). It must leave the state and
   * the values exactly as step() bar by bar would (a float32 output rounds
   * each value as a copy of step()'s float64 row does), and never read an
   * output back. Without it the stream steps bar by bar.
   */
  stepMany?(columns: readonly Float64Array[], from: number, to: number, outputs: readonly (OutputArray | null)[]): void;
  /**
   * Optional, so `history` runs at batch speed: sets the state to the one
   * after the first n bars of a stream, from each source over those bars
   * (columns[k], indexed as in step()'s bar) and, when `resumeNeedsRows`,
   * the batch kernel's float64 rows at bar n - 1 (compute() over those n
   * bars; null otherwise).
   */
  resume?(columns: readonly Float64Array[], last64: readonly (Float64Array | null)[] | null): void;
  readonly resumeNeedsRows?: boolean;
  /**
   * Optional, so pushMany() and `history` run through the batch kernel (on
   * the pool, as compute() does): how this state maps to the kernel's. A
   * call through the kernel must leave exactly the state and values that
   * step() bar by bar leaves.
   */
  readonly kernel?: KernelStateMap;
  /**
   * Optional, so pushMany() and `history` run through the batch kernel of a
   * finite-memory kernel, without its state (docs/streaming.md, "Batches").
   */
  readonly prelude?: PreludeRoute;
}

/**
 * The batch route of a kernel whose value at a bar depends on nothing but
 * the last `bars` bars of its gap-free run and the run's age up to `bars`
 * (ma.wma's windows up to 256: WmaDiagonal's sums are fresh sums, oldest
 * first). pushMany() runs the kernel over the last min(bars seen, bars - 1)
 * bars, from tail(), and the new bars, and drops the first rows: from the
 * first new bar on they are the rows of a call over every bar. skip() then
 * sets the state without stepping every bar. (Not for bar-index outputs,
 * which the kernel would count from the prelude's first bar.)
 */
export interface PreludeRoute {
  readonly bars: number;
  /** Writes the last into[k].length (< bars, at most the bars seen) values of each source k, oldest first. */
  tail(into: readonly Float64Array[]): void;
  /** Sets the state to the one step() leaves after bars [from, to) of the sources (as in stepMany()), without rows. */
  skip(columns: readonly Float64Array[], from: number, to: number): void;
}

/**
 * The PreludeRoute of a stepper whose state is nothing but its last
 * `bars - 1` bars (none for a kernel reading each bar alone, bop's; the
 * previous close, tr's): tail() from `tail`, skip() steps the last
 * `bars - 1` bars without rows.
 */
export function lastBarsPrelude(stepper: Pick<Stepper, 'step'>, bars: number, tail: PreludeRoute['tail'] = () => {}): PreludeRoute {
  return {
    bars,
    tail,
    skip(columns, from, to) {
      const bar = new Float64Array(columns.length), none = [null];
      for (let i = Math.max(from, to - (bars - 1)); i < to; i++) {
        for (let k = 0; k < columns.length; k++) bar[k] = columns[k]![i]!;
        stepper.step(bar, none);
      }
    },
  };
}

/** Builds a grid's stepper, or returns null for a grid it does not step (that grid recomputes its run instead). */
export type StepperFactory = (ctx: StepperContext) => Stepper | null;

/** The value of variant v's param `p` as the kernel reads it. */
export function paramOf(ctx: StepperContext, p: string): Float64Array {
  const k = ctx.def.params.findIndex((x) => x.name === p);
  if (k < 0) throw new Error(`${ctx.def.id} has no param '${p}'`);
  return ctx.params[k]!;
}

/** The largest value of a param over the variants. */
export function longestOf(col: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < col.length; i++) m = Math.max(m, col[i]!);
  return m;
}

/** Whether bar i is a number in every column of `inputs` (indexes into columns). */
export function validBar(columns: readonly Float64Array[], inputs: ArrayLike<number>, i: number): boolean {
  for (let k = 0; k < inputs.length; k++) {
    const x = columns[inputs[k]!]![i]!;
    if (x !== x) return false;
  }
  return true;
}

/**
 * The last bar of [from, to) where `col` is NaN, from - 1 when there is
 * none, in a loop without calls (a batch's scan runs once per call, before
 * V8 optimizes it).
 */
export function lastNaN(col: ArrayLike<number>, from: number, to: number): number {
  let g = to - 1;
  while (g >= from && col[g] === col[g]) g--;
  return g;
}

/**
 * The last bar of [from, to) with a NaN in a column of `inputs`, from - 1
 * when there is none: each column scanned back down to the latest gap found
 * so far.
 */
export function lastGap(columns: readonly Float64Array[], inputs: ArrayLike<number>, from: number, to: number): number {
  let last = from - 1;
  for (let k = 0; k < inputs.length; k++) last = lastNaN(columns[inputs[k]!]!, last + 1, to);
  return last;
}

/**
 * A resume() for a stepper whose state is per source: steps the history's
 * sources alone, without a row (rows of null), O(bars x sources).
 */
export function resumeBySources(this: Stepper, columns: readonly Float64Array[]): void {
  const bar = new Float64Array(columns.length);
  const none = [null];
  for (let i = 0; i < (columns[0]?.length ?? 0); i++) {
    for (let k = 0; k < columns.length; k++) bar[k] = columns[k]![i]!;
    this.step(bar, none);
  }
}

/** How a ring stepper (ringStepper) fills its slots and reads its values. */
export interface RingHooks {
  /** Numbers per source run before the run count and ring position (the run's own running state). */
  readonly head: number;
  /** Numbers per ring slot. */
  readonly width: number;
  /** Per variant: the valid bars ending at this bar it needs for a value, and how many bars back its second slot is (< ring). */
  readonly need: Int32Array;
  readonly back: Int32Array;
  /** Writes bar x (NaN for a gap) into the run's head at `at` and its slot at `slot`. */
  fill(state: Float64Array, at: number, slot: number, x: number): void;
  /**
   * Variant v's value from the bar x, its slot, the slot `back[v]` bars
   * before (stale while run <= back[v]), the count of valid bars ending here
   * and the offset of the variant's own numbers (see `own`).
   */
  value(v: number, x: number, state: Float64Array, slot: number, past: number, run: number, at: number): number;
  /** Optional: numbers of state per variant, which value() steps on every valid bar (also without a row). */
  readonly own?: number;
}

/** Where a ring stepper keeps one source run: its variants, its source in the bar, its ring's length and its offset in the state. */
export interface RingRun {
  readonly v0: number;
  readonly v1: number;
  readonly src: number;
  readonly ring: number;
  readonly at: number;
}

/**
 * A stepper keeping, per source run, [head numbers, count of valid bars
 * ending here, ring position, ring of the last (longest back + 1) bars of
 * `width` numbers each], shared by every variant of the run.
 */
export function ringStepper(ctx: StepperContext, hooks: RingHooks): Stepper & { readonly runs: readonly RingRun[]; readonly ownAt: number } {
  const { head, width, need, back } = hooks;
  let size = 0;
  const runs = ctx.runs.map((r) => {
    let longest = 0;
    for (let v = r.v0; v < r.v1; v++) longest = Math.max(longest, back[v]!);
    const run = { v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), ring: longest + 1, at: size };
    size += head + 2 + width * run.ring;
    return run;
  });
  const own = hooks.own ?? 0, ownAt = size;
  const state = new Float64Array(size + own * ctx.grid.variants);
  return {
    state,
    runs,
    ownAt,
    step(bar, rows) {
      const out = rows[0];
      for (const r of runs) {
        const x = bar[r.src]!;
        const at = r.at, R = r.ring, ring = at + head + 2;
        const slot = advanceRing(state, r, head, width, x);
        const run = state[at + head]!, pos = state[at + head + 1]!;
        hooks.fill(state, at, slot, x);
        if (!out && (own === 0 || run === 0)) continue;
        for (let v = r.v0; v < r.v1; v++) {
          if (run < need[v]!) {
            if (out) out[v] = NaN;
            continue;
          }
          const b = back[v]!;
          const y = hooks.value(v, x, state, slot, ring + width * (pos >= b ? pos - b : pos - b + R), run, ownAt + own * v);
          if (out) out[v] = y;
        }
      }
    },
    // Without state per variant, stepping the sources alone, without a row, is O(bars x sources).
    ...(own === 0 ? { resume: resumeBySources } : {}),
  };
}

/**
 * A PreludeRoute for a ring stepper (ringStepper with these `hooks`) whose
 * `fill` writes the bar's value first in its slot, whose head depends on
 * nothing but the last `memory` valid bars filled (ma.wma's sums) and whose
 * value() keeps no state of its own (`own` unused): its ring holds the last
 * `bars` values. skip() counts the bars and turns the ring over
 * arithmetically up to the last ring's length (and `memory` valid bars) of
 * each source, then fills those as step() does, without values; with
 * `keep` (the bar into its slot alone), the bars before the last `memory`
 * valid ones take that instead, since the head forgets them.
 */
export function ringPrelude(
  stepper: Stepper & { readonly runs: readonly RingRun[] }, hooks: Pick<RingHooks, 'head' | 'width' | 'fill'> & { keep?(state: Float64Array, slot: number, x: number): void },
  memory: number, bars: number,
): PreludeRoute {
  const { runs, state } = stepper;
  const { head, width, fill, keep } = hooks;
  return {
    bars,
    tail(into) {
      for (let k = 0; k < into.length; k++) {
        const r = runs.find((x) => x.src === k)!, to = into[k]!, P = to.length;
        const pos = state[r.at + head + 1]!, ring = r.at + head + 2;
        for (let j = 0; j < P; j++) {
          const back = P - 1 - j;
          to[j] = state[ring + width * (pos >= back ? pos - back : pos - back + r.ring)]!;
        }
      }
    },
    skip(columns, from, to) {
      for (const r of runs) {
        const col = columns[r.src]!;
        // Filled from the earliest bar it needs: a whole ring and `memory` valid bars back (the head from `headFrom`).
        let start = to, valid = 0, headFrom = to;
        while (start > from && (to - start < r.ring || valid < memory)) {
          start--;
          if (col[start] === col[start] && valid++ < memory) headFrom = start;
        }
        if (!keep) headFrom = start;
        const at = r.at, R = r.ring, ring = at + head + 2;
        const g = lastNaN(col, from, start);
        let run = g >= from ? start - 1 - g : state[at + head]! + (start - from);
        let pos = (state[at + head + 1]! + (start - from)) % R;
        // As ringStepper's step() fills them.
        for (let i = start; i < to; i++) {
          const x = col[i]!;
          run = x !== x ? 0 : run + 1;
          if (++pos === R) pos = 0;
          if (i < headFrom) keep!(state, ring + width * pos, x);
          else fill(state, at, ring + width * pos, x);
        }
        state[at + head] = run;
        state[at + head + 1] = pos;
      }
    },
  };
}

/**
 * One bar x into ringStepper's run r (`head` numbers before its count and
 * position, `width` numbers a slot): the count of valid bars ending here (0
 * at a gap) and the next ring position into the state; returns the index
 * of the bar's slot.
 */
export function advanceRing(state: Float64Array, r: RingRun, head: number, width: number, x: number): number {
  const at = r.at;
  const run = x !== x ? 0 : (state[at + head]! + 1) | 0;
  let pos = (state[at + head + 1]! + 1) | 0;
  if (pos === r.ring) pos = 0;
  state[at + head] = run;
  state[at + head + 1] = pos;
  return at + head + 2 + width * pos;
}

/**
 * How a stepper's state maps to its batch kernel's (Stepper.kernel), so a
 * stream runs pushMany() and `history` through the kernel itself, on the
 * pool: the kernel starts from save()'s state and load() takes the state it
 * leaves (KernelJob.state; docs/adding-an-indicator.md, "Kernel state").
 */
export interface KernelStateMap {
  /**
   * Numbers per variant, indexed by global variant (from 0); 0: per source
   * run, each run's part at `runs[i]` (ctx.runs order). With both, the
   * variants' parts come first and each call also gets its source run's
   * part (KernelState.run): what every variant of a run reads, kept once.
   */
  readonly perVariant: number;
  /** Numbers of the kernel's state in all. */
  readonly length: number;
  readonly runs?: readonly { readonly at: number; readonly length: number }[];
  /** Writes the kernel's state for a call continuing from the stepper's state. */
  save(into: Float64Array): void;
  /**
   * Sets the stepper's state from the kernel's state after a call over `bars`
   * more bars; `columns` are those bars' sources (indexed as step()'s bar),
   * for a stepper that steps its own state through them instead.
   */
  load(from: Float64Array, bars: number, columns: readonly Float64Array[]): void;
  /**
   * Optional: for a state that keeps bars the kernel reads again (the
   * patterns' candles), the kernel reads the `lead` bars before its bar
   * `lead` from the call and starts there. Without `tail`, the first `lead`
   * bars of each batch step in TypeScript (their rows step()'s).
   */
  readonly lead?: number;
  /**
   * Optional, with `lead`: writes the last `into[k].length` (at most `lead`)
   * bars seen of each source from the stepper's state, oldest first; the
   * call's first `lead` bars are then those bars (NaN before the stream's
   * first), so the kernel goes on from the state at the batch's first bar
   * and no bar steps in TypeScript. A kernel that reads fewer of them may
   * take those alone, NaN for the others (momentum.stoch_rsi: the last).
   */
  tail?(into: readonly Float64Array[]): void;
  /**
   * Optional, with `lead`, for a state without the bars themselves: the
   * stream keeps the last `lead` bars of every source and puts them before
   * the batch as `tail`'s, once it holds them (not for `lead` bars after a
   * restore: a checkpoint does not carry them); until then it steps them.
   */
  readonly streamKeepsTail?: boolean;
}

/**
 * The KernelStateMap of a kernel reading the `lead` bars before its first
 * from the call (LeadState in native/primitives.h: the channel
 * oscillators): per variant [lead, age, then `own` numbers], `age(v)` the
 * valid bars of the run the stepper stands in (variant v's source run's).
 * save(v, into, at) writes variant v's own numbers at `at`; load(from,
 * bars, columns) takes them (variant v's at from[(own + 2) * v + 2]) and
 * sets the rest of the state from the bars. With `tail` (the last bars
 * from the state) or `streamKeepsTail` those bars come before the batch,
 * else the stream steps the batch's first `lead` bars.
 */
export function leadKernelState(
  variants: number, own: number, lead: number, age: (v: number) => number,
  hooks: { save(v: number, into: Float64Array, at: number): void; load: KernelStateMap['load']; tail?: KernelStateMap['tail']; streamKeepsTail?: boolean },
): KernelStateMap {
  const S = own + 2;
  return {
    perVariant: S,
    length: S * variants,
    lead,
    ...(hooks.tail ? { tail: hooks.tail } : {}),
    ...(hooks.streamKeepsTail ? { streamKeepsTail: true } : {}),
    save(into) {
      for (let v = 0; v < variants; v++) {
        into[S * v] = lead;
        into[S * v + 1] = age(v);
        hooks.save(v, into, S * v + 2);
      }
    },
    load: hooks.load,
  };
}

/**
 * The KernelStateMap of a stepper whose whole state is its kernel's state of
 * every variant, each variant's the same (the volume lines: no params).
 */
export function sameInEveryVariant(state: Float64Array, variants: number): KernelStateMap {
  const S = state.length;
  return {
    perVariant: S,
    length: S * variants,
    save(into) {
      for (let v = 0; v < variants; v++) into.set(state, S * v);
    },
    load(from) {
      state.set(from.subarray(0, S));
    },
  };
}

/**
 * The KernelStateMap of a stepper whose state is `per` numbers per variant,
 * then `shared` numbers the same in every variant (the run's age, its last
 * bar, ...): the kernel keeps, per variant, its own numbers, then the shared ones.
 */
export function ownThenSharedKernelState(state: Float64Array, variants: number, per: number, shared: number): KernelStateMap {
  const S = per + shared, run = per * variants;
  return {
    perVariant: S,
    length: S * variants,
    save(into) {
      for (let v = 0; v < variants; v++) {
        into.set(state.subarray(per * v, per * v + per), S * v);
        into.set(state.subarray(run, run + shared), S * v + per);
      }
    },
    load(from) {
      for (let v = 0; v < variants; v++) state.set(from.subarray(S * v, S * v + per), per * v);
      state.set(from.subarray(per, S), run);
    },
  };
}

/**
 * The KernelStateMap of a stepper whose variants need state parts of lengths
 * of their own (ADXR's ring of its last `window` ADX): per variant, its
 * `per` numbers at per * v, then the `shared` numbers at `sharedAt` (the same
 * in every variant), then its own tail, tail[v] .. tail[v + 1] of the state.
 * The kernel lays each variant's part out at one stride, per + shared + the
 * longest tail (stateStride in native/abi.h), the rest of a shorter part unused.
 */
export function ownSharedTailKernelState(state: Float64Array, variants: number, per: number, sharedAt: number, shared: number, tail: Int32Array): KernelStateMap {
  let longest = 0;
  for (let v = 0; v < variants; v++) longest = Math.max(longest, tail[v + 1]! - tail[v]!);
  const S = per + shared + longest, head = per + shared;
  return {
    perVariant: S,
    length: S * variants,
    save(into) {
      into.fill(0);
      for (let v = 0; v < variants; v++) {
        into.set(state.subarray(per * v, per * v + per), S * v);
        into.set(state.subarray(sharedAt, sharedAt + shared), S * v + per);
        into.set(state.subarray(tail[v]!, tail[v + 1]!), S * v + head);
      }
    },
    load(from) {
      for (let v = 0; v < variants; v++) {
        state.set(from.subarray(S * v, S * v + per), per * v);
        state.set(from.subarray(S * v + head, S * v + head + tail[v + 1]! - tail[v]!), tail[v]!);
      }
      state.set(from.subarray(per, head), sharedAt);
    },
  };
}

/**
 * The KernelStateMap of a stepper whose kernel state per variant is a list
 * of ranges of its state, one after another (`parts(v)`: offset and length
 * each; a range shared by several variants is loaded from each, the same
 * numbers), at one stride, the longest list's length (the spreads with
 * lanes of other MA types: their pairs, their run's age, their lanes).
 */
export function rangesKernelState(state: Float64Array, variants: number, parts: (v: number) => readonly { readonly at: number; readonly size: number }[]): KernelStateMap {
  const ranges = Array.from({ length: variants }, (_, v) => parts(v));
  const S = Math.max(0, ...ranges.map((r) => r.reduce((n, x) => n + x.size, 0)));
  return {
    perVariant: S,
    length: S * variants,
    save(into) {
      for (let v = 0; v < variants; v++) {
        let at = S * v;
        for (const p of ranges[v]!) {
          into.set(state.subarray(p.at, p.at + p.size), at);
          at += p.size;
        }
      }
    },
    load(from) {
      for (let v = 0; v < variants; v++) {
        let at = S * v;
        for (const p of ranges[v]!) {
          state.set(from.subarray(at, at + p.size), p.at);
          at += p.size;
        }
      }
    },
  };
}
