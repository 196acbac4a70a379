// The interface every incremental stepper implements: one small file per
// stepped indicator (sma.ts, ema.ts, ...), each stepping the operations of its
// kernel in the kernel's order, so a stream's rows are the batch rows bit for bit.
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
   * Optional, so `history` runs at batch speed: sets the state to the one
   * after the first n bars of a stream, from each source over those bars
   * (columns[k], indexed as in step()'s bar) and, when `resumeNeedsRows`,
   * the batch kernel's float64 rows at bar n - 1 (compute() over those n
   * bars; null otherwise).
   */
  resume?(columns: readonly Float64Array[], last64: readonly (Float64Array | null)[] | null): void;
  readonly resumeNeedsRows?: boolean;
}

export type StepperFactory = (ctx: StepperContext) => Stepper;

/** The value of variant v's param `p` as the kernel reads it. */
export function paramOf(ctx: StepperContext, p: string): Float64Array {
  const k = ctx.def.params.findIndex((x) => x.name === p);
  if (k < 0) throw new Error(`${ctx.def.id} has no param '${p}'`);
  return ctx.params[k]!;
}
