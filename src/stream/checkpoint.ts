// Checkpoint bytes of a stream: versioned, self-describing, with a checksum.
//
//   "TAGRIDST" | u32 LE header length | header (JSON, UTF-8) | zero padding to 8
//   | float64 sections (lastBase, committed, kept base columns, kept sources)
//   | kept open times (float64 or int64) | sha256 of everything before (32 bytes)
//
// The header names the package version, the indicator, the grid as explicit
// axis values, the outputs and dtype: restoreStream() refuses bytes made by
// another version, for another request, or corrupted, with STATE_INCOMPATIBLE.
// Nothing in it depends on the backend: a checkpoint of a native stream
// restores on wasm and continues with the same bits.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../backends/paths.js';
import { StateIncompatibleError, TaGridError } from '../errors.js';
import type { GridSpec } from '../grid/grid.js';
import { resolveIndicator } from '../registry/index.js';
import type { Dtype } from '../engine/result.js';
import { IndicatorStream, type StreamHost, type StreamRequest, type StreamState } from './stream.js';

const MAGIC = 'TAGRIDST';
// Raised whenever a stepper's state layout changes (2: the shared-window
// steppers of AVGDEV, CCI, CORREL, the moments, the extremes, the EMA chains
// and the stochastics; 3: the moments' ring of inputs for their kernel's
// state; 4: HMA's ring of floor(sqrt(n)) differences per dense window;
// 5: that ring written twice, so a window is one run of slots; 6: Fisher's
// channel keeping its last longest window - 1 bars for its kernel's tail),
// so a checkpoint of another layout is refused even where its state has
// the same length.
const FORMAT = 6;
const DIGEST = 32;
export const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Header {
  format: number;
  version: string;
  indicator: string;
  grid: GridSpec;
  outputs: string[];
  dtype: Dtype;
  barsSeen: number;
  /** As a string (bigint open times do not fit JSON numbers), with its kind. */
  lastTs: string | null;
  tsKind: 'number' | 'bigint';
  gapNow: number[];
  gapBefore: number[];
  front: number;
  kept: number;
  committed: number;
  baseColumns: number;
  sources: number;
}

const pad8 = (n: number) => (n + 7) & ~7;

export function encodeCheckpoint(stream: IndicatorStream): Uint8Array {
  const s = stream.exportState();
  const shape = stream.stateShape();
  const kept = s.kept;
  const n = kept ? kept.ts.length : 0;
  const header: Header = {
    format: FORMAT, version: PACKAGE_VERSION, indicator: stream.indicator, grid: stream.gridSpec(), outputs: [...stream.outputs], dtype: stream.dtype,
    barsSeen: s.barsSeen, lastTs: s.lastTs === null ? null : String(s.lastTs), tsKind: typeof s.lastTs === 'bigint' ? 'bigint' : 'number',
    gapNow: s.gapNow, gapBefore: s.gapBefore, front: kept ? kept.front : 0, kept: n,
    committed: s.committed ? s.committed.length : 0, baseColumns: shape.baseColumns, sources: shape.sources,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const sections: (Float64Array | BigInt64Array)[] = [s.lastBase];
  if (s.committed) sections.push(s.committed);
  if (kept) sections.push(...kept.base, ...kept.sources, kept.ts);
  const bodyAt = pad8(12 + json.length);
  const size = bodyAt + sections.reduce((m, a) => m + a.byteLength, 0);
  const out = new Uint8Array(size + DIGEST);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  let at = bodyAt;
  for (const a of sections) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  }
  out.set(createHash('sha256').update(out.subarray(0, size)).digest(), size);
  return out;
}

const refuse = (why: string, details: Record<string, unknown> = {}): never => {
  throw new StateIncompatibleError(`restoreStream(): ${why}`, details);
};

/** What the caller expects the checkpoint to be (optional): any field given must match. */
export type StreamExpectation = Partial<Omit<StreamRequest, 'history'>>;

export function decodeCheckpoint(host: StreamHost, bytes: unknown, expect?: StreamExpectation): IndicatorStream {
  if (!(bytes instanceof Uint8Array)) refuse(`expects the Uint8Array checkpoint() returned, got ${bytes === null ? 'null' : typeof bytes}`);
  const b = bytes as Uint8Array;
  if (b.length < 12 + DIGEST || new TextDecoder().decode(b.subarray(0, 8)) !== MAGIC) refuse('these bytes are not a ta-grid stream checkpoint (no TAGRIDST header)');
  const size = b.length - DIGEST;
  const digest = createHash('sha256').update(b.subarray(0, size)).digest();
  if (!digest.equals(b.subarray(size))) refuse('the checkpoint is corrupted (its sha256 does not match its contents); take a new checkpoint()');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > size) refuse('the checkpoint is truncated');
  let h: Header;
  try {
    h = JSON.parse(new TextDecoder().decode(b.subarray(12, 12 + jsonLength))) as Header;
  } catch {
    return refuse('the checkpoint header is not readable');
  }
  if (h.format !== FORMAT || h.version !== PACKAGE_VERSION) {
    refuse(`the checkpoint was made by ta-grid ${h.version} (format ${h.format}); this is ${PACKAGE_VERSION} (format ${FORMAT}): rebuild the stream from history with engine.stream()`, { version: h.version, format: h.format });
  }
  const request = { indicator: h.indicator, grid: h.grid, outputs: h.outputs, dtype: h.dtype };
  let stream: IndicatorStream;
  try {
    stream = new IndicatorStream(host, request);
  } catch (e) {
    if (e instanceof TaGridError) refuse(`the checkpoint's request no longer builds a stream: ${e.message}`, { indicator: h.indicator });
    throw e;
  }
  try {
    if (expect) checkExpected(host, stream, expect);
    const shape = stream.stateShape();
    if (shape.baseColumns !== h.baseColumns || shape.sources !== h.sources || (shape.committed ?? 0) !== h.committed || h.gapNow.length !== shape.runs || h.gapBefore.length !== shape.runs) {
      refuse(`the checkpoint's state does not have the shape of a ${h.indicator} stream over this grid`);
    }
    const kept = stream.mode === 'recompute' ? h.kept : 0;
    const f64 = h.baseColumns + h.committed + kept * (h.baseColumns + h.sources);
    const bodyAt = pad8(12 + jsonLength);
    if (bodyAt + 8 * (f64 + kept) !== size) refuse('the checkpoint is truncated or has trailing bytes');
    // Copied out (the caller's bytes may be reused or unaligned).
    const body = b.slice(bodyAt, size);
    const all = new Float64Array(body.buffer, 0, f64);
    let at = 0;
    const take = (n: number) => all.slice(at, (at += n));
    const lastBase = take(h.baseColumns);
    const committed = shape.committed !== null ? take(h.committed) : null;  // a stateless stepper (momentum.bop) has an empty one
    const state: StreamState = {
      barsSeen: h.barsSeen, lastTs: h.lastTs === null ? null : h.tsKind === 'bigint' ? BigInt(h.lastTs) : Number(h.lastTs),
      gapNow: h.gapNow, gapBefore: h.gapBefore, lastBase, committed, kept: null,
    };
    if (stream.mode === 'recompute') {
      const base = Array.from({ length: h.baseColumns }, () => take(kept));
      const sources = Array.from({ length: h.sources }, () => take(kept));
      const tsBytes = body.buffer.slice(8 * f64, 8 * (f64 + kept));
      const ts: Float64Array | BigInt64Array = h.tsKind === 'bigint' ? new BigInt64Array(tsBytes) : new Float64Array(tsBytes);
      state.kept = { front: h.front, base, sources, ts };
    }
    stream.importState(state);
  } catch (e) {
    stream.close();
    throw e;
  }
  return stream;
}

/** Refuses a checkpoint of another request than the one the caller expects. */
function checkExpected(host: StreamHost, stream: IndicatorStream, expect: StreamExpectation): void {
  if (expect.indicator !== undefined && resolveIndicator(expect.indicator).id !== stream.indicator) {
    refuse(`the checkpoint is of ${stream.indicator}, not of ${String(expect.indicator)}`, { indicator: stream.indicator, expected: expect.indicator });
  }
  const want = new IndicatorStream(host, { indicator: stream.indicator, grid: expect.grid ?? stream.gridSpec(), outputs: expect.outputs ?? stream.outputs, dtype: expect.dtype ?? stream.dtype });
  want.close();
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const [what, a, b] of [['grid', want.gridSpec(), stream.gridSpec()], ['outputs', want.outputs, stream.outputs], ['dtype', want.dtype, stream.dtype]] as const) {
    if (!same(a, b)) refuse(`the checkpoint is of another ${what} (${JSON.stringify(b).slice(0, 200)}) than the one expected (${JSON.stringify(a).slice(0, 200)})`, { what });
  }
}
