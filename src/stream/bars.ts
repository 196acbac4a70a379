// The bars a stream keeps for the indicators it recomputes: the base candle
// columns it reads, its sources (derived once per bar), and the open times,
// over a window of absolute bar indexes [front, front + length).
import type { CandleColumn } from '../registry/index.js';

export type Ts = number | bigint;

export class KeptBars {
  /** Absolute index of the first kept bar. */
  front = 0;
  length = 0;
  private start = 0;  // index of the first kept bar in the arrays
  private cap = 0;
  base: Float64Array[];
  sources: Float64Array[];
  ts: Float64Array | BigInt64Array;

  constructor(readonly baseColumns: readonly CandleColumn[], readonly nSources: number) {
    this.base = baseColumns.map(() => new Float64Array(0));
    this.sources = Array.from({ length: nSources }, () => new Float64Array(0));
    this.ts = new Float64Array(0);
  }

  /** Bytes held (capacity, not length: what the process actually holds). */
  get bytes(): number {
    return this.cap * 8 * (this.base.length + this.sources.length + 1);
  }

  /** Appends one bar (base column values and source values, in constructor order). */
  append(base: Float64Array, sources: Float64Array, ts: Ts): void {
    // Open times are kept as the stream's first bar gave them (int64 or float64).
    if (typeof ts === 'bigint' && !(this.ts instanceof BigInt64Array)) this.ts = BigInt64Array.from(this.ts, (x) => BigInt(x));
    if (this.start + this.length === this.cap) this.makeRoom(1);
    const i = this.start + this.length;
    for (let k = 0; k < base.length; k++) this.base[k]![i] = base[k]!;
    for (let k = 0; k < sources.length; k++) this.sources[k]![i] = sources[k]!;
    if (this.ts instanceof BigInt64Array) this.ts[i] = BigInt(ts);
    else this.ts[i] = Number(ts);
    this.length++;
  }

  /** Drops the last bar (update() rolls it back). */
  pop(): void {
    this.length--;
  }

  /** Forgets the bars before absolute index `from`. */
  dropBefore(from: number): void {
    const n = Math.min(this.length, Math.max(0, from - this.front));
    this.start += n;
    this.front += n;
    this.length -= n;
  }

  /** Source k over absolute bars [from, front + length), a view (valid until the next append). */
  source(k: number, from: number): Float64Array {
    return this.sources[k]!.subarray(this.start + from - this.front, this.start + this.length);
  }

  /** Base column k over absolute bars [from, front + length), a view. */
  column(k: number, from: number): Float64Array {
    return this.base[k]!.subarray(this.start + from - this.front, this.start + this.length);
  }

  /** Open times over absolute bars [from, front + length), a view. */
  times(from: number): Float64Array | BigInt64Array {
    return this.ts.subarray(this.start + from - this.front, this.start + this.length);
  }

  /** Moves the kept bars to the front of the arrays, growing them when more than half full. */
  private makeRoom(extra: number): void {
    const need = this.length + extra;
    const cap = need * 2 > this.cap ? Math.max(64, need * 2) : this.cap;
    const move = <A extends Float64Array | BigInt64Array>(a: A, make: (n: number) => A): A => {
      const b = cap === this.cap ? a : make(cap);
      b.set(a.subarray(this.start, this.start + this.length) as never, 0);
      return b;
    };
    this.base = this.base.map((a) => move(a, (n) => new Float64Array(n)));
    this.sources = this.sources.map((a) => move(a, (n) => new Float64Array(n)));
    this.ts = this.ts instanceof BigInt64Array ? move(this.ts, (n) => new BigInt64Array(n)) : move(this.ts, (n) => new Float64Array(n));
    this.cap = cap;
    this.start = 0;
  }

  /** The state as plain arrays, for a checkpoint. */
  snapshot(): { front: number; base: Float64Array[]; sources: Float64Array[]; ts: Float64Array | BigInt64Array } {
    const s = this.start, e = this.start + this.length;
    return { front: this.front, base: this.base.map((a) => a.slice(s, e)), sources: this.sources.map((a) => a.slice(s, e)), ts: this.ts.slice(s, e) };
  }

  restore(front: number, base: Float64Array[], sources: Float64Array[], ts: Float64Array | BigInt64Array): void {
    this.front = front;
    this.length = ts.length;
    this.start = 0;
    this.cap = ts.length;
    this.base = base;
    this.sources = sources;
    this.ts = ts;
  }
}
