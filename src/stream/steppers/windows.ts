// Windowed values over the last bars of a run, stepped (trend.linreg,
// structure.tsf, structure.avgdev, structure.correl, structure.beta,
// structure.percent_rank, momentum.cci): per source run, the count of bars
// of the current run (bars valid in every input, as forEachSegment cuts
// them) and a ring of the last longest-window + 1 bars, shared by every
// variant of the run; per variant, optional numbers of its own. Kernels
// whose value is O(window) per bar (AVGDEV, CORREL, CCI, PERCENT_RANK) read
// the ring; the others slide running sums as their kernels do.
import { resumeBySources, type Stepper, type StepperContext } from './types.js';

/** True when step() has a row to write (it has none while resuming, or for unselected outputs). */
export function anyRow(rows: readonly (Float64Array | null)[]): boolean {
  for (const r of rows) if (r) return true;
  return false;
}

/** The ring of one source run at the current bar. */
export class WindowRing {
  constructor(readonly s: Float64Array, private readonly at: number, private readonly width: number, private readonly R: number) {}

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
    const src = Int32Array.from(hooks.inputs, (i) => ctx.sourceIndex(r.sources[i] ?? (i as never)));
    const shape = { v0: r.v0, v1: r.v1, src, at: size, R: longest + 1 };
    size += 2 + width * shape.R;
    return shape;
  });
  const ownAt = size;
  const state = new Float64Array(size + own * ctx.grid.variants);
  return { state, ownAt, runs: shapes.map((r) => ({ ...r, ring: new WindowRing(state, r.at, width, r.R) })) };
}

/** A stepper of one WindowRing per source run and `own` numbers per variant; a gap bar is NaN in every output. */
export function windowStepper(ctx: StepperContext, hooks: WindowHooks): Stepper {
  const own = hooks.own ?? 0;
  const { state, runs, ownAt } = windowLayout(ctx, hooks);
  const xs = new Float64Array(hooks.inputs.length);
  return {
    state,
    step(bar, rows) {
      const writes = anyRow(rows);
      for (const r of runs) {
        let valid = true;
        for (let k = 0; k < xs.length; k++) {
          const x = bar[r.src[k]!]!;
          xs[k] = x;
          if (x !== x) valid = false;
        }
        const slot = r.ring.advance(valid);
        if (!valid) {
          for (const row of rows) if (row) row.fill(NaN, r.v0, r.v1);
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
