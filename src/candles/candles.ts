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
  /** Columns as given (already checked for shape and values). */
  private readonly raw = new Map<CandleColumn, NumericArray>();
  /** Shared float64 columns, converted or derived on first use. */
  private readonly columns = new Map<SourceName, Float64Array>();

  constructor(t: number, tsOpen: BigInt64Array | Float64Array, raw: Partial<Record<CandleColumn, NumericArray>>) {
    this.t = t;
    this.tsOpen = tsOpen;
    for (const [k, v] of Object.entries(raw)) if (v) this.raw.set(k as CandleColumn, v);
  }

  has(name: CandleColumn): boolean {
    return this.raw.has(name);
  }

  /** A column as given, for validation without a conversion. */
  given(name: CandleColumn): NumericArray | undefined {
    return this.raw.get(name);
  }

  /** A base column or a derived source (TA-Lib MEDPRICE / TYPPRICE / AVGPRICE / WCLPRICE). */
  column(name: SourceName): Float64Array {
    const have = this.columns.get(name);
    if (have) return have;
    const given = this.raw.get(name as CandleColumn);
    if (given) {
      // Only the columns a request reads are converted: an SMA of the close
      // does not pay for copying high, low and volume into shared memory.
      const converted = toFloat64(given);
      this.columns.set(name, converted);
      return converted;
    }
    const need: Record<string, readonly CandleColumn[]> = {
      hl2: ['high', 'low'],
      hlc3: ['high', 'low', 'close'],
      ohlc4: ['open', 'high', 'low', 'close'],
      hlcc4: ['high', 'low', 'close'],
    };
    const cols = need[name];
    if (!cols) throw new MissingInputError(`the candles have no '${name}' column; add it to the input`, { column: name });
    for (const c of cols) {
      if (!this.raw.has(c)) {
        throw new MissingInputError(`source '${name}' is derived from ${cols.join(', ')}, but the candles have no '${c}' column`, { column: c, source: name });
      }
    }
    const h = this.column('high'), l = this.column('low');
    const out = sharedFloat64(this.t);
    // Operation order follows TA-Lib so the derived prices match it bit for bit.
    if (name === 'hl2') for (let i = 0; i < this.t; i++) out[i] = (h[i]! + l[i]!) / 2;
    else if (name === 'hlc3') {
      const c = this.column('close');
      for (let i = 0; i < this.t; i++) out[i] = (h[i]! + l[i]! + c[i]!) / 3;
    } else if (name === 'ohlc4') {
      const o = this.column('open'), c = this.column('close');
      for (let i = 0; i < this.t; i++) out[i] = (o[i]! + h[i]! + l[i]! + c[i]!) / 4;
    } else {
      const c = this.column('close');
      for (let i = 0; i < this.t; i++) out[i] = (h[i]! + l[i]! + c[i]! * 2) / 4;
    }
    this.columns.set(name, out);
    return out;
  }
}

/** Shape and element types of a column, before anything is converted. */
function checkColumn(name: string, raw: unknown, t: number): NumericArray {
  if (!isNumericArray(raw)) {
    throw new InvalidCandlesError(`column '${name}' must be a typed array or an array of numbers, got ${describe(raw)}`, { column: name });
  }
  if (raw.length !== t) {
    throw new InvalidCandlesError(`column '${name}' has ${raw.length} values but ts_open has ${t}; all columns must have the same length`, { column: name, length: raw.length, expected: t });
  }
  if (Array.isArray(raw)) {
    for (let i = 0; i < t; i++) {
      const v: unknown = raw[i];
      if (typeof v !== 'number' && typeof v !== 'bigint' && v !== null && v !== undefined) {
        throw new InvalidCandlesError(`column '${name}' holds a ${typeof v} at row ${i}; only numbers are allowed`, { column: name, row: i });
      }
    }
  }
  return raw;
}

/** A checked column as float64 in shared memory (null and undefined become NaN). */
function toFloat64(raw: NumericArray): Float64Array {
  // Float64Array over shared memory: used in place (workers can read it). Other float arrays: one bulk copy.
  if (raw instanceof Float64Array && raw.buffer instanceof SharedArrayBuffer) return raw;
  const out = sharedFloat64(raw.length);
  if (raw instanceof Float64Array || raw instanceof Float32Array) {
    out.set(raw);
    return out;
  }
  for (let i = 0; i < raw.length; i++) {
    const v: unknown = raw[i];
    out[i] = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN;
  }
  return out;
}

/** Element i of a checked column as a number. */
const num = (col: NumericArray, i: number): number => {
  const v: unknown = col[i];
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN;
};

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

/**
 * Index of the first infinite value (or negative one, for volume), or -1.
 * Float arrays take a tight loop: validation runs on every call.
 */
function firstBadValue(col: NumericArray, isVolume: boolean): number {
  if (col instanceof Float64Array || col instanceof Float32Array) {
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      // v - v is NaN only for ±Infinity and NaN; NaN (a missing value) is allowed.
      if ((v - v !== 0 && v === v) || (isVolume && v < 0)) return i;
    }
    return -1;
  }
  for (let i = 0; i < col.length; i++) {
    const v = num(col, i);
    if (v === Infinity || v === -Infinity || (isVolume && v < 0)) return i;
  }
  return -1;
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
    const col = c.given(name);
    if (!col) continue;
    const bad = firstBadValue(col, name === 'volume');
    if (bad < 0) continue;
    const v = num(col, bad);
    if (v < 0 && Number.isFinite(v)) throw new InvalidCandlesError(`volume[${bad}] is negative (${v}); volume must be >= 0`, { column: name, row: bad, value: v });
    throw new InvalidCandlesError(`${name}[${bad}] is ${v}; use NaN for a missing value`, { column: name, row: bad });
  }
  const h = c.given('high'), l = c.given('low');
  if (h && l) {
    const typed = (h instanceof Float64Array || h instanceof Float32Array) && (l instanceof Float64Array || l instanceof Float32Array);
    for (let i = 0; i < c.t; i++) {
      const hi = typed ? (h as Float64Array)[i]! : num(h, i), lo = typed ? (l as Float64Array)[i]! : num(l, i);
      if (hi < lo) throw new InvalidCandlesError(`high[${i}] = ${hi} is below low[${i}] = ${lo}; check the column order`, { row: i, high: hi, low: lo });
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
  const cols: Partial<Record<CandleColumn, NumericArray>> = {};
  for (const name of CANDLE_COLUMNS) if (names.includes(name)) cols[name] = checkColumn(name, get(name), t);
  const candles = new Candles(t, ts, cols);
  validate(candles);
  return candles;
}
