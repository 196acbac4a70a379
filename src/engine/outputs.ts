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
//   reuses it, already touched;
// - addon-owned memory (native backend): outputs are SharedArrayBuffers over
//   mappings the addon made (2 MiB-aligned, huge-page advised), and when V8
//   frees such a buffer (its result was dropped and collected, in every
//   thread) the addon keeps the mapping, pages still resident, for the next
//   output of a fitting size (native/output_memory.h). A plain call that
//   drops its previous result thus writes into warm memory.
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

/** What the addon's pool of output memory holds: idle memory per owner (an OutputPool), the rest process-wide. */
export interface AddonMemoryStats {
  /** Freed outputs' mappings kept for this owner's reuse, resident, and their bound. */
  idleBytes: number;
  idleRegions: number;
  maxIdleBytes: number;
  /** Mappings behind SharedArrayBuffers that are still alive in some thread (every owner). */
  liveBytes: number;
  liveRegions: number;
  /** Hand-outs of a kept mapping, new mappings, mappings given back to the OS. */
  reused: number;
  mapped: number;
  unmapped: number;
}

/**
 * Output memory the native addon owns and recycles (native/output_memory.h).
 * A freed buffer's mapping is kept as idle memory of the owner it was handed
 * to, within that owner's bound.
 */
export interface AddonOutputMemory {
  /** A SharedArrayBuffer of exactly `bytes` over the owner's kept mapping that fits, else (unless reuseOnly) a new one; null if none. */
  outputBuffer(bytes: number, reuseOnly: boolean, owner: number): SharedArrayBuffer | null;
  /** Stats; with a bound, first sets the owner's idle bound and trims its idle mappings to min(bound, trimTo). */
  outputMemory(owner: number, maxIdleBytes?: number, trimTo?: number): AddonMemoryStats;
  /** Bytes of the owner's kept mapping outputBuffer(bytes, true, owner) would hand out, 0 if none fits. */
  outputFit(bytes: number, owner: number): number;
}

/** Owner ids of OutputPools in the addon's memory. */
let nextOwner = 1;

/** The addon memory of a backend, if it has one (native backend, addon built for this V8). */
export function addonMemoryOf(backend: unknown): AddonOutputMemory | null {
  const m = (backend as { outputMemory?: Partial<AddonOutputMemory> | null } | null)?.outputMemory;
  return typeof m?.outputBuffer === 'function' ? (m as AddonOutputMemory) : null;
}

/** Buffers below this are neither advised nor pooled: their first touch costs little. */
export const MIN_MANAGED_BYTES = 4 * 2 ** 20;
/** A pooled buffer serves a request up to this much smaller than itself. */
const FIT_SLACK = 1.25;
/** Bounds the free list's length (its bytes are bounded by maxIdleBytes). */
const MAX_IDLE_BUFFERS = 16;
/**
 * From this size on, a call that would map fresh addon memory first asks
 * for a collection, so the output of a dropped result comes back warm: a
 * full collection of a service's heap costs far less than faulting this
 * much memory in page by page.
 */
export const RECLAIM_MIN_BYTES = 64 * 2 ** 20;
/** How long a call waits for a collected output's mapping to come back (a worker or V8's sweeper may still hold it). */
const RECLAIM_WAIT_MS = 250;

/** Bounds the list of handed-out buffers kept for reclaim() (results a caller holds stay on it). */
const MAX_HANDED_OUT = 64;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fits = (have: number, want: number) => have >= want && have <= want * FIT_SLACK + 2 * 2 ** 20;

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
  /** Acquisitions served by addon memory whose result had been collected (warm pages). */
  recycled: number;
  /** Collections asked for to reclaim outputs of results dropped without release(). */
  collections: number;
  /** Reclaims that waited for a collected output's memory in vain and mapped fresh memory. */
  reclaimTimeouts: number;
  /** The addon's process-wide pool of output memory, where the backend has one. */
  addon: AddonMemoryStats | null;
  /** Bytes of fresh buffers advised for huge pages, and the THP mode that acted on it. */
  advisedBytes: number;
  thpMode: ThpMode;
  /** Bytes prepared by reserve() (warmup's reserveOutputBytes), held idle until a call of a fitting size takes them. */
  reservedBytes: number;
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
 *
 * With addon memory (useAddonMemory), fresh buffers come from the addon, and
 * reclaim() before a large call collects the outputs of dropped results and
 * waits the few milliseconds until their mappings are back, so the call
 * reuses them; the addon's idle mappings count against maxIdleBytes too.
 */
export class OutputPool {
  readonly maxIdleBytes: number;
  private idle: SharedArrayBuffer[] = [];
  private idleTotal = 0;
  private hits = 0;
  private misses = 0;
  private recycled = 0;
  private advised = 0;
  private reserved = 0;
  private freshSinceCollect = 0;
  private collections = 0;
  private reclaimTimeouts = 0;
  private readonly collect: () => void;
  private memory: AddonOutputMemory | null;
  /** This pool's id in the addon's memory: only its own freed outputs serve it or count in its estimate. */
  private readonly owner = nextOwner++;
  /** Addon-backed buffers handed out, weakly: which dropped outputs a collection could bring back. */
  private handedOut: { ref: WeakRef<SharedArrayBuffer>; bytes: number }[] = [];
  /** The buffers on handedOut, so one released and reused is listed once. */
  private tracked = new WeakSet<SharedArrayBuffer>();

  constructor(opts: { maxIdleBytes: number; collect?: () => void; memory?: AddonOutputMemory | null }) {
    this.maxIdleBytes = opts.maxIdleBytes;
    this.collect = opts.collect ?? collectGarbage;
    this.memory = null;
    this.useAddonMemory(opts.memory ?? null);
  }

  /** Takes fresh buffers from the addon from now on (the engine calls it once its backend is loaded). */
  useAddonMemory(memory: AddonOutputMemory | null): void {
    this.memory = memory;
    memory?.outputMemory(this.owner, this.maxIdleBytes, this.maxIdleBytes);
  }

  /**
   * A buffer of at least `bytes` for one result: the best-fitting released
   * one, else a kept addon mapping that fits, else a fresh one (advised for
   * huge pages when `advisor` is given; addon mappings always are).
   */
  acquire(bytes: number, advisor: HugePageAdvisor | null = null, besides = 0): SharedArrayBuffer {
    if (bytes < MIN_MANAGED_BYTES) return new SharedArrayBuffer(Math.max(1, bytes));
    const k = this.bestFit(bytes);
    let buffer: SharedArrayBuffer;
    if (k >= 0) {
      buffer = this.idle.splice(k, 1)[0]!;
      this.idleTotal -= buffer.byteLength;
      this.hits++;
      this.trimAddon(bytes, besides);
    } else {
      const made = this.unpooled(bytes, advisor, besides);
      buffer = made.buffer;
      if (made.recycled) this.recycled++;
      else this.misses++;
    }
    // Reused or new, the buffer may be dropped by its result: reclaim() then brings it back.
    if (this.memory && bytes >= RECLAIM_MIN_BYTES && !this.tracked.has(buffer)) {
      if (this.handedOut.length >= MAX_HANDED_OUT) this.handedOut = this.handedOut.filter((h) => h.ref.deref() !== undefined);
      this.handedOut.push({ ref: new WeakRef(buffer), bytes });
      this.tracked.add(buffer);
    }
    leases.set(buffer, { pool: this, live: true });
    return buffer;
  }

  /**
   * Output memory prepared before any call: a buffer of `bytes` (a kept addon
   * mapping that fits, else a fresh one, advised like acquire()'s), faulted
   * in by `touch` (the pool's threads), then held idle for the first call of
   * a fitting size, as a released buffer would be. Counted in idleBytes and
   * reservedBytes.
   */
  async reserve(bytes: number, advisor: HugePageAdvisor | null, touch: (buffer: SharedArrayBuffer) => Promise<void>): Promise<void> {
    if (bytes < MIN_MANAGED_BYTES || bytes > this.maxIdleBytes) throw new RangeError(`output reserve of ${bytes} bytes is outside [${MIN_MANAGED_BYTES}, ${this.maxIdleBytes}]`);
    const { buffer } = this.unpooled(bytes, advisor, 0);
    await touch(buffer);
    this.putBack(buffer);
    this.reserved += buffer.byteLength;
  }

  /** A buffer no idle one could serve: the addon's kept mapping that fits, else fresh memory. */
  private unpooled(bytes: number, advisor: HugePageAdvisor | null, besides: number): { buffer: SharedArrayBuffer; recycled: boolean } {
    // Idle buffers (a reserve among them) give way to the call and what it holds besides its output.
    this.trimTo(this.maxIdleBytes - bytes - besides);
    const kept = this.memory?.outputBuffer(bytes, true, this.owner) ?? null;
    this.trimAddon(bytes, besides);
    if (kept) return { buffer: kept, recycled: true };
    this.collectBeforeFresh(bytes);
    const mapped = this.memory?.outputBuffer(bytes, false, this.owner) ?? null;
    if (mapped) {
      if (advisor) this.advised += bytes;
      return { buffer: mapped, recycled: false };
    }
    const fresh = freshShared(bytes, advisor);
    this.advised += fresh.advisedBytes;
    return { buffer: fresh.buffer, recycled: false };
  }

  /** Idle addon mappings beyond what the budget leaves beside a call of `bytes` go back to the OS. */
  private trimAddon(bytes: number, besides: number): void {
    this.memory?.outputMemory(this.owner, this.maxIdleBytes, Math.max(0, this.maxIdleBytes - bytes - besides - this.idleTotal));
  }

  /**
   * Before a call of `bytes` that would otherwise map fresh addon memory:
   * when outputs this pool handed out could serve it, collect, and wait
   * (at most RECLAIM_WAIT_MS) until the mapping of one that was garbage is
   * back. Returns at once when a released buffer or kept mapping fits, or
   * nothing handed out fits.
   */
  async reclaim(bytes: number): Promise<void> {
    const memory = this.memory;
    if (!memory || bytes < RECLAIM_MIN_BYTES || this.bestFit(bytes) >= 0 || memory.outputFit(bytes, this.owner) > 0) return;
    if (!this.handedOut.some((h) => fits(h.bytes, bytes))) return;
    // No deref() before the collection: a WeakRef read keeps its target alive to the end of the turn.
    this.collect();
    this.collections++;
    this.freshSinceCollect = 0;
    await sleep(0);
    const dropped = this.handedOut.filter((h) => h.ref.deref() === undefined);
    this.handedOut = this.handedOut.filter((h) => h.ref.deref() !== undefined);
    if (!dropped.some((h) => fits(h.bytes, bytes))) return;
    // Freed, but V8 gives the memory back when no thread holds the buffer: a
    // worker that ran the call drops its copy at its next collection, and
    // V8's sweeper may run on another thread.
    const deadline = performance.now() + RECLAIM_WAIT_MS;
    while (memory.outputFit(bytes, this.owner) === 0) {
      if (performance.now() > deadline) {
        this.reclaimTimeouts++;
        return;
      }
      await sleep(1);
    }
  }

  /**
   * Idle bytes that stay held while a call writing `bytesOut` runs, with
   * `besides` bytes of other memory (columns, scratch): for the memory
   * estimate. The addon's idle mappings are trimmed by acquire() to what the
   * budget leaves, so only that part counts.
   */
  bytesHeldBeside(bytesOut: number, besides = 0): number {
    if (bytesOut < MIN_MANAGED_BYTES) return this.idleTotal + (this.memory?.outputMemory(this.owner).idleBytes ?? 0);
    const k = this.bestFit(bytesOut);
    const jsHeld = k >= 0 ? this.idleTotal - this.idle[k]!.byteLength : Math.min(this.idleTotal, Math.max(0, this.maxIdleBytes - bytesOut - besides));
    if (!this.memory) return jsHeld;
    const addonIdle = this.memory.outputMemory(this.owner).idleBytes - (k >= 0 ? 0 : this.memory.outputFit(bytesOut, this.owner));
    return jsHeld + Math.min(addonIdle, Math.max(0, this.maxIdleBytes - bytesOut - besides - jsHeld));
  }

  stats(): OutputPoolStats {
    return {
      idleBytes: this.idleTotal, idleBuffers: this.idle.length, hits: this.hits, misses: this.misses, recycled: this.recycled,
      advisedBytes: this.advised, reservedBytes: this.reserved, collections: this.collections, reclaimTimeouts: this.reclaimTimeouts,
      thpMode: transparentHugePageMode(), addon: this.memory?.outputMemory(this.owner) ?? null,
    };
  }

  /** Drops every idle buffer and the addon's idle mappings (the engine is closing, or memory is wanted back). */
  clear(): void {
    this.trimTo(0);
    this.memory?.outputMemory(this.owner, 0, 0);
    this.handedOut = [];
    this.tracked = new WeakSet();
  }

  /** @internal Use releaseLease(): it guards against a second release. */
  putBack(buffer: SharedArrayBuffer): void {
    if (buffer.byteLength > this.maxIdleBytes) return;
    this.idle.push(buffer);
    this.idleTotal += buffer.byteLength;
    this.trimTo(this.maxIdleBytes);
  }

  /** Before a fresh allocation that would take idle + unreclaimed fresh bytes past the bound: collect. */
  private collectBeforeFresh(bytes: number): void {
    if (this.freshSinceCollect > 0 && this.idleTotal + this.freshSinceCollect + bytes > this.maxIdleBytes) {
      this.collect();
      this.collections++;
      this.freshSinceCollect = 0;
    }
    this.freshSinceCollect += bytes;
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
  /** Whether outputs come from addon memory recycled when results are collected (native addon built for this V8). */
  recycledOutputs: boolean;
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
  const probe = { mode, defrag, advisedBytes: 0, hugeBytes: 0, recycledOutputs: addonMemoryOf(backend) !== null };
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
