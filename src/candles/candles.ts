import { isSharedArrayBuffer } from 'node:util/types';
import { InvalidCandlesError, MissingInputError } from '../errors.js';
import { CANDLE_COLUMNS, type CandleColumn, type SourceName } from '../registry/index.js';
import { drain, drainAsync, type Steps } from './steps.js';

type NumericArray = ArrayLike<number> | ArrayLike<bigint>;

/** Plain columns: typed arrays (or number arrays) of equal length. */
export interface CandleArrays {
  ts_open: NumericArray;
  open?: NumericArray;
  high?: NumericArray;
  low?: NumericArray;
  close?: NumericArray;
  volume?: NumericArray;
}

/** One chunk of an Arrow column, as far as we read it. */
interface ArrowData {
  readonly length: number;
  readonly values: unknown;
  readonly offset: number;
  readonly nullCount: number;
  readonly nullBitmap?: Uint8Array;
}

/** What an Arrow Table or RecordBatch looks like to us (both have these). */
interface ArrowLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: { toString(): string } }[] };
  getChild(name: string): { readonly data: readonly ArrowData[]; get(i: number): unknown; readonly length: number } | null;
}

export type CandlesInput = ArrowLike | CandleArrays | Candles;

/** Rows converted or checked between two looks at the clock (see steps.ts). */
const SLICE = 1 << 16;

/** Sources derived from the base columns (TA-Lib MEDPRICE / TYPPRICE / AVGPRICE / WCLPRICE). */
export const DERIVED: Readonly<Record<string, readonly CandleColumn[]>> = {
  hl2: ['high', 'low'],
  hlc3: ['high', 'low', 'close'],
  ohlc4: ['open', 'high', 'low', 'close'],
  hlcc4: ['high', 'low', 'close'],
};

/** A Float64Array over a SharedArrayBuffer, so workers read it in place. */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8), 0, length);
}

function isArrow(x: unknown): x is ArrowLike {
  return typeof x === 'object' && x !== null && typeof (x as ArrowLike).getChild === 'function' && 'schema' in x && 'numRows' in x;
}

function isNumericArray(x: unknown): x is NumericArray {
  return ArrayBuffer.isView(x) ? !(x instanceof DataView) : Array.isArray(x);
}

type FloatArray = Float64Array | Float32Array;
const isFloatArray = (x: unknown): x is FloatArray => x instanceof Float64Array || x instanceof Float32Array;
const isSharedFloat64 = (x: unknown): x is Float64Array => x instanceof Float64Array && isSharedArrayBuffer(x.buffer);

/**
 * Validated candles. Every base column is held as a float array (float
 * inputs in place, anything else converted to shared float64 while
 * loading); the shared float64 columns the kernels read, and the derived
 * sources, are made on first use and kept, so prepared candles
 * (`engine.prepare()`) pay for each at most once.
 */
export class Candles {
  readonly t: number;
  /** ts_open as given: bigint when the input was int64/timestamp, else number. */
  readonly tsOpen: BigInt64Array | Float64Array;
  /** Validated base columns (in place, or converted while loading). */
  private readonly given = new Map<CandleColumn, FloatArray>();
  /** Shared float64 columns, converted or derived on first use. */
  private readonly columns = new Map<SourceName, Float64Array>();
  /** Bytes loading allocated (columns converted while loading, a ts_open copy). */
  readonly loadedBytes: number;

  constructor(t: number, tsOpen: BigInt64Array | Float64Array, given: ReadonlyMap<CandleColumn, FloatArray>, loadedBytes = 0) {
    this.t = t;
    this.tsOpen = tsOpen;
    this.loadedBytes = loadedBytes;
    for (const [k, v] of given) {
      this.given.set(k, v);
      if (isSharedFloat64(v)) this.columns.set(k, v);
    }
  }

  /** Whether the input had this base column. */
  has(name: CandleColumn): boolean {
    return this.given.has(name);
  }

  /** A base column as validated: the input's float array in place, or its conversion (no shared copy). */
  base(name: CandleColumn): Float64Array | Float32Array {
    const col = this.given.get(name);
    if (!col) throw new MissingInputError(`the candles have no '${name}' column; add it to the input`, { column: name });
    return col;
  }

  /** A base column or a derived source, in shared memory. */
  column(name: SourceName): Float64Array {
    return drain(this.columnSteps(name));
  }

  /** column(), giving the event loop a turn every few milliseconds on long series. */
  columnAsync(name: SourceName, signal?: AbortSignal): Promise<Float64Array> {
    return drainAsync(this.columnSteps(name), signal);
  }

  /** Shared bytes reading these sources would add: the columns not held yet. */
  bytesToRead(names: Iterable<SourceName>): number {
    let n = 0;
    for (const name of new Set(names)) if (!this.columns.has(name)) n += this.t * 8;
    return n;
  }

  /** Fails with MissingInputError when a source cannot be read from these candles. */
  checkReadable(name: SourceName): void {
    if (this.given.has(name as CandleColumn)) return;
    const cols = DERIVED[name];
    if (!cols) throw new MissingInputError(`the candles have no '${name}' column; add it to the input`, { column: name });
    for (const c of cols) {
      if (!this.given.has(c)) {
        throw new MissingInputError(`source '${name}' is derived from ${cols.join(', ')}, but the candles have no '${c}' column`, { column: c, source: name });
      }
    }
  }

  private *columnSteps(name: SourceName): Steps<Float64Array> {
    const have = this.columns.get(name);
    if (have) return have;
    this.checkReadable(name);
    const out = sharedFloat64(this.t);
    const T = this.t;
    const given = this.given.get(name as CandleColumn);
    if (given) {
      // Only the columns a request reads are copied: an SMA of the close
      // does not pay for copying high, low and volume into shared memory.
      for (let i0 = 0; i0 < T; i0 += SLICE) {
        out.set(given.subarray(i0, Math.min(T, i0 + SLICE)), i0);
        yield;
      }
    } else {
      // Derived straight from the base columns.
      for (let i0 = 0; i0 < T; i0 += SLICE) {
        derive(name, (c) => this.given.get(c)!, out, i0, Math.min(T, i0 + SLICE));
        yield;
      }
    }
    this.columns.set(name, out);
    return out;
  }
}

/**
 * Rows [i0, i1) of a derived source; operation order follows TA-Lib so the
 * derived prices match it bit for bit. A stream derives its bars with it too
 * (columns of one row), so streamed and batch sources cannot differ.
 */
export function derive(name: SourceName, g: (c: CandleColumn) => FloatArray, out: Float64Array, i0: number, i1: number): void {
  const h = g('high'), l = g('low');
  if (name === 'hl2') for (let i = i0; i < i1; i++) out[i] = (h[i]! + l[i]!) / 2;
  else if (name === 'hlc3') {
    const c = g('close');
    for (let i = i0; i < i1; i++) out[i] = (h[i]! + l[i]! + c[i]!) / 3;
  } else if (name === 'ohlc4') {
    const o = g('open'), c = g('close');
    for (let i = i0; i < i1; i++) out[i] = (o[i]! + h[i]! + l[i]! + c[i]!) / 4;
  } else {
    const c = g('close');
    for (let i = i0; i < i1; i++) out[i] = (h[i]! + l[i]! + c[i]! * 2) / 4;
  }
}

/** A run of rows of one input column: `values[i]` is row `at + i`; `nulls` is an Arrow validity bitmap. */
interface Piece {
  at: number;
  values: NumericArray;
  nulls?: { bitmap: Uint8Array; offset: number };
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}

/**
 * The row count of a candles input, read without touching the columns (so
 * the guards run before any conversion). Throws INVALID_CANDLES when there is none.
 */
export function countCandles(input: unknown): number {
  if (input instanceof Candles) return input.t;
  if (typeof input !== 'object' || input === null) {
    throw new InvalidCandlesError(`candles must be an Arrow Table, a RecordBatch, prepared candles or an object of columns { ts_open, open, high, low, close, volume }, got ${describe(input)}`, {});
  }
  if (isArrow(input)) return input.numRows;
  const ts = (input as { ts_open?: unknown }).ts_open;
  if (ts === undefined) {
    throw new InvalidCandlesError(`candles have no 'ts_open' column (found: ${Object.keys(input).join(', ') || 'none'}); add the open time of each candle`, { columns: Object.keys(input) });
  }
  const n = (ts as { length?: unknown } | null)?.length;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new InvalidCandlesError(`column 'ts_open' must be a typed array or an array of numbers, got ${describe(ts)}`, { column: 'ts_open' });
  }
  return n;
}

/** The columns of an input as pieces (Arrow chunks are read in place, nulls by their bitmap). */
function piecesOf(input: object): { names: string[]; get: (name: string) => Piece[] | undefined; raw: (name: string) => unknown } {
  if (isArrow(input)) {
    const names = input.schema.fields.map((f) => f.name);
    const get = (name: string): Piece[] | undefined => {
      const v = input.getChild(name);
      if (!v) return undefined;
      let at = 0;
      const pieces: Piece[] = [];
      for (const d of v.data) {
        const values = d.values;
        // Numeric chunks (int, float, timestamp) hold one value per row.
        if (!ArrayBuffer.isView(values) || (values as unknown as NumericArray).length < d.length) {
          throw new InvalidCandlesError(`column '${name}' must hold numbers (float, int or timestamp), got Arrow type ${String(input.schema.fields.find((f) => f.name === name)?.type)}`, { column: name });
        }
        const piece: Piece = { at, values: (values as unknown as Float64Array).subarray(0, d.length) };
        if (d.nullCount > 0 && d.nullBitmap) piece.nulls = { bitmap: d.nullBitmap, offset: d.offset };
        pieces.push(piece);
        at += d.length;
      }
      return pieces;
    };
    return { names, get, raw: (name) => input.getChild(name) };
  }
  const cols = input as Record<string, unknown>;
  return {
    names: Object.keys(cols),
    get: (name) => (cols[name] === undefined ? undefined : [{ at: 0, values: cols[name] as NumericArray }]),
    raw: (name) => cols[name],
  };
}

const isNull = (p: Piece, i: number): boolean => {
  if (!p.nulls) return false;
  const bit = p.nulls.offset + i;
  return (p.nulls.bitmap[bit >> 3]! & (1 << (bit & 7))) === 0;
};

function* tsColumn(pieces: Piece[], t: number): Steps<BigInt64Array | Float64Array> {
  const only = pieces.length === 1 && !pieces[0]!.nulls ? pieces[0]!.values : null;
  if (only instanceof BigInt64Array || only instanceof Float64Array) return only; // read-only here: no copy needed
  if (only instanceof BigUint64Array) return new BigInt64Array(only.buffer, only.byteOffset, only.length);
  const allBigint = pieces.every((p) => p.values instanceof BigInt64Array || p.values instanceof BigUint64Array || (Array.isArray(p.values) && p.values.length > 0 && typeof p.values[0] === 'bigint'));
  const out = allBigint ? new BigInt64Array(t) : new Float64Array(t);
  for (const p of pieces) {
    const n = p.values.length;
    for (let i0 = 0; i0 < n; i0 += SLICE) {
      const i1 = Math.min(n, i0 + SLICE);
      for (let i = i0; i < i1; i++) {
        const v: unknown = isNull(p, i) ? null : p.values[i];
        if (allBigint ? typeof v !== 'bigint' : typeof v !== 'number' && typeof v !== 'bigint') {
          throw new InvalidCandlesError(`ts_open[${p.at + i}] is ${v === null ? 'null' : typeof v}; every candle needs an open time (mark a missing candle with NaN prices, not a missing time)`, { column: 'ts_open', row: p.at + i });
        }
        if (allBigint) (out as BigInt64Array)[p.at + i] = v as bigint;
        else (out as Float64Array)[p.at + i] = Number(v);
      }
      yield;
    }
  }
  return out;
}

/** First row in [i0, i1) whose open time is not finite or not after the previous one, or -1. Plain loops: generator bodies optimize worse. */
function badTime(ts: BigInt64Array | Float64Array, i0: number, i1: number): number {
  if (ts instanceof Float64Array) {
    for (let i = i0; i < i1; i++) {
      const v = ts[i]!;
      if (!Number.isFinite(v) || (i > 0 && !(ts[i - 1]! < v))) return i;
    }
    return -1;
  }
  for (let i = Math.max(1, i0); i < i1; i++) if (!(ts[i - 1]! < ts[i]!)) return i;
  return -1;
}

function* checkTimes(ts: BigInt64Array | Float64Array): Steps<void> {
  for (let i0 = 0; i0 < ts.length; i0 += SLICE) {
    const i = badTime(ts, i0, Math.min(ts.length, i0 + SLICE));
    yield;
    if (i < 0) continue;
    const v = ts[i]!;
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new InvalidCandlesError(`ts_open[${i}] is ${v}; every candle needs a finite open time`, { column: 'ts_open', row: i });
    }
    throw new InvalidCandlesError(
      `ts_open is not strictly increasing at row ${i} (${String(ts[i - 1])} then ${String(v)}); sort the candles and drop duplicates, and mark missing candles with NaN prices instead of leaving them out`,
      { column: 'ts_open', row: i },
    );
  }
}

/** A price or volume column as a float array: float input in place, anything else converted (null -> NaN). */
function* priceColumn(name: string, pieces: Piece[], t: number): Steps<FloatArray> {
  const only = pieces.length === 1 && !pieces[0]!.nulls ? pieces[0]!.values : null;
  if (isFloatArray(only)) return only;
  const out = sharedFloat64(t);
  for (const p of pieces) {
    const n = p.values.length;
    for (let i0 = 0; i0 < n; i0 += SLICE) {
      const i1 = Math.min(n, i0 + SLICE);
      for (let i = i0; i < i1; i++) {
        const v: unknown = p.values[i];
        if (isNull(p, i) || v === null || v === undefined) out[p.at + i] = NaN;
        else if (typeof v === 'number') out[p.at + i] = v;
        else if (typeof v === 'bigint') out[p.at + i] = Number(v);
        else throw new InvalidCandlesError(`column '${name}' holds a ${typeof v} at row ${p.at + i}; only numbers are allowed`, { column: name, row: p.at + i });
      }
      yield;
    }
  }
  return out;
}

/** A value no candle column takes: ±Infinity, or a negative volume (NaN marks a missing value). */
export function refusedValue(v: number, isVolume: boolean): boolean {
  // v - v is NaN only for ±Infinity and NaN; NaN (a missing value) is allowed.
  return (v - v !== 0 && v === v) || (isVolume && v < 0);
}

/** First row in [i0, i1) holding a refused value, or -1. */
function badValue(col: FloatArray, i0: number, i1: number, isVolume: boolean): number {
  for (let i = i0; i < i1; i++) if (refusedValue(col[i]!, isVolume)) return i;
  return -1;
}

/** Infinite values (and negative volume) are refused; NaN marks a missing value. */
function* checkValues(name: CandleColumn, col: FloatArray): Steps<void> {
  for (let i0 = 0; i0 < col.length; i0 += SLICE) {
    const i = badValue(col, i0, Math.min(col.length, i0 + SLICE), name === 'volume');
    yield;
    if (i < 0) continue;
    const v = col[i]!;
    if (name === 'volume' && v < 0 && Number.isFinite(v)) throw new InvalidCandlesError(`volume[${i}] is negative (${v}); volume must be >= 0`, { column: name, row: i, value: v });
    throw new InvalidCandlesError(`${name}[${i}] is ${v}; use NaN for a missing value`, { column: name, row: i });
  }
}

function firstBelow(h: FloatArray, l: FloatArray, i0: number, i1: number): number {
  for (let i = i0; i < i1; i++) if (h[i]! < l[i]!) return i;
  return -1;
}

function* checkHighLow(h: FloatArray, l: FloatArray): Steps<void> {
  for (let i0 = 0; i0 < h.length; i0 += SLICE) {
    const i = firstBelow(h, l, i0, Math.min(h.length, i0 + SLICE));
    yield;
    if (i >= 0) throw new InvalidCandlesError(`high[${i}] = ${h[i]} is below low[${i}] = ${l[i]}; check the column order`, { row: i, high: h[i], low: l[i] });
  }
}

/**
 * Reads candles from an Arrow Table / RecordBatch (float32 or float64 prices,
 * int64 or timestamp ts_open, any number of chunks, nulls as NaN) or from
 * plain arrays, and validates them, in slices (a step yields after each).
 * Columns the data does not hold are simply absent; an indicator that needs
 * one fails with MissingInputError.
 */
function* loadSteps(input: unknown): Steps<Candles> {
  if (input instanceof Candles) return input;
  countCandles(input); // the shape errors, worded once
  const { names, get, raw } = piecesOf(input as object);
  const tsPieces = get('ts_open');
  if (!tsPieces) {
    throw new InvalidCandlesError(`candles have no 'ts_open' column (found: ${names.join(', ') || 'none'}); add the open time of each candle`, { columns: names });
  }
  if (!isArrow(input) && !isNumericArray(raw('ts_open'))) {
    throw new InvalidCandlesError(`column 'ts_open' must be a typed array or an array of numbers, got ${describe(raw('ts_open'))}`, { column: 'ts_open' });
  }
  const t = tsPieces.reduce((n, p) => n + p.values.length, 0);
  if (t === 0) throw new InvalidCandlesError('candles are empty: ts_open has no rows; pass at least one candle', {});
  const ts = yield* tsColumn(tsPieces, t);
  let loadedBytes = tsPieces.length === 1 && ts === tsPieces[0]!.values ? 0 : ts.byteLength;
  yield* checkTimes(ts);
  const given = new Map<CandleColumn, FloatArray>();
  for (const name of CANDLE_COLUMNS) {
    if (!names.includes(name)) continue;
    const pieces = get(name)!;
    if (!isArrow(input) && !isNumericArray(raw(name))) {
      throw new InvalidCandlesError(`column '${name}' must be a typed array or an array of numbers, got ${describe(raw(name))}`, { column: name });
    }
    const length = pieces.reduce((n, p) => n + p.values.length, 0);
    if (length !== t) {
      throw new InvalidCandlesError(`column '${name}' has ${length} values but ts_open has ${t}; all columns must have the same length`, { column: name, length, expected: t });
    }
    const col = yield* priceColumn(name, pieces, t);
    if (col !== pieces[0]!.values) loadedBytes += col.byteLength;
    yield* checkValues(name, col);
    given.set(name, col);
  }
  const h = given.get('high'), l = given.get('low');
  if (h && l) yield* checkHighLow(h, l);
  return new Candles(t, ts, given, loadedBytes);
}

/** Loads and validates candles on this thread in one go (small inputs, tests, tools). */
export function loadCandles(input: unknown): Candles {
  return drain(loadSteps(input));
}

/**
 * Loads and validates candles, giving the event loop a turn every few
 * milliseconds, and stops early (rejecting with the signal's reason) when
 * `signal` fires.
 */
export function loadCandlesAsync(input: unknown, signal?: AbortSignal): Promise<Candles> {
  return drainAsync(loadSteps(input), signal);
}
