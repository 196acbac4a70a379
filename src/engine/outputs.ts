// Output memory: where a result's SharedArrayBuffer comes from.
//
// A fresh multi-gigabyte buffer costs far more to touch than to fill: with
// 4 KiB pages every page is a fault, and on a loaded or virtualised host the
// faults, not the kernels, set the time of a plain compute(). Two remedies:
// - huge-page advice (Linux, native addon loaded): the 2 MiB-aligned interior
//   of a fresh buffer is advised with MADV_HUGEPAGE before anything touches
//   it, so it faults in 2 MiB at a time;
// - a pool of released buffers (every platform and backend): a result's
//   release() hands its buffer back and the next call of a fitting size
//   reuses it, already touched.
// The pool holds only released buffers. A result that is never released is
// not referenced from here and is collected like any other object.

import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** What the native addon reports for one madvise. */
export interface HugePageAdvice {
  /** false where madvise/MADV_HUGEPAGE does not exist (not Linux). */
  supported: boolean;
  /** Bytes advised: the 2 MiB-aligned interior of the buffer, 0 if none. */
  advisedBytes: number;
  /** errno of a failed madvise, else 0. */
  errno: number;
}

/** Anything that can advise memory, i.e. the native backend when its addon has adviseHugePages. */
export interface HugePageAdvisor {
  adviseHugePages(view: Uint8Array): HugePageAdvice;
}

export type ThpMode = 'always' | 'madvise' | 'never' | 'unavailable';

/** Buffers below this are neither advised nor pooled: their first touch costs little. */
export const MIN_MANAGED_BYTES = 4 * 2 ** 20;
/** A pooled buffer serves a request up to this much smaller than itself. */
const FIT_SLACK = 1.25;
/** Bounds the free list's length (its bytes are bounded by maxIdleBytes). */
const MAX_IDLE_BUFFERS = 16;

let thpMode: ThpMode | undefined;

/** The kernel's transparent-huge-page mode (read once per process). */
export function transparentHugePageMode(): ThpMode {
  if (thpMode === undefined) {
    try {
      const m = /\[(\w+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))?.[1];
      thpMode = m === 'always' || m === 'madvise' || m === 'never' ? m : 'unavailable';
    } catch {
      thpMode = 'unavailable';
    }
  }
  return thpMode;
}

/** The advisor of a backend, if it has one and the kernel would act on its advice. */
export function advisorOf(backend: unknown): HugePageAdvisor | null {
  const mode = transparentHugePageMode();
  if (mode !== 'madvise' && mode !== 'always') return null;
  const b = backend as Partial<HugePageAdvisor> | null;
  return typeof b?.adviseHugePages === 'function' ? (b as HugePageAdvisor) : null;
}

let gc: (() => void) | null | undefined;

/** A full collection, where the runtime lets us ask for one. */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

/**
 * A fresh SharedArrayBuffer of `bytes`, advised for huge pages when it is
 * large enough and an advisor is given. Also for other large shared buffers
 * (converted candle columns, derived sources): call it before the first write.
 */
export function freshShared(bytes: number, advisor: HugePageAdvisor | null = null): { buffer: SharedArrayBuffer; advisedBytes: number } {
  const buffer = new SharedArrayBuffer(Math.max(1, bytes));
  let advisedBytes = 0;
  if (advisor && bytes >= MIN_MANAGED_BYTES) {
    const r = advisor.adviseHugePages(new Uint8Array(buffer));
    if (r.supported && r.errno === 0) advisedBytes = r.advisedBytes;
  }
  return { buffer, advisedBytes };
}

/**
 * One hand-out of a buffer to one result. `live` turns false on release, and
 * a released lease never goes back to the pool a second time, so a buffer is
 * never handed to two live results.
 */
export interface Lease {
  readonly pool: OutputPool;
  live: boolean;
}

/** The lease under which each pooled buffer is currently handed out. Weak: leases never keep buffers alive. */
const leases = new WeakMap<SharedArrayBuffer, Lease>();

/** The current lease of a buffer handed out by an OutputPool, or null (caller-owned or unpooled memory). */
export function leaseOf(buffer: ArrayBufferLike): Lease | null {
  return buffer instanceof SharedArrayBuffer ? leases.get(buffer) ?? null : null;
}

/** Hands a leased buffer back to its pool; false when it was released before. */
export function releaseLease(lease: Lease | null, buffer: ArrayBufferLike): boolean {
  if (!lease || !lease.live) return false;
  lease.live = false;
  lease.pool.putBack(buffer as SharedArrayBuffer);
  return true;
}

/** Hands a buffer the engine used only inside a call (e.g. before copying into a plain ArrayBuffer `out`) back to its pool. */
export function releaseBuffer(buffer: ArrayBufferLike): boolean {
  return releaseLease(leaseOf(buffer), buffer);
}

export interface OutputPoolStats {
  /** Bytes of released buffers held for reuse. */
  idleBytes: number;
  idleBuffers: number;
  /** Acquisitions served from released buffers / by fresh allocations. */
  hits: number;
  misses: number;
  /** Collections asked for to reclaim outputs of results dropped without release(). */
  collections: number;
  /** Bytes of fresh buffers advised for huge pages, and the THP mode that acted on it. */
  advisedBytes: number;
  thpMode: ThpMode;
}

/**
 * Released output buffers, reused by later calls of a fitting size. Idle
 * bytes are bounded by maxIdleBytes, and when a call needs a fresh buffer the
 * pool first drops idle ones so idle + new stays within that bound.
 *
 * Results dropped without release() are garbage the runtime may leave
 * uncollected for several calls (V8 does not weigh a SharedArrayBuffer's
 * gigabytes when it schedules a collection), so a service making plain calls
 * would hold many outputs at once. Before a fresh allocation that would take
 * idle bytes + fresh allocations since the last collection past
 * maxIdleBytes, the pool asks for a collection.
 */
export class OutputPool {
  readonly maxIdleBytes: number;
  private idle: SharedArrayBuffer[] = [];
  private idleTotal = 0;
  private hits = 0;
  private misses = 0;
  private advised = 0;
  private freshSinceCollect = 0;
  private collections = 0;
  private readonly collect: () => void;

  constructor(opts: { maxIdleBytes: number; collect?: () => void }) {
    this.maxIdleBytes = opts.maxIdleBytes;
    this.collect = opts.collect ?? collectGarbage;
  }

  /**
   * A buffer of at least `bytes` for one result: the best-fitting released
   * one, else a fresh one (advised for huge pages when `advisor` is given).
   */
  acquire(bytes: number, advisor: HugePageAdvisor | null = null): SharedArrayBuffer {
    if (bytes < MIN_MANAGED_BYTES) return new SharedArrayBuffer(Math.max(1, bytes));
    const k = this.bestFit(bytes);
    let buffer: SharedArrayBuffer;
    if (k >= 0) {
      buffer = this.idle.splice(k, 1)[0]!;
      this.idleTotal -= buffer.byteLength;
      this.hits++;
    } else {
      this.trimTo(this.maxIdleBytes - bytes);
      if (this.freshSinceCollect > 0 && this.idleTotal + this.freshSinceCollect + bytes > this.maxIdleBytes) {
        this.collect();
        this.collections++;
        this.freshSinceCollect = 0;
      }
      this.freshSinceCollect += bytes;
      const fresh = freshShared(bytes, advisor);
      buffer = fresh.buffer;
      this.advised += fresh.advisedBytes;
      this.misses++;
    }
    leases.set(buffer, { pool: this, live: true });
    return buffer;
  }

  /** Idle bytes that stay held while a call writing `bytesOut` runs: for the memory estimate. */
  bytesHeldBeside(bytesOut: number): number {
    if (bytesOut >= MIN_MANAGED_BYTES) {
      const k = this.bestFit(bytesOut);
      if (k >= 0) return this.idleTotal - this.idle[k]!.byteLength;
      return Math.min(this.idleTotal, Math.max(0, this.maxIdleBytes - bytesOut));
    }
    return this.idleTotal;
  }

  stats(): OutputPoolStats {
    return { idleBytes: this.idleTotal, idleBuffers: this.idle.length, hits: this.hits, misses: this.misses, advisedBytes: this.advised, collections: this.collections, thpMode: transparentHugePageMode() };
  }

  /** Drops every idle buffer (the engine is closing, or memory is wanted back). */
  clear(): void {
    this.trimTo(0);
  }

  /** @internal Use releaseLease(): it guards against a second release. */
  putBack(buffer: SharedArrayBuffer): void {
    if (buffer.byteLength > this.maxIdleBytes) return;
    this.idle.push(buffer);
    this.idleTotal += buffer.byteLength;
    this.trimTo(this.maxIdleBytes);
  }

  private bestFit(bytes: number): number {
    let best = -1;
    for (let i = 0; i < this.idle.length; i++) {
      const n = this.idle[i]!.byteLength;
      if (n >= bytes && n <= bytes * FIT_SLACK && (best < 0 || n < this.idle[best]!.byteLength)) best = i;
    }
    return best;
  }

  /** Drops the longest-idle buffers until idle bytes are within `limit` and the count within its bound. */
  private trimTo(limit: number): void {
    while (this.idle.length && (this.idleTotal > limit || this.idle.length > MAX_IDLE_BUFFERS)) {
      this.idleTotal -= this.idle.shift()!.byteLength;
    }
  }
}

export interface HugePageProbe {
  /** /sys/kernel/mm/transparent_hugepage/enabled and .../defrag. */
  mode: ThpMode;
  defrag: string | null;
  /** What advising a fresh buffer does here, in words. */
  advice: string;
  /** Bytes advised and bytes then backed by huge pages, of an 8 MiB test buffer. */
  advisedBytes: number;
  hugeBytes: number;
}

/** Resident huge-page bytes of this process (AnonHugePages of /proc/self/smaps_rollup), or null. */
function anonHugeBytes(): number | null {
  try {
    const kb = /^AnonHugePages:\s+(\d+) kB/m.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/**
 * For `ta-grid doctor`: advises and touches an 8 MiB buffer and reports
 * whether huge pages backed it (the process's AnonHugePages grew).
 */
export function hugePageProbe(backend: unknown): HugePageProbe {
  const mode = transparentHugePageMode();
  let defrag: string | null = null;
  try {
    defrag = /\[(\S+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/defrag', 'utf8'))?.[1] ?? null;
  } catch { /* not Linux */ }
  const probe = { mode, defrag, advisedBytes: 0, hugeBytes: 0 };
  if (mode === 'unavailable') return { ...probe, advice: 'unavailable: no transparent huge pages on this platform; released results are reused instead' };
  if (mode === 'never') return { ...probe, advice: 'off: THP mode is never; released results are reused instead' };
  const advisor = advisorOf(backend);
  if (!advisor) return { ...probe, advice: 'unavailable: the native addon is not loaded or has no adviseHugePages; released results are reused instead' };
  const before = anonHugeBytes();
  const { buffer, advisedBytes } = freshShared(8 * 2 ** 20, advisor);
  new Uint8Array(buffer).fill(1);
  const after = anonHugeBytes();
  const hugeBytes = before === null || after === null ? 0 : Math.max(0, after - before);
  const advice = advisedBytes === 0 ? 'failed: madvise refused the advice'
    : hugeBytes > 0 ? 'took effect: fresh output buffers fault in 2 MiB pages'
    : 'no effect: the kernel found no free huge pages (memory fragmented); released results are reused instead';
  return { ...probe, advice, advisedBytes, hugeBytes };
}
