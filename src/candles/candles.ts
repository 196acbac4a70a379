import { InvalidCandlesError, MissingInputError } from '../errors.js';
import { CANDLE_COLUMNS, type CandleColumn, type SourceName } from '../registry/index.js';

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

/** What an Arrow Table or RecordBatch looks like to us (both have these). */
interface ArrowLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: { toString(): string } }[] };
  getChild(name: string): { toArray(): unknown; get(i: number): unknown; readonly length: number; readonly nullCount?: number } | null;
}

export type CandlesInput = ArrowLike | CandleArrays;

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

/**
 * Validated candle columns as float64 in shared memory, plus the derived
 * sources (hl2, hlc3, ohlc4, hlcc4), each computed at most once per request.
 */
export class Candles {
  readonly t: number;
  /** ts_open as given: bigint when the input was int64/timestamp, else number. */
  readonly tsOpen: BigInt64Array | Float64Array;
  private readonly columns = new Map<SourceName, Float64Array>();

  constructor(t: number, tsOpen: BigInt64Array | Float64Array, columns: Partial<Record<CandleColumn, Float64Array>>) {
    this.t = t;
    this.tsOpen = tsOpen;
    for (const [k, v] of Object.entries(columns)) if (v) this.columns.set(k as SourceName, v);
  }

  has(name: CandleColumn): boolean {
    return this.columns.has(name);
  }

  /** A base column or a derived source (TA-Lib MEDPRICE / TYPPRICE / AVGPRICE / WCLPRICE). */
  column(name: SourceName): Float64Array {
    const have = this.columns.get(name);
    if (have) return have;
    const need: Record<string, readonly CandleColumn[]> = {
      hl2: ['high', 'low'],
      hlc3: ['high', 'low', 'close'],
      ohlc4: ['open', 'high', 'low', 'close'],
      hlcc4: ['high', 'low', 'close'],
    };
    const cols = need[name];
    if (!cols) throw new MissingInputError(`the candles have no '${name}' column; add it to the input`, { column: name });
    for (const c of cols) {
      if (!this.columns.has(c)) {
        throw new MissingInputError(`source '${name}' is derived from ${cols.join(', ')}, but the candles have no '${c}' column`, { column: c, source: name });
      }
    }
    const h = this.columns.get('high')!, l = this.columns.get('low')!;
    const out = sharedFloat64(this.t);
    // Operation order follows TA-Lib so the derived prices match it bit for bit.
    if (name === 'hl2') for (let i = 0; i < this.t; i++) out[i] = (h[i]! + l[i]!) / 2;
    else if (name === 'hlc3') {
      const c = this.columns.get('close')!;
      for (let i = 0; i < this.t; i++) out[i] = (h[i]! + l[i]! + c[i]!) / 3;
    } else if (name === 'ohlc4') {
      const o = this.columns.get('open')!, c = this.columns.get('close')!;
      for (let i = 0; i < this.t; i++) out[i] = (o[i]! + h[i]! + l[i]! + c[i]!) / 4;
    } else {
      const c = this.columns.get('close')!;
      for (let i = 0; i < this.t; i++) out[i] = (h[i]! + l[i]! + c[i]! * 2) / 4;
    }
    this.columns.set(name, out);
    return out;
  }
}

function toFloat64(name: string, raw: unknown, t: number): Float64Array {
  if (!isNumericArray(raw)) {
    throw new InvalidCandlesError(`column '${name}' must be a typed array or an array of numbers, got ${describe(raw)}`, { column: name });
  }
  if (raw.length !== t) {
    throw new InvalidCandlesError(`column '${name}' has ${raw.length} values but ts_open has ${t}; all columns must have the same length`, { column: name, length: raw.length, expected: t });
  }
  // Float64Array over shared memory: used in place (workers can read it). Other float arrays: one bulk copy.
  if (raw instanceof Float64Array && raw.buffer instanceof SharedArrayBuffer) return raw;
  const out = sharedFloat64(t);
  if (raw instanceof Float64Array || raw instanceof Float32Array) {
    out.set(raw);
    return out;
  }
  for (let i = 0; i < t; i++) {
    const v = raw[i];
    if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'bigint') out[i] = Number(v);
    else if (v === null || v === undefined) out[i] = NaN;
    else throw new InvalidCandlesError(`column '${name}' holds a ${typeof v} at row ${i}; only numbers are allowed`, { column: name, row: i });
  }
  return out;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}

function tsColumn(raw: unknown): BigInt64Array | Float64Array {
  if (raw instanceof BigInt64Array) return raw;
  if (raw instanceof BigUint64Array) return new BigInt64Array(raw.buffer, raw.byteOffset, raw.length);
  if (!isNumericArray(raw)) throw new InvalidCandlesError(`column 'ts_open' must be a typed array or an array of numbers, got ${describe(raw)}`, { column: 'ts_open' });
  if (raw instanceof Float64Array) return raw; // read-only here: no copy needed
  if (raw.length > 0 && typeof raw[0] === 'bigint' && Array.prototype.every.call(raw, (x) => typeof x === 'bigint')) return BigInt64Array.from(raw as ArrayLike<bigint>);
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = (raw as ArrayLike<unknown>)[i];
    if (typeof v !== 'number' && typeof v !== 'bigint') {
      throw new InvalidCandlesError(`ts_open[${i}] is ${v === null ? 'null' : typeof v}; every candle needs an open time (mark a missing candle with NaN prices, not a missing time)`, { column: 'ts_open', row: i });
    }
    out[i] = Number(v);
  }
  return out;
}

function validate(c: Candles): void {
  const ts = c.tsOpen;
  for (let i = 0; i < c.t; i++) {
    const v = ts[i]!;
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new InvalidCandlesError(`ts_open[${i}] is ${v}; every candle needs a finite open time`, { column: 'ts_open', row: i });
    }
    if (i > 0 && !(ts[i - 1]! < v)) {
      throw new InvalidCandlesError(
        `ts_open is not strictly increasing at row ${i} (${String(ts[i - 1])} then ${String(v)}); sort the candles and drop duplicates, and mark missing candles with NaN prices instead of leaving them out`,
        { column: 'ts_open', row: i },
      );
    }
  }
  for (const name of CANDLE_COLUMNS) {
    if (!c.has(name)) continue;
    const col = c.column(name);
    for (let i = 0; i < c.t; i++) {
      const v = col[i]!;
      if (v === Infinity || v === -Infinity) {
        throw new InvalidCandlesError(`${name}[${i}] is ${v}; use NaN for a missing value`, { column: name, row: i });
      }
      if (name === 'volume' && v < 0) {
        throw new InvalidCandlesError(`volume[${i}] is negative (${v}); volume must be >= 0`, { column: name, row: i, value: v });
      }
    }
  }
  if (c.has('high') && c.has('low')) {
    const h = c.column('high'), l = c.column('low');
    for (let i = 0; i < c.t; i++) {
      if (h[i]! < l[i]!) throw new InvalidCandlesError(`high[${i}] = ${h[i]} is below low[${i}] = ${l[i]}; check the column order`, { row: i, high: h[i], low: l[i] });
    }
  }
}

/**
 * Reads candles from an Arrow Table / RecordBatch (float32 or float64 prices,
 * int64 or timestamp ts_open, any number of chunks) or from plain arrays, and
 * validates them. Columns the data does not hold are simply absent; an
 * indicator that needs one fails with MissingInputError.
 */
export function loadCandles(input: unknown): Candles {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidCandlesError(`candles must be an Arrow Table, a RecordBatch or an object of columns { ts_open, open, high, low, close, volume }, got ${describe(input)}`, {});
  }
  let get: (name: string) => unknown;
  let names: string[];
  if (isArrow(input)) {
    names = input.schema.fields.map((f) => f.name);
    // toArray() drops the validity bitmap: a null would read as whatever the
    // buffer holds. With nulls, read element by element so they become NaN.
    get = (name) => {
      const v = input.getChild(name);
      if (!v) return undefined;
      return (v.nullCount ?? 0) > 0 ? Array.from({ length: v.length }, (_, i) => v.get(i)) : v.toArray();
    };
  } else {
    names = Object.keys(input);
    get = (name) => (input as Record<string, unknown>)[name];
  }
  if (!names.includes('ts_open')) {
    throw new InvalidCandlesError(`candles have no 'ts_open' column (found: ${names.join(', ') || 'none'}); add the open time of each candle`, { columns: names });
  }
  const ts = tsColumn(get('ts_open'));
  const t = ts.length;
  if (t === 0) throw new InvalidCandlesError('candles are empty: ts_open has no rows; pass at least one candle', {});
  const cols: Partial<Record<CandleColumn, Float64Array>> = {};
  for (const name of CANDLE_COLUMNS) if (names.includes(name)) cols[name] = toFloat64(name, get(name), t);
  const candles = new Candles(t, ts, cols);
  validate(candles);
  return candles;
}
