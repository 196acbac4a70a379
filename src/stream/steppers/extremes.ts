// What the rolling-extreme steppers share (min, max, midpoint, midprice,
// donchian, williams_r, stoch, chandelier_exit, ichimoku, aroon and the
// MAXINDEX family). The batch kernels answer every window from sparse tables
// built once per call (RollingExtreme, RollingArgExtreme in
// native/primitives.h): level k at bar t holds the extreme of the 2^k bars
// ending at t, and a window of w bars picks between two overlapping spans.
// Here level k is a ring of the last 2^k + 1 bars (what its reads reach),
// filled bar by bar with the kernel's picks in the kernel's order, so the
// values (and which of two equal values, +0 or -0, comes out) are the
// kernel's: O(levels) per bar and source, O(1) per variant, about twice the
// longest window of state per table.
import { lastGap, longestOf, paramOf, resumeBySources, type KernelStateMap, type PreludeRoute, type Stepper, type StepperContext } from './types.js';

/** extremeLevels (native/primitives.h): the levels a table needs for windows up to maxWindow. */
export function extremeLevels(maxWindow: number): number {
  let k = 1;
  while (2 ** k <= maxWindow) ++k;
  return k;
}

/** sparseWindow: the level k of the two 2^k-bar spans covering a window of w bars, and how far back the second one ends. */
export function sparseWindow(w: number): { level: number; back: number } {
  let k = 0;
  while (2 ** (k + 1) <= w) ++k;
  return { level: k, back: w - 2 ** k };
}

/** pickExtreme: of a later and an earlier value, the larger (smaller); ties give the earlier. */
function pick(isMax: boolean, a: number, b: number): number {
  return isMax ? (a > b ? a : b) : (a < b ? a : b);
}

/** Numbers of state laid out one block after another. */
export class Layout {
  size = 0;
  take(n: number): number {
    const at = this.size;
    this.size += n;
    return at;
  }
}

/** The windows of a grid's variants as (level, back) pairs: a window's extreme is pick(level at its end, level `back` bars before). */
export interface Lanes {
  readonly level: Int32Array;
  readonly back: Int32Array;
}

export function lanesOf(windows: ArrayLike<number>): Lanes {
  const level = new Int32Array(windows.length), back = new Int32Array(windows.length);
  for (let v = 0; v < windows.length; v++) {
    const s = sparseWindow(windows[v]!);
    level[v] = s.level;
    back[v] = s.back;
  }
  return { level, back };
}

/** Variants [v0, v1) by spans of consecutive windows at one level: (first variant, count, level, back of the first) each; and their longest window. */
export interface Spans {
  readonly of: Int32Array;
  readonly longest: number;
}

export function spansOf(window: ArrayLike<number>, lanes: Lanes, v0: number, v1: number): Spans {
  const of: number[] = [];
  let longest = 0;
  for (let v = v0; v < v1; v++) {
    longest = Math.max(longest, window[v]!);
    const n = of.length;
    if (n > 0 && v > v0 && of[n - 2] === lanes.level[v] && lanes.back[v] === lanes.back[v - 1]! + 1) of[n - 3]!++;
    else of.push(v, 1, lanes.level[v]!, lanes.back[v]!);
  }
  return { of: Int32Array.from(of), longest };
}

/**
 * Where the levels of one sparse table live: level k as a ring of the last
 * 2^k + 1 + delay bars, all that its windows (back < 2^k, read up to `delay`
 * bars late) and the build of level k + 1 (2^k bars back) read, so a table
 * takes about twice the longest window, not levels times it; level 0 (the
 * bars themselves) keeps at least the last `keep` bars. State: the ring
 * position of each level, then the rings of every table, `width` numbers an
 * entry.
 */
class Rings {
  readonly ring: Int32Array;
  readonly off: Int32Array;
  readonly size: number;
  readonly posAt: number;

  /** Bars whose values the rings hold: level k's entries read back 2^k - 1 bars before their own. */
  readonly memory: number;

  constructor(layout: Layout, readonly levels: number, delay: number, readonly width: number, keep = 0) {
    this.cur = new Int32Array(levels);
    this.ring = new Int32Array(levels);
    this.off = new Int32Array(levels);
    let size = 0, memory = 0;
    for (let k = 0; k < levels; k++) {
      this.ring[k] = Math.max(2 ** k + 1 + delay, k === 0 ? keep : 0);
      this.off[k] = size;
      size += width * this.ring[k]!;
      memory = Math.max(memory, this.ring[k]! + 2 ** k - 1);
    }
    this.size = size;
    this.memory = memory;
    this.posAt = layout.take(levels);
    this.pos = new Int32Array(levels);
  }

  /** The positions of the last bar, as of the last advance() (every read of a step follows it). */
  private readonly pos: Int32Array;

  /** Per level, the offset in a table of the last bar's entry (off + width * pos), as of the last advance(). */
  readonly cur: Int32Array;

  /** Moves every level to the next bar. */
  advance(s: Float64Array): void {
    for (let k = 0; k < this.levels; k++) {
      let p = s[this.posAt + k]! + 1;
      if (p === this.ring[k]) p = 0;
      s[this.posAt + k] = p;
      this.pos[k] = p;
      this.cur[k] = this.off[k]! + this.width * p;
    }
  }

  /**
   * A prelude's last into.length bars of a table at `side` (number `field`
   * of its level-0 entries), oldest first; with no side (-1), an input the
   * table only checks: 0 on the `run` bars of the current run, NaN before
   * (no row after the run's start reads an earlier bar).
   */
  tail(s: Float64Array, side: number, field: number, run: number, into: Float64Array): void {
    const P = into.length, pos = s[this.posAt]!, R = this.ring[0]!;
    for (let j = 0; j < P; j++) {
      const back = P - 1 - j, slot = pos - back < 0 ? pos - back + R : pos - back;
      into[j] = side >= 0 ? s[side + this.width * slot + field]! : back < run ? 0.0 : NaN;
    }
  }

  /**
   * Sets the state to the one `advance` (a channel's, one bar) leaves after
   * bars [from, to) of the columns (indexed as a bar): the count of bars
   * valid in `valid` at s[runAt] (and of every bar at s[countAt], unless
   * -1) and the ring positions moved on arithmetically, then the last bars
   * the rings hold (memory) advanced as step() does.
   */
  skipBars(s: Float64Array, runAt: number, countAt: number, valid: readonly number[], columns: readonly Float64Array[], from: number, to: number, advance: (bar: Float64Array) => void): void {
    const start = Math.max(from, to - this.memory);
    const g = lastGap(columns, valid, from, start);
    s[runAt] = g >= from ? start - 1 - g : s[runAt]! + (start - from);
    if (countAt >= 0) s[countAt] = s[countAt]! + (start - from);
    for (let k = 0; k < this.levels; k++) s[this.posAt + k] = (s[this.posAt + k]! + (start - from)) % this.ring[k]!;
    const bar = new Float64Array(columns.length);
    for (let i = start; i < to; i++) {
      for (let k = 0; k < columns.length; k++) bar[k] = columns[k]![i]!;
      advance(bar);
    }
  }

  /** The ring slot of level k `back` bars before its last bar. */
  slot(k: number, back: number): number {
    const j = this.pos[k]! - back;
    return j < 0 ? j + this.ring[k]! : j;
  }
}

/**
 * RollingRange (or one side of it) over the series at bar indexes `high`
 * (highest) and `low` (lowest); -1 leaves a side out. Windows may be read up
 * to `delay` bars late; level 0 keeps the last `keep` bars at least (a
 * prelude's, channelPrelude). State: [valid bars ending here (every `valid`
 * input a number), the levels' positions, the highest's levels, the lowest's
 * levels].
 */
export class Channel {
  private readonly at: number;
  private readonly rings: Rings;
  private readonly hiAt: number;
  private readonly loAt: number;

  constructor(layout: Layout, levels: number, delay: number, private readonly high: number, private readonly low: number, private readonly valid: readonly number[], keep = 0) {
    this.at = layout.take(1);
    this.rings = new Rings(layout, levels, delay, 1, keep);
    this.hiAt = high >= 0 ? layout.take(this.rings.size) : -1;
    this.loAt = low >= 0 ? layout.take(this.rings.size) : -1;
  }

  /** Bars whose values the levels hold: skip() fills no more. */
  get memory(): number {
    return this.rings.memory;
  }

  /** The count of valid bars ending at the last bar. */
  run(s: Float64Array): number {
    return s[this.at]!;
  }

  /** Feeds one bar; returns the count of valid bars ending at it (0: this bar is a gap). */
  advance(s: Float64Array, bar: Float64Array): number {
    let ok = true;
    const valid = this.valid;  // indexed: an iterator's results, in code not yet optimized, are garbage per push
    for (let i = 0; i < valid.length; i++) if (bar[valid[i]!] !== bar[valid[i]!]) ok = false;
    const run = ok ? s[this.at]! + 1 : 0;
    s[this.at] = run;
    this.rings.advance(s);
    // A gap's NaN goes into the levels too, as the kernel's tables hold it: no window of a valid bar reads it.
    if (this.hiAt >= 0) this.fill(s, this.hiAt, bar[this.high]!, true);
    if (this.loAt >= 0) this.fill(s, this.loAt, bar[this.low]!, false);
    return run;
  }

  /**
   * Source k's last into.length bars (at most `keep`), oldest first, if the
   * channel reads it: a side's own values (level 0), or for an input it only
   * checks (`valid`) 0 on the bars of the current run and NaN before (no
   * row after the run's start reads an earlier bar). False if it does not.
   */
  tail(s: Float64Array, k: number, into: Float64Array): boolean {
    const side = k === this.high && this.hiAt >= 0 ? this.hiAt : k === this.low && this.loAt >= 0 ? this.loAt : -1;
    if (side < 0 && !this.valid.includes(k)) return false;
    this.rings.tail(s, side, 0, s[this.at]!, into);
    return true;
  }

  /** Sets the state to the one advance() leaves after bars [from, to) of the columns (indexed as a bar), filling only the bars the rings hold. */
  skip(s: Float64Array, columns: readonly Float64Array[], from: number, to: number): void {
    this.rings.skipBars(s, this.at, -1, this.valid, columns, from, to, (bar) => this.advance(s, bar));
  }

  /** The highest of a window (lanesOf: its level and back) ending `delay` bars before the last bar. */
  upper(s: Float64Array, level: number, back: number, delay = 0): number {
    const at = this.hiAt + this.rings.off[level]!, r = this.rings;
    const a = s[at + r.slot(level, delay)]!, b = s[at + r.slot(level, delay + back)]!;
    return a > b ? a : b;
  }

  lower(s: Float64Array, level: number, back: number, delay = 0): number {
    const at = this.loAt + this.rings.off[level]!, r = this.rings;
    const a = s[at + r.slot(level, delay)]!, b = s[at + r.slot(level, delay + back)]!;
    return a < b ? a : b;
  }

  /**
   * The lowest and the highest of a window (lanesOf: its level and back)
   * ending `delay` bars before the last bar into into[0] and into[1]:
   * lower() and upper() for a caller V8 may not inline them into, where
   * each returned number would be boxed.
   */
  range(s: Float64Array, level: number, back: number, into: Float64Array, delay = 0): void {
    const r = this.rings, now = r.slot(level, delay), then = r.slot(level, delay + back), off = r.off[level]!;
    const la = s[this.loAt + off + now]!, lb = s[this.loAt + off + then]!;
    const ha = s[this.hiAt + off + now]!, hb = s[this.hiAt + off + then]!;
    into[0] = la < lb ? la : lb;
    into[1] = ha > hb ? ha : hb;
  }

  /** RollingRange::Window::mid: (highest + lowest) / 2. */
  mid(s: Float64Array, level: number, back: number, delay = 0): number {
    return (this.upper(s, level, back, delay) + this.lower(s, level, back, delay)) / 2.0;
  }

  /**
   * Variants [v0, v1) at the last bar, each over its window (`window` bars,
   * lanesOf's level and back): the highest ('max') or the lowest ('min')
   * into out, their midpoint ('mid') into out, or the lowest into out and
   * the highest into out2 ('range'); NaN while the run is shorter than the
   * window. upper(), lower() and mid() of every variant, the level's entries
   * found from the positions advance() took. Once the run covers every
   * window, the variants go by spans (spansOf): the windows of a span share
   * their level's newest entry and read its older entries one after another,
   * as the kernel's rows do.
   */
  row(s: Float64Array, kind: 'max' | 'min' | 'mid' | 'range', out: Float64Array, out2: Float64Array | null, v0: number, v1: number, window: ArrayLike<number>, lanes: Lanes, run: number, spans: Spans): void {
    const { cur, off, ring } = this.rings;
    const hi = this.hiAt, lo = this.loAt;
    if (run < spans.longest) {
      for (let v = v0; v < v1; v++) {
        if (run < window[v]!) {
          out[v] = NaN;
          if (out2) out2[v] = NaN;
          continue;
        }
        const k = lanes.level[v]!;
        let e = cur[k]! - lanes.back[v]!;
        if (e < off[k]!) e += ring[k]!;
        this.put(s, kind, out, out2, v, 1, hi, lo, cur[k]!, e);
      }
      return;
    }
    const sp = spans.of;
    for (let i = 0; i < sp.length; i += 4) {
      const k = sp[i + 2]!, c = cur[k]!, first = off[k]!;
      let v = sp[i]!, left = sp[i + 1]!, e = c - sp[i + 3]!;
      if (e < first) e += ring[k]!;
      // e, e - 1, ... down to the level's first entry, then on from its last.
      while (left > 0) {
        const m = Math.min(left, e - first + 1);
        this.put(s, kind, out, out2, v, m, hi, lo, c, e);
        v += m;
        left -= m;
        e = first + ring[k]! - 1;
      }
    }
  }

  /** Variants v .. v + m - 1 of row(): their windows' newest entry at c, their older ones at e, e - 1, ... */
  private put(s: Float64Array, kind: 'max' | 'min' | 'mid' | 'range', out: Float64Array, out2: Float64Array | null, v: number, m: number, hi: number, lo: number, c: number, e: number): void {
    // A side the channel leaves out is at -1: only the sides of `kind` are read. Each branch reads its
    // own newest entries: one read before the branches, NaN for a side left out, was a number V8 boxed
    // for every variant (Fisher's 'range': 2.3 KB a push).
    if (kind === 'max') {
      const a = s[hi + c]!;
      for (let j = 0; j < m; j++) {
        const b = s[hi + e - j]!;
        out[v + j] = a > b ? a : b;
      }
    } else if (kind === 'min') {
      const p = s[lo + c]!;
      for (let j = 0; j < m; j++) {
        const q = s[lo + e - j]!;
        out[v + j] = p < q ? p : q;
      }
    } else if (kind === 'mid') {
      const a = s[hi + c]!, p = s[lo + c]!;
      for (let j = 0; j < m; j++) {
        const b = s[hi + e - j]!, q = s[lo + e - j]!;
        out[v + j] = ((a > b ? a : b) + (p < q ? p : q)) / 2.0;
      }
    } else {
      const a = s[hi + c]!, p = s[lo + c]!;
      for (let j = 0; j < m; j++) {
        const b = s[hi + e - j]!, q = s[lo + e - j]!;
        out[v + j] = p < q ? p : q;
        out2![v + j] = a > b ? a : b;
      }
    }
  }

  /** RollingExtreme::build for one bar: level k from level k - 1 at this bar and 2^(k-1) bars before. */
  private fill(s: Float64Array, at: number, x: number, isMax: boolean): void {
    const r = this.rings;
    s[at + r.slot(0, 0)] = x;
    for (let k = 1, half = 1; k < r.levels; k++, half *= 2) {
      const prev = at + r.off[k - 1]!;
      s[at + r.off[k]! + r.slot(k, 0)] = pick(isMax, s[prev + r.slot(k - 1, 0)]!, s[prev + r.slot(k - 1, half)]!);
    }
  }
}

/**
 * The PreludeRoute of steppers whose state is their channels (min, max,
 * donchian, williams_r, ...): the kernels' sparse tables are built afresh
 * each call, so a window's extreme is the same bits over a prelude of its
 * run's last bars. Each channel keeps `bars` - 1 bars at level 0 (Channel's
 * `keep`) for tail(); skip() fills the levels over the last bars they hold.
 */
export function channelPrelude(state: Float64Array, channels: readonly (Channel | ArgChannel)[], bars: number): PreludeRoute {
  return {
    bars,
    tail(into) {
      into.forEach((x, k) => {
        if (!channels.some((ch) => ch.tail(state, k, x))) throw new Error(`channelPrelude: no channel reads source ${k}`);
      });
    },
    skip(columns, from, to) {
      for (const ch of channels) ch.skip(state, columns, from, to);
    },
  };
}

/** The bar indexes of a stepper's context: its high, low and close, in that order. */
export function hlcOf(ctx: StepperContext): [number, number, number] {
  return [ctx.sourceIndex('high'), ctx.sourceIndex('low'), ctx.sourceIndex('close')];
}

/**
 * RollingRange over the windows of param `p`: a channel of the highest high
 * and the lowest low over the last (longest window) bars, valid where high,
 * low and, with `close`, the close are numbers; its layout goes on with the
 * stepper's own numbers.
 */
export function priceChannel(ctx: StepperContext, p: string, close: boolean, prelude = false) {
  const window = paramOf(ctx, p);
  const longest = longestOf(window);
  const [h, l, c] = hlcOf(ctx);
  const layout = new Layout();
  // For a prelude (channelPrelude) over the windows' bars, level 0 keeps all but the last of them.
  const ch = new Channel(layout, extremeLevels(longest), 0, h, l, close ? [h, l, c] : [h, l], prelude ? longest - 1 : 0);
  return { window, longest, ...lanesOf(window), h, l, c, layout, ch };
}

/**
 * structure.min, max, minmax, midpoint, midprice (rollingExtremes in
 * native/structure/common.h): per source run (midprice: high and low), a
 * channel over the last maxWindow bars; each output is the lowest, the
 * highest or their midpoint of the variant's window, from the window's first
 * full bar of a run of valid bars.
 */
export function extremeValues(ctx: StepperContext, outputs: readonly ('min' | 'max' | 'mid')[]): Stepper {
  const window = paramOf(ctx, 'window');
  const longest = longestOf(window), levels = extremeLevels(longest);
  const lanes = lanesOf(window);
  const range = outputs.length === 2 && outputs[0] === 'min' && outputs[1] === 'max';
  const highs = outputs.some((o) => o !== 'min'), lows = outputs.some((o) => o !== 'max');
  const layout = new Layout();
  const runs = ctx.runs.map((r) => {
    // MIDPRICE reads the highest high and the lowest low; the others one source.
    const hi = r.sources.source !== undefined ? ctx.sourceIndex(r.sources.source) : ctx.sourceIndex('high');
    const lo = r.sources.source !== undefined ? hi : ctx.sourceIndex('low');
    return { v0: r.v0, v1: r.v1, spans: spansOf(window, lanes, r.v0, r.v1), ch: new Channel(layout, levels, 0, highs ? hi : -1, lows ? lo : -1, hi === lo ? [hi] : [hi, lo], longest - 1) };
  });
  const state = new Float64Array(layout.size);
  return {
    state,
    prelude: channelPrelude(state, runs.map((r) => r.ch), longest),
    step(bar, rows) {
      for (let i = 0; i < runs.length; i++) {
        const { v0, v1, spans, ch } = runs[i]!;
        const run = ch.advance(state, bar);
        // MINMAX's two rows from one pass.
        if (range && rows[0] && rows[1]) ch.row(state, 'range', rows[0], rows[1], v0, v1, window, lanes, run, spans);
        else {
          for (let k = 0; k < outputs.length; k++) {
            const out = rows[k];
            if (out) ch.row(state, outputs[k]!, out, null, v0, v1, window, lanes, run, spans);
          }
        }
      }
    },
    resume: resumeBySources,
  };
}

/**
 * RollingArgExtreme (AROON): the levels hold (bar index, value) pairs, and of
 * a later and an earlier bar the pick keeps the later on a tie, as the
 * kernel's. State: [bar count, valid bars ending here (high and low
 * numbers), the levels' positions, the highest's levels, the lowest's].
 */
export class ArgChannel {
  private readonly at: number;
  private readonly rings: Rings;
  private readonly hiAt: number;
  private readonly loAt: number;

  constructor(layout: Layout, levels: number, private readonly high: number, private readonly low: number, keep = 0) {
    this.at = layout.take(2);
    this.rings = new Rings(layout, levels, 0, 2, keep);
    this.hiAt = layout.take(this.rings.size);
    this.loAt = layout.take(this.rings.size);
  }

  /** Feeds one bar; returns the count of valid bars (high and low) ending at it. */
  advance(s: Float64Array, bar: Float64Array): number {
    const high = bar[this.high]!, low = bar[this.low]!;
    const t = s[this.at]!;
    const run = high === high && low === low ? s[this.at + 1]! + 1 : 0;
    s[this.at] = t + 1;
    s[this.at + 1] = run;
    this.rings.advance(s);
    this.fill(s, this.hiAt, t, high, true);
    this.fill(s, this.loAt, t, low, false);
    return run;
  }

  /** Channel.tail: the values of source k (high or low) at level 0. */
  tail(s: Float64Array, k: number, into: Float64Array): boolean {
    if (k !== this.high && k !== this.low) return false;
    this.rings.tail(s, k === this.high ? this.hiAt : this.loAt, 1, s[this.at + 1]!, into);
    return true;
  }

  /** Channel.skip, the bar count included. */
  skip(s: Float64Array, columns: readonly Float64Array[], from: number, to: number): void {
    this.rings.skipBars(s, this.at + 1, this.at, [this.high, this.low], columns, from, to, (bar) => this.advance(s, bar));
  }

  /** The last bar's index (bars since the stream's first). */
  last(s: Float64Array): number {
    return s[this.at]! - 1;
  }

  /** The bar of the highest (lowest) of a window (lanesOf) ending at the last bar. */
  highest(s: Float64Array, level: number, back: number): number {
    return s[this.pick(s, this.hiAt, level, 0, back, true)]!;
  }

  lowest(s: Float64Array, level: number, back: number): number {
    return s[this.pick(s, this.loAt, level, 0, back, false)]!;
  }

  /** RollingArgExtreme::pick of level k's entries `later` and `earlier` bars back: where the chosen pair is. */
  private pick(s: Float64Array, at: number, k: number, later: number, earlier: number, isMax: boolean): number {
    const r = this.rings, level = at + r.off[k]!;
    const a = level + 2 * r.slot(k, later), b = level + 2 * r.slot(k, earlier);
    return isMax ? (s[a + 1]! >= s[b + 1]! ? a : b) : (s[a + 1]! <= s[b + 1]! ? a : b);
  }

  private fill(s: Float64Array, at: number, t: number, x: number, isMax: boolean): void {
    const r = this.rings;
    let e = at + 2 * r.slot(0, 0);
    s[e] = t;
    s[e + 1] = x;
    for (let k = 1, half = 1; k < r.levels; k++, half *= 2) {
      const c = this.pick(s, at, k - 1, 0, half, isMax);
      e = at + r.off[k]! + 2 * r.slot(k, 0);
      s[e] = s[c]!;
      s[e + 1] = s[c + 1]!;
    }
  }
}

/**
 * ExtremeIndex::next for one side of one variant, its (bar, value) at
 * s[at], s[at + 1]: bar t of a window of n, whose values end at s[e] (bar
 * t - k at s[e - k]). Returns the bar.
 */
function nextIndex(isMax: boolean, s: Float64Array, at: number, e: number, t: number, n: number): number {
  const oldest = t - n + 1;
  if (s[at]! < oldest) {
    const first = e - n + 1;
    let best = first, value = s[first]!;
    for (let i = first + 1; i <= e; i++) {
      const x = s[i]!;
      if (isMax ? x > value : x < value) {
        best = i;
        value = x;
      }
    }
    s[at] = oldest + (best - first);
    s[at + 1] = value;
  } else {
    const x = s[e]!;
    if (isMax ? x >= s[at + 1]! : x <= s[at + 1]!) {
      s[at] = t;
      s[at + 1] = x;
    }
  }
  return s[at]!;
}

/**
 * structure.minindex, maxindex, minmaxindex (ExtremeIndex in
 * native/structure/common.h): per source run, a ring of the last maxWindow
 * values kept twice (slot p and p + maxWindow, so a window is one run of the
 * state); per variant, TA-Lib's path-dependent (bar, value) of the min and
 * of the max: the bar found stays while it is in the window and a new value
 * equal to it (or beyond) takes over; once it leaves, the window is scanned
 * for its first extreme (O(window) then, as the kernel). Bars count from the
 * stream's first. minOut / maxOut: the output of each (-1: none). Batches
 * run the kernel from the kept bars (extremeIndexKernelState).
 */
export function extremeIndexes(ctx: StepperContext, minOut: number, maxOut: number): Stepper {
  const window = paramOf(ctx, 'window');
  const W = longestOf(window);
  const layout = new Layout();
  const count = layout.take(1);
  const runs = ctx.runs.map((r) => ({ v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at: layout.take(1 + 2 * W) }));
  // (min bar, min value, max bar, max value) per variant.
  const own = layout.take(4 * ctx.grid.variants);
  const state = new Float64Array(layout.size);
  for (let v = 0; v < ctx.grid.variants; v++) state[own + 4 * v] = state[own + 4 * v + 2] = -1;  // ExtremeIndex::index, none yet
  return {
    state,
    step(bar, rows) {
      const t = state[count]!;
      state[count] = t + 1;
      const lo = minOut >= 0 ? rows[minOut] : undefined, hi = maxOut >= 0 ? rows[maxOut] : undefined;
      const pos = t % W;
      for (const { v0, v1, src, at } of runs) {
        const x = bar[src]!;
        const run = x === x ? state[at]! + 1 : 0;
        state[at] = run;
        const e = at + 1 + pos + W;
        state[e - W] = state[e] = x;
        // A run's first window always finds the kept bar out of it (it is older than the run), so no reset is needed.
        if (minOut >= 0) {
          for (let v = v0; v < v1; v++) {
            const n = window[v]!;
            const i = run < n ? NaN : nextIndex(false, state, own + 4 * v, e, t, n);
            if (lo) lo[v] = i;
          }
        }
        if (maxOut >= 0) {
          for (let v = v0; v < v1; v++) {
            const n = window[v]!;
            const i = run < n ? NaN : nextIndex(true, state, own + 4 * v + 2, e, t, n);
            if (hi) hi[v] = i;
          }
        }
      }
    },
    // history and pushMany() through the kernel (its variants' kept bars are path-dependent: no cheaper resume).
    kernel: extremeIndexKernelState(state, count, runs, own, W),
  };
}

/**
 * The kernel's state of the index family (kIndexState in
 * native/structure/common.h), per variant: its (bar, value) of the min and
 * of the max, the bar number of the call's bar 0, `lead` and its run's age
 * at bar lead - 1. The call's first W - 1 bars (`lead`) are the stream's
 * last bars (streamKeepsTail), so that the kernel's rescans read nothing
 * before the call; load() writes
 * the ring of each source from the batch's last bars.
 */
function extremeIndexKernelState(state: Float64Array, count: number, runs: readonly { v0: number; v1: number; src: number; at: number }[], own: number, W: number): KernelStateMap {
  const S = 7, lead = Math.max(W - 1, 0), V = (state.length - own) / 4;
  return {
    perVariant: S,
    length: S * V,
    lead,
    streamKeepsTail: true,
    save(into) {
      for (const r of runs) {
        for (let v = r.v0; v < r.v1; v++) {
          into.set(state.subarray(own + 4 * v, own + 4 * v + 4), S * v);
          into[S * v + 4] = state[count]! - lead;
          into[S * v + 5] = lead;
          into[S * v + 6] = state[r.at]! - 1;  // the count of valid bars ending here, as an age
        }
      }
    },
    load(from, bars, columns) {
      for (let v = 0; v < V; v++) state.set(from.subarray(S * v, S * v + 4), own + 4 * v);
      const t = (state[count] = from[4]!);
      for (const r of runs) {
        state[r.at] = from[S * r.v0 + 6]! + 1;
        const col = columns[r.src]!;
        for (let i = Math.max(0, bars - W); i < bars; i++) {
          const e = r.at + 1 + ((t - bars + i) % W) + W;
          state[e - W] = state[e] = col[i]!;
        }
      }
    },
  };
}
