import { Float32, Float64, Int64, RecordBatch, RecordBatchFileWriter, Schema, Table, makeData, makeVector, tableFromIPC, type Vector } from 'apache-arrow';
import type { Candles } from '../candles/candles.js';
import type { OutputArray } from '../backends/types.js';
import { CANDLE_COLUMNS } from '../registry/index.js';
import { ResultUnavailableError } from './errors.js';

const META = 'ta-grid';

function withMeta(cols: Record<string, Vector>, meta: object): Table {
  const table = new Table(cols);
  const schema = new Schema(table.schema.fields, new Map([[META, JSON.stringify(meta)]]));
  return new Table(schema, table.batches.map((b) => new RecordBatch(schema, b.data)));
}

const vector = (data: OutputArray | BigInt64Array): Vector =>
  makeVector(makeData({ type: data instanceof BigInt64Array ? new Int64() : data instanceof Float64Array ? new Float64() : new Float32(), data, length: data.length } as never));

/** Arrow IPC file bytes as they are written: the column buffers themselves, no copy of the tensor. */
export function toIpcChunks(cols: Record<string, OutputArray | BigInt64Array>, meta: object): AsyncIterable<Uint8Array> {
  const vectors: Record<string, Vector> = {};
  for (const [k, v] of Object.entries(cols)) vectors[k] = vector(v);
  return RecordBatchFileWriter.writeAll(withMeta(vectors, meta)) as unknown as AsyncIterable<Uint8Array>;
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

/**
 * Candles as stored: ts_open as given (int64 or float64) and every base
 * column the request had, as the float64 the engine computes from, so a
 * worker reads exactly the numbers a local compute() would.
 */
export function candleColumns(candles: Candles): Record<string, Float64Array | BigInt64Array> {
  const cols: Record<string, Float64Array | BigInt64Array> = { ts_open: candles.tsOpen };
  for (const c of CANDLE_COLUMNS) if (candles.has(c)) cols[c] = candles.column(c);
  return cols;
}

/** Reads an IPC file the cluster wrote, checking it is one and carries the expected metadata. */
export function readIpc(bytes: Uint8Array, what: string): { table: Table; meta: Record<string, unknown> } {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new ResultUnavailableError(`${what} is not a readable Arrow IPC file (${(e as Error).message}); delete it and resubmit the job`, { what });
  }
  const raw = table.schema.metadata.get(META);
  let meta: unknown;
  try { meta = raw ? JSON.parse(raw) : null; } catch { meta = null; }
  if (!meta || typeof meta !== 'object') throw new ResultUnavailableError(`${what} has no ta-grid metadata: it was not written by a ta-grid worker`, { what });
  return { table, meta: meta as Record<string, unknown> };
}

/** One column as a typed array of the expected type and length (a view when the file holds it in one piece). */
export function column(table: Table, name: string, length: number, float64: boolean, what: string): Float32Array | Float64Array {
  const col = table.getChild(name);
  const Ctor = float64 ? Float64Array : Float32Array;
  if (!col || col.length !== length || !(col.data[0]?.values instanceof Ctor)) {
    throw new ResultUnavailableError(`${what}: column '${name}' is missing or not ${length} ${float64 ? 'float64' : 'float32'} values; the file does not belong to this job`, { what, column: name, length });
  }
  if (col.data.length === 1) return col.data[0]!.values as Float32Array | Float64Array;
  const out = new Ctor(length);
  let off = 0;
  for (const d of col.data) { out.set(d.values as ArrayLike<number>, off); off += d.length; }
  return out;
}
