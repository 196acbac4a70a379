import { describe, expect, it } from 'vitest';
import { tableFromArrays, RecordBatch, Table, makeVector, TimestampMillisecond, vectorFromArray, Float32, Float64 } from 'apache-arrow';
import { loadCandles } from '../dist/candles/candles.js';

const base = () => ({
  ts_open: Float64Array.from([1, 2, 3, 4]),
  open: Float64Array.from([10, 11, 12, 13]),
  high: Float64Array.from([11, 12, 13, 14]),
  low: Float64Array.from([9, 10, 11, 12]),
  close: Float64Array.from([10.5, 11.5, 12.5, 13.5]),
  volume: Float64Array.from([1, 2, 3, 4]),
});

describe('candles', () => {
  it('reads typed arrays and derives hl2 / hlc3 / ohlc4 / hlcc4 once, with TA-Lib operation order', () => {
    const c = loadCandles(base());
    expect(c.t).toBe(4);
    expect(c.column('hl2')[0]).toBe((11 + 9) / 2);
    expect(c.column('hlc3')[1]).toBe((12 + 10 + 11.5) / 3);
    expect(c.column('ohlc4')[2]).toBe((12 + 13 + 11 + 12.5) / 4);
    expect(c.column('hlcc4')[3]).toBe((14 + 12 + 13.5 * 2) / 4);
    expect(c.column('hlc3')).toBe(c.column('hlc3'));
    expect(c.column('close').buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('reads an Arrow table with float32 prices, int64 ts and several chunks, and a RecordBatch', () => {
    const b = base();
    const t1 = tableFromArrays({ ts_open: BigInt64Array.from([1n, 2n]), close: Float32Array.from([1.5, 2.5]), volume: Float32Array.from([1, 1]) });
    const t2 = tableFromArrays({ ts_open: BigInt64Array.from([3n, 4n]), close: Float32Array.from([3.5, 4.5]), volume: Float32Array.from([1, 1]) });
    const table = t1.concat(t2);
    expect(table.batches.length).toBe(2);
    const c = loadCandles(table);
    expect(Array.from(c.column('close'))).toEqual([1.5, 2.5, 3.5, 4.5]);
    expect(c.tsOpen).toBeInstanceOf(BigInt64Array);
    const batch: RecordBatch = tableFromArrays(b).batches[0]!;
    expect(loadCandles(batch).column('high')[3]).toBe(14);
  });

  it('reads timestamp ts_open columns', () => {
    const ts = makeVector({ type: new TimestampMillisecond(), data: BigInt64Array.from([10n, 20n, 30n]) } as never);
    const table = new Table({ ts_open: ts, close: vectorFromArray([1, 2, 3], new Float32()) });
    expect(loadCandles(table).t).toBe(3);
  });

  it('reads Arrow nulls as NaN, and refuses a null open time', () => {
    const table = new Table({
      ts_open: vectorFromArray([1, 2, 3], new Float64()),
      close: vectorFromArray([1.5, null, 3.5], new Float64()),
    });
    const c = loadCandles(table);
    expect(c.column('close')[0]).toBe(1.5);
    expect(c.column('close')[1]).toBeNaN();
    const badTs = new Table({ ts_open: vectorFromArray([1, null, 3], new Float64()), close: vectorFromArray([1, 2, 3], new Float64()) });
    expect(() => loadCandles(badTs)).toThrow(/ts_open\[1\] is null/);
  });

  it('allows NaN holes', () => {
    const b = base();
    b.close[1] = NaN; b.high[1] = NaN; b.low[1] = NaN;
    expect(Number.isNaN(loadCandles(b).column('close')[1])).toBe(true);
  });

  const bad: [string, (b: ReturnType<typeof base>) => unknown, RegExp][] = [
    ['no ts_open', (b) => ({ close: b.close }), /no 'ts_open' column/],
    ['empty', () => ({ ts_open: new Float64Array(0), close: new Float64Array(0) }), /empty/],
    ['unequal lengths', (b) => ({ ...b, close: b.close.subarray(0, 3) }), /has 3 values but ts_open has 4/],
    ['unsorted ts', (b) => ({ ...b, ts_open: Float64Array.from([1, 3, 2, 4]) }), /not strictly increasing at row 2/],
    ['duplicate ts', (b) => ({ ...b, ts_open: Float64Array.from([1, 2, 2, 4]) }), /not strictly increasing at row 2/],
    ['negative volume', (b) => ({ ...b, volume: Float64Array.from([1, -2, 3, 4]) }), /volume\[1\] is negative/],
    ['Infinity', (b) => ({ ...b, close: Float64Array.from([1, Infinity, 3, 4]) }), /close\[1\] is Infinity/],
    ['high below low', (b) => ({ ...b, high: Float64Array.from([11, 9, 13, 14]) }), /high\[1\] = 9 is below low\[1\] = 10/],
    ['wrong column type', (b) => ({ ...b, close: 'abc' }), /must be a typed array/],
    ['strings in a column', (b) => ({ ...b, close: ['1', '2', '3', '4'] }), /holds a string at row 0/],
    ['not an object', () => 42, /must be an Arrow Table/],
  ];
  it.each(bad)('rejects %s with INVALID_CANDLES', (_n, make, msg) => {
    let err: { code?: string; message?: string } = {};
    try {
      loadCandles(make(base()));
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('INVALID_CANDLES');
    expect(err.message).toMatch(msg);
  });

  it('reports a missing input column with MISSING_INPUT', () => {
    const c = loadCandles({ ts_open: Float64Array.from([1, 2]), close: Float64Array.from([1, 2]) });
    expect(() => c.column('hlc3')).toThrow(expect.objectContaining({ code: 'MISSING_INPUT' }));
    expect(() => c.column('volume')).toThrow(/no 'volume' column/);
  });
});
