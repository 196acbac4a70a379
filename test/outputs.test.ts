// Output memory: huge-page advice of fresh buffers, the pool of released
// buffers, and released results refusing reads.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, ResultReleasedError, type ComputeResult, type Engine } from '../dist/index.js';
import { MIN_MANAGED_BYTES, OutputPool, RECLAIM_MIN_BYTES, addonMemoryOf, advisorOf, freshShared, hugePageProbe, leaseOf, releaseBuffer, releaseLease, transparentHugePageMode, type AddonMemoryStats, type AddonOutputMemory, type HugePageAdvisor } from '../dist/engine/outputs.js';
import { NativeBackend, loadAddon } from '../dist/backends/native.js';
import { sliceAtHugePages } from '../dist/pool/pool.js';
import { syntheticCandles, testEngineOptions } from './helpers.js';
import { REFERENCES } from './reference/index.js';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const MiB = 2 ** 20;

/** The packaged addon, or null when it is not built here (the wasm-only case). */
function addon(): HugePageAdvisor | null {
  try {
    const a = createRequire(import.meta.url)('node-gyp-build')(new URL('..', import.meta.url).pathname) as Partial<HugePageAdvisor>;
    return typeof a.adviseHugePages === 'function' ? (a as HugePageAdvisor) : null;
  } catch {
    return null;
  }
}

describe('adviseHugePages (native)', () => {
  const a = addon();
  it.skipIf(!a || process.platform !== 'linux')('advises exactly the 2 MiB-aligned interior of the view', () => {
    const sab = new SharedArrayBuffer(9 * MiB);
    const r = a!.adviseHugePages(new Uint8Array(sab));
    expect(r).toEqual({ supported: true, advisedBytes: expect.any(Number), errno: 0 });
    // 9 MiB starting anywhere holds 3 or 4 aligned 2 MiB pages, never more than the view.
    expect(r.advisedBytes % (2 * MiB)).toBe(0);
    expect([6 * MiB, 8 * MiB]).toContain(r.advisedBytes);
    // A view smaller than 2 MiB has no aligned interior: nothing outside it is advised.
    expect(a!.adviseHugePages(new Uint8Array(sab, 0, MiB)).advisedBytes).toBe(0);
    // Float views of the same memory advise the same range.
    expect(a!.adviseHugePages(new Float32Array(sab)).advisedBytes).toBe(r.advisedBytes);
  });

  it.skipIf(!a)('rejects what is not a typed array', () => {
    expect(() => a!.adviseHugePages(new SharedArrayBuffer(8) as never)).toThrow(TypeError);
  });

  it.skipIf(!a || process.platform !== 'linux')('the probe reports the THP mode and whether huge pages backed an advised buffer', () => {
    const p = hugePageProbe(a);
    expect(p.mode).toBe(transparentHugePageMode());
    expect(['madvise', 'always', 'never']).toContain(p.mode);
    if (p.mode === 'never') expect(p.advice).toMatch(/^off/);
    else expect(p.advisedBytes).toBeGreaterThan(0);
    expect(p.hugeBytes).toBeGreaterThanOrEqual(0);
  });
});

/** An advisor that records what it was asked, for the pool tests. */
function recordingAdvisor(): HugePageAdvisor & { calls: number[] } {
  const calls: number[] = [];
  return { calls, adviseHugePages: (v) => { calls.push(v.byteLength); return { supported: true, advisedBytes: v.byteLength & ~(2 * MiB - 1), errno: 0 }; } };
}

describe('OutputPool', () => {
  it('reuses a released buffer of fitting size and never hands one buffer to two live leases', () => {
    const pool = new OutputPool({ maxIdleBytes: 64 * MiB });
    const a = pool.acquire(8 * MiB);
    const first = leaseOf(a);
    expect(first?.live).toBe(true);
    expect(releaseLease(first, a)).toBe(true);
    expect(releaseLease(first, a)).toBe(false); // a second release is a no-op
    expect(pool.stats()).toMatchObject({ idleBytes: 8 * MiB, idleBuffers: 1, hits: 0, misses: 1 });
    const b = pool.acquire(7 * MiB); // fits: 8 MiB <= 1.25 x 7 MiB
    expect(b).toBe(a);
    expect(leaseOf(b)).not.toBe(first);
    expect(pool.stats()).toMatchObject({ idleBytes: 0, hits: 1 });
    // The stale first lease cannot put the buffer back while b holds it.
    expect(releaseLease(first, a)).toBe(false);
    expect(pool.stats().idleBuffers).toBe(0);
    const c = pool.acquire(8 * MiB);
    expect(c).not.toBe(b);
  });

  it('does not hand a much larger buffer to a small request, nor pool small buffers', () => {
    const pool = new OutputPool({ maxIdleBytes: 64 * MiB });
    releaseBuffer(pool.acquire(16 * MiB));
    expect(pool.acquire(8 * MiB).byteLength).toBe(8 * MiB);
    const small = pool.acquire(MIN_MANAGED_BYTES - 1);
    expect(leaseOf(small)).toBeNull();
    expect(releaseBuffer(small)).toBe(false);
    expect(pool.stats()).toMatchObject({ idleBuffers: 1, idleBytes: 16 * MiB });
  });

  it('bounds idle bytes, and drops idle buffers before a fresh allocation would exceed the bound', () => {
    const pool = new OutputPool({ maxIdleBytes: 40 * MiB });
    const bufs = [pool.acquire(16 * MiB), pool.acquire(16 * MiB), pool.acquire(16 * MiB)];
    for (const b of bufs) releaseBuffer(b);
    expect(pool.stats().idleBytes).toBe(32 * MiB); // the oldest was dropped
    expect(pool.bytesHeldBeside(16 * MiB)).toBe(16 * MiB); // a hit leaves the other one idle
    expect(pool.bytesHeldBeside(30 * MiB)).toBe(10 * MiB); // a miss trims idle to 40 - 30
    pool.acquire(30 * MiB);
    expect(pool.stats().idleBytes).toBeLessThanOrEqual(10 * MiB);
    releaseBuffer(pool.acquire(41 * MiB)); // larger than the bound: never kept
    expect(pool.stats().idleBytes).toBeLessThanOrEqual(40 * MiB);
    pool.clear();
    expect(pool.stats()).toMatchObject({ idleBytes: 0, idleBuffers: 0 });
  });

  it('drops idle buffers a call cannot use so that they, its output and what it holds besides stay within the bound', () => {
    const pool = new OutputPool({ maxIdleBytes: 100 * MiB });
    releaseBuffer(pool.acquire(60 * MiB)); // e.g. a reserve for calls of another size
    // A 30 MiB call holding 50 MiB besides leaves room for 20 MiB of idle buffers: the 60 MiB one goes.
    expect(pool.bytesHeldBeside(30 * MiB, 50 * MiB)).toBe(20 * MiB);
    expect(pool.bytesHeldBeside(30 * MiB, 10 * MiB)).toBe(60 * MiB);
    pool.acquire(30 * MiB, null, 50 * MiB);
    expect(pool.stats()).toMatchObject({ idleBytes: 0, idleBuffers: 0 });
  });

  it('asks for a collection once fresh allocations since the last one reach the bound, not on reuse', () => {
    let collected = 0;
    const pool = new OutputPool({ maxIdleBytes: 40 * MiB, collect: () => { collected++; } });
    pool.acquire(16 * MiB);
    pool.acquire(16 * MiB);
    expect(collected).toBe(0); // 32 MiB fresh: within the bound
    const third = pool.acquire(16 * MiB); // 48 MiB would exceed it: collect first
    expect(collected).toBe(1);
    releaseBuffer(third);
    pool.acquire(16 * MiB); // a hit allocates nothing
    pool.acquire(16 * MiB);
    expect(collected).toBe(1);
    pool.acquire(16 * MiB);
    expect(collected).toBe(2);
    expect(pool.stats().collections).toBe(2);
  });

  it('reclaims dropped outputs with a real collection', async () => {
    const pool = new OutputPool({ maxIdleBytes: 40 * MiB });
    const refs: WeakRef<SharedArrayBuffer>[] = [];
    for (let i = 0; i < 3; i++) refs.push(new WeakRef(pool.acquire(16 * MiB)));
    await new Promise((r) => setTimeout(r, 0)); // WeakRef targets are kept until the end of the job that made them
    const before = pool.stats().collections;
    pool.acquire(16 * MiB);
    pool.acquire(16 * MiB); // 48 MiB fresh since the last collection: collects before allocating
    expect(pool.stats().collections).toBe(before + 1);
    expect(refs.filter((r) => r.deref()).length).toBe(0);
  });

  it('keeps no reference to buffers that were never released', async () => {
    const pool = new OutputPool({ maxIdleBytes: 64 * MiB });
    let buf: SharedArrayBuffer | null = pool.acquire(8 * MiB);
    const ref = new WeakRef(buf);
    buf = null;
    for (let i = 0; i < 5 && ref.deref(); i++) {
      await new Promise((r) => setTimeout(r, 10));
      collect();
    }
    expect(ref.deref()).toBeUndefined();
  });

  it('advises fresh buffers, not reused or small ones', () => {
    const adv = recordingAdvisor();
    const pool = new OutputPool({ maxIdleBytes: 64 * MiB });
    releaseBuffer(pool.acquire(8 * MiB, adv));
    pool.acquire(8 * MiB, adv);
    pool.acquire(MiB, adv);
    expect(adv.calls).toEqual([8 * MiB]);
    expect(pool.stats().advisedBytes).toBe(8 * MiB);
    expect(freshShared(MiB, adv).advisedBytes).toBe(0);
  });

  it('takes advice only from a backend that offers it, and only where THP is on', () => {
    expect(advisorOf(null)).toBeNull();
    expect(advisorOf({ name: 'wasm' })).toBeNull();
    const adv = recordingAdvisor();
    const mode = transparentHugePageMode();
    expect(advisorOf(adv)).toBe(mode === 'madvise' || mode === 'always' ? adv : null);
  });
});

describe.each(['native', 'wasm'] as const)('released results (%s)', (backend) => {
  let engine: Engine;
  const T = 20_000;
  const grid = { source: ['close'], window: { start: 5, stop: 64 } }; // 60 variants: 4.8 MB of float32
  const candlesA = syntheticCandles({ t: T, seed: 1 });
  const candlesB = syntheticCandles({ t: T, seed: 2 });

  beforeAll(async () => {
    engine = await createEngine(testEngineOptions({ backend }));
    await engine.warmup();
  });
  afterAll(async () => {
    await engine.close();
  });

  /** Every value of every variant equals the naive SMA of these candles (float32 rounding), so no stale value survives reuse. */
  function expectSma(r: ComputeResult, close: Float64Array): void {
    const values = r.values('sma');
    let wrong = 0;
    for (let v = 0; v < r.variants; v++) {
      const [ref] = REFERENCES['ma.sma']!([close], { window: r.variant(v).window as number });
      for (let t = 0; t < r.t; t++) {
        const got = values[t * r.variants + v]!, want = ref![t]!;
        if (Number.isNaN(want) ? !Number.isNaN(got) : !(Math.abs(got - want) <= 1e-5 * Math.abs(want))) wrong++;
      }
    }
    expect(wrong).toBe(0);
  }

  it('a released buffer serves the next call, which writes every value of it', async () => {
    const before = engine.outputPool.stats();
    const a = await engine.compute({ indicator: 'ma.sma', candles: candlesA, grid });
    expectSma(a, candlesA.close);
    const bufferA = a.values().buffer;
    a.release();
    expect(a.released).toBe(true);
    const b = await engine.compute({ indicator: 'ma.sma', candles: candlesB, grid });
    expect(b.values().buffer).toBe(bufferA);
    expectSma(b, candlesB.close);
    const after = engine.outputPool.stats();
    expect(after.hits - before.hits).toBe(1);
    // The first call's fresh buffer was advised where the native addon can and THP is on; never on wasm.
    const advisable = backend === 'native' && advisorOf(addon()) !== null;
    expect(after.misses - before.misses).toBe(1);
    expect(after.advisedBytes - before.advisedBytes > 0).toBe(advisable);
    b.release();
  });

  it('a released result refuses every read with RESULT_RELEASED, and a second release does nothing', async () => {
    const r = await engine.compute({ indicator: 'ma.sma', candles: candlesA, grid });
    r.release();
    for (const read of [() => r.values(), () => r.values('sma'), () => r.at('sma', 0, 0), () => r.series('sma', 0), () => r.toArrow()]) {
      expect(read).toThrow(ResultReleasedError);
    }
    try { r.values(); } catch (e) { expect((e as ResultReleasedError).code).toBe('RESULT_RELEASED'); }
    // Descriptions of the grid do not read the buffer and stay available.
    expect(r.variant(0)).toEqual({ source: 'close', window: 5 });
    const live = await engine.compute({ indicator: 'ma.sma', candles: candlesB, grid }); // takes r's buffer
    r.release();
    const other = await engine.compute({ indicator: 'ma.sma', candles: candlesA, grid });
    expect(other.values().buffer).not.toBe(live.values().buffer);
    expectSma(live, candlesB.close);
    live.release();
    other.release();
  });

  it('Symbol.dispose releases, so `using` scopes a result', async () => {
    let seen: ComputeResult;
    {
      using r = await engine.compute({ indicator: 'ma.sma', candles: candlesA, grid });
      seen = r;
      expectSma(r, candlesA.close);
    }
    expect(seen.released).toBe(true);
    expect(() => seen.values()).toThrow(ResultReleasedError);
  });

  it('a result over a caller-owned out is guarded on release but the buffer stays the caller\'s', async () => {
    const out = new SharedArrayBuffer(T * 60 * 4);
    const idle = engine.outputPool.stats().idleBytes;
    const r = await engine.compute({ indicator: 'ma.sma', candles: candlesA, grid, out });
    r.release();
    expect(() => r.values()).toThrow(ResultReleasedError);
    expect(engine.outputPool.stats().idleBytes).toBe(idle);
    expect(leaseOf(out)).toBeNull();
  });

  it('a plain ArrayBuffer out is filled by a copy, and the shared buffer the workers wrote goes back to the pool', async () => {
    const wide = { source: ['close'], window: { start: 5, stop: 200 } }; // 196 variants: enough work for the worker pool
    const bytes = T * 196 * 4;
    const out = new ArrayBuffer(bytes);
    const idle = engine.outputPool.stats().idleBytes;
    const r = await engine.compute({ indicator: 'ma.sma', candles: candlesA, grid: wide, out });
    expect(r.values().buffer).toBe(out);
    expectSma(r, candlesA.close);
    expect(engine.outputPool.stats().idleBytes - idle).toBe(bytes);
  });
});

/** The loaded native addon's output memory, or null (no addon here, or built for another V8). */
function addonMemory(): AddonOutputMemory | null {
  try {
    return addonMemoryOf(new NativeBackend(loadAddon()));
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects until `done` holds (V8 frees a SharedArrayBuffer's memory after the collection, maybe on another thread). */
async function collectUntil(done: () => boolean): Promise<boolean> {
  for (let i = 0; i < 50 && !done(); i++) {
    collect();
    await sleep(5);
  }
  return done();
}

describe('addon-owned output memory (native)', () => {
  const memory = addonMemory();
  const skip = !memory || process.platform !== 'linux';
  // Sizes no other test of this file uses, so their freed outputs cannot serve these requests.
  const BYTES = 10 * MiB;
  const OWNER = 1_000_000; // not an OutputPool's id

  it.skipIf(skip)('recycles a collected buffer\'s memory, never while any buffer over it is alive', async () => {
    const m = memory!;
    m.outputMemory(OWNER, 64 * MiB, 0);
    let a: SharedArrayBuffer | null = m.outputBuffer(BYTES, false, OWNER)!;
    const b = m.outputBuffer(BYTES, false, OWNER)!;
    expect(a).toBeInstanceOf(SharedArrayBuffer);
    expect(a.byteLength).toBe(BYTES);
    expect(new Uint8Array(a).every((x) => x === 0)).toBe(true); // a new mapping reads as zeros
    new Uint8Array(a).fill(1);
    new Uint8Array(b).fill(2);
    expect(m.outputBuffer(BYTES, true, OWNER)).toBeNull(); // nothing idle: both are alive
    const before = m.outputMemory(OWNER);
    a = null;
    expect(await collectUntil(() => m.outputFit(BYTES, OWNER) > 0)).toBe(true);
    expect(m.outputFit(BYTES, OWNER)).toBe(BYTES); // a multiple of 2 MiB: no rounding
    expect(m.outputFit(BYTES, OWNER + 1)).toBe(0); // idle memory serves only the owner it was handed to
    const c = m.outputBuffer(BYTES, true, OWNER)!;
    expect(new Uint8Array(c)[0]).toBe(1); // a's pages, as they were: the engine overwrites every value
    new Uint8Array(c).fill(3);
    expect(new Uint8Array(b).every((x) => x === 2)).toBe(true);
    const after = m.outputMemory(OWNER);
    expect(after.reused - before.reused).toBe(1);
    // No mapping was made for c. (Live regions are counted process-wide: outputs of engines closed by
    // earlier tests may be collected meanwhile, so their count is no measure of this test.)
    expect(after.mapped).toBe(before.mapped);
    expect(m.outputBuffer(BYTES, true, OWNER)).toBeNull(); // c holds the only idle one now
  });

  it.skipIf(skip)('a buffer posted to a worker is shared memory, and stays out of the pool until the worker drops it too', async () => {
    const m = memory!;
    m.outputMemory(OWNER, 64 * MiB, 0);
    const worker = new Worker(`
      const { parentPort } = require('node:worker_threads');
      require('node:v8').setFlagsFromString('--expose-gc');
      const collect = require('node:vm').runInNewContext('gc');
      let held = null;
      parentPort.on('message', (m) => {
        if (m === 'drop') { held = null; collect(); parentPort.postMessage('dropped'); return; }
        held = m; new Float32Array(m)[7] = 42; parentPort.postMessage(new Float32Array(m)[8]);
      });`, { eval: true });
    const reply = () => new Promise((r) => worker.once('message', r));
    try {
      const SIZE = 26 * MiB;
      let buf: SharedArrayBuffer | null = m.outputBuffer(SIZE, false, OWNER)!;
      new Float32Array(buf)[8] = 5;
      worker.postMessage(buf);
      expect(await reply()).toBe(5); // the worker reads what this thread wrote
      expect(new Float32Array(buf)[7]).toBe(42); // and this thread what the worker wrote
      const live = m.outputMemory(OWNER).liveRegions;
      buf = null;
      for (let i = 0; i < 5; i++) { collect(); await sleep(5); }
      expect(m.outputFit(SIZE, OWNER)).toBe(0); // the worker still holds it: not idle, not reusable
      expect(m.outputBuffer(SIZE, true, OWNER)).toBeNull();
      worker.postMessage('drop');
      await reply();
      expect(await collectUntil(() => m.outputFit(SIZE, OWNER) > 0)).toBe(true);
      expect(m.outputMemory(OWNER).liveRegions).toBeLessThan(live);
    } finally {
      await worker.terminate();
    }
  });

  it.skipIf(skip)('bounds idle memory: beyond the bound, freed memory goes back to the OS', async () => {
    const m = memory!;
    const SIZE = 40 * MiB;
    m.outputMemory(OWNER, 48 * MiB, 0);
    let bufs: SharedArrayBuffer[] | null = [m.outputBuffer(SIZE, false, OWNER)!, m.outputBuffer(SIZE, false, OWNER)!];
    const before = m.outputMemory(OWNER);
    bufs = null;
    expect(await collectUntil(() => m.outputMemory(OWNER).unmapped > before.unmapped && m.outputFit(SIZE, OWNER) > 0)).toBe(true);
    // One of the two is kept, the other went back to the OS: 80 MiB idle would exceed the bound.
    expect(m.outputMemory(OWNER).idleBytes).toBeLessThanOrEqual(48 * MiB);
    m.outputMemory(OWNER, 64 * MiB, 0);
    expect(m.outputMemory(OWNER)).toMatchObject({ idleBytes: 0, idleRegions: 0, maxIdleBytes: 64 * MiB });
    expect(() => m.outputBuffer(-1, false, OWNER)).toThrow(RangeError);
    expect(() => m.outputBuffer(MiB, false, 'x' as never)).toThrow(TypeError);
  });
});

/** A stand-in for the addon's memory whose regions come back only when the test says so. */
function fakeAddonMemory() {
  const idle: number[] = [];
  const stats = { reused: 0, mapped: 0 };
  const memory: AddonOutputMemory = {
    outputBuffer(bytes, reuseOnly) {
      const i = idle.findIndex((n) => n >= bytes && n <= bytes * 1.25);
      if (i >= 0) { idle.splice(i, 1); stats.reused++; return new SharedArrayBuffer(bytes); }
      if (reuseOnly) return null;
      stats.mapped++;
      return new SharedArrayBuffer(bytes);
    },
    outputMemory: () => ({ idleBytes: idle.reduce((a, b) => a + b, 0), idleRegions: idle.length } as AddonMemoryStats),
    outputFit: (bytes) => idle.find((n) => n >= bytes && n <= bytes * 1.25) ?? 0,
  };
  return { memory, idle, stats };
}

describe('OutputPool with addon memory', () => {
  const BIG = RECLAIM_MIN_BYTES;

  it('reclaim() collects and waits for a dropped output\'s memory, then the call reuses it', async () => {
    const { memory, idle, stats } = fakeAddonMemory();
    let collected = 0;
    // The "collection" gives the dropped region back a few milliseconds later, as V8's sweeper or a worker would.
    const pool = new OutputPool({ maxIdleBytes: 4 * BIG, memory, collect: () => { collected++; collect(); setTimeout(() => idle.push(BIG), 20); } });
    pool.acquire(BIG); // dropped at once
    await sleep(0);
    await pool.reclaim(BIG);
    expect(collected).toBe(1);
    expect(idle).toEqual([BIG]);
    pool.acquire(BIG);
    expect(stats).toEqual({ reused: 1, mapped: 1 });
    expect(pool.stats()).toMatchObject({ recycled: 1, misses: 1, reclaimTimeouts: 0 });
  });

  it('reclaim() does nothing when memory already fits or nothing handed out could serve the call', async () => {
    const { memory, idle } = fakeAddonMemory();
    let collected = 0;
    const pool = new OutputPool({ maxIdleBytes: 4 * BIG, memory, collect: () => { collected++; } });
    await pool.reclaim(BIG); // nothing handed out
    const small = pool.acquire(BIG / 2);
    await pool.reclaim(BIG); // what was handed out is too small to serve it
    idle.push(BIG);
    await pool.reclaim(BIG); // an idle region fits already
    expect(collected).toBe(0);
    expect(small.byteLength).toBe(BIG / 2);
  });

  it('reclaim() does not wait for outputs a caller still holds', async () => {
    const { memory } = fakeAddonMemory();
    let collected = 0;
    const pool = new OutputPool({ maxIdleBytes: 4 * BIG, memory, collect: () => { collected++; collect(); } });
    const held = pool.acquire(BIG);
    await sleep(0);
    await pool.reclaim(BIG);
    expect(collected).toBe(1);
    expect(pool.stats().reclaimTimeouts).toBe(0); // it did not sit out the wait for memory that cannot come back
    expect(held.byteLength).toBe(BIG);
  });

  it('counts the addon\'s idle memory in what stays held beside a call', () => {
    const { memory, idle } = fakeAddonMemory();
    const pool = new OutputPool({ maxIdleBytes: 3 * BIG, memory });
    idle.push(BIG, 2 * BIG);
    expect(pool.bytesHeldBeside(BIG)).toBe(2 * BIG); // BIG is reused, 2 BIG stays idle
    expect(pool.bytesHeldBeside(MiB)).toBe(3 * BIG); // small outputs are not pooled
    expect(pool.bytesHeldBeside(3 * BIG)).toBe(0); // a miss trims idle to the bound minus the new output
  });
});

/** Values of a series that differ from the reference beyond float32 rounding (NaN must meet NaN). */
function mismatches(got: ArrayLike<number>, ref: ArrayLike<number>): number {
  let wrong = 0;
  for (let t = 0; t < ref.length; t++) {
    const want = ref[t]!;
    if (Number.isNaN(want) ? !Number.isNaN(got[t]!) : !(Math.abs(got[t]! - want) <= 1e-5 * Math.abs(want))) wrong++;
  }
  return wrong;
}

describe('plain calls over addon memory (native)', () => {
  const skip = !addonMemory();
  let engine: Engine;
  const T = 60_000;
  const grid = { source: ['close', 'hl2'], window: { start: 5, stop: 154 } }; // 300 variants x 60,000 x 4 B = 72 MB
  const candles = [syntheticCandles({ t: T, seed: 3 }), syntheticCandles({ t: T, seed: 4 }), syntheticCandles({ t: T, seed: 5 })];

  beforeAll(async () => {
    if (skip) return;
    engine = await createEngine(testEngineOptions({ backend: 'native', numThreads: 2 }));
    await engine.warmup();
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.skipIf(skip)('a call after a dropped result writes every value into the recycled memory', async () => {
    const before = engine.outputPool.stats();
    // Each result lives only in this function's frame: dropped when it returns, as a service drops it.
    const computeAndCheck = async (c: (typeof candles)[number]) => {
      const r = await engine.compute({ indicator: 'ma.sma', candles: c, grid });
      // Sampled variants of both sources against the naive SMA: no value of the previous call survives.
      const hl2 = c.high.map((h, i) => (h + c.low[i]!) / 2);
      for (const v of [0, 37, 149, 150, 222, 299]) {
        const { source, window } = r.variant(v) as { source: string; window: number };
        const [ref] = REFERENCES['ma.sma']!([source === 'close' ? c.close : hl2], { window });
        expect(mismatches(r.series('sma', v), ref!)).toBe(0);
      }
    };
    for (const c of candles) await computeAndCheck(c);
    const after = engine.outputPool.stats();
    expect(after.misses - before.misses, JSON.stringify({ before, after })).toBe(1); // only the first call mapped memory
    expect(after.recycled - before.recycled).toBe(candles.length - 1);
    expect(after.addon).not.toBeNull();
  });
});

describe('sliceAtHugePages', () => {
  it('cuts a buffer into at most `parts` contiguous slices of whole 2 MiB pages', () => {
    for (const [bytes, parts] of [[9 * MiB, 2], [8 * MiB, 2], [8 * MiB, 3], [3 * MiB, 4], [1, 2], [100 * MiB + 7, 2]] as const) {
      const slices = sliceAtHugePages(bytes, parts);
      expect(slices.length).toBeLessThanOrEqual(parts);
      expect(slices[0]![0]).toBe(0);
      expect(slices.at(-1)![1]).toBe(bytes);
      slices.forEach(([begin, end], i) => {
        expect(end).toBeGreaterThan(begin);
        expect(begin % (2 * MiB)).toBe(0); // no huge page is faulted by two threads
        if (i > 0) expect(begin).toBe(slices[i - 1]![1]);
      });
    }
    expect(sliceAtHugePages(9 * MiB, 2)).toEqual([[0, 6 * MiB], [6 * MiB, 9 * MiB]]);
  });
});

describe.each(['native', 'wasm'] as const)('reserveOutputBytes: output memory prepared at warmup (%s)', (backend) => {
  let engine: Engine;
  let plain: Engine;
  const T = 20_000;
  const grid = { source: ['close'], window: { start: 5, stop: 154 } }; // 150 variants x 20,000 x 4 B = 12 MB
  const candles = syntheticCandles({ t: T, seed: 7 });
  const request = { indicator: 'ma.sma', candles, grid, layout: 'variant-major' as const };
  const reserve = T * 150 * 4;

  beforeAll(async () => {
    engine = await createEngine(testEngineOptions({ backend, numThreads: 2, reserveOutputBytes: reserve }));
    plain = await createEngine(testEngineOptions({ backend, numThreads: 2 }));
    await plain.warmup();
  });
  afterAll(async () => {
    await engine.close();
    await plain.close();
  });

  it('is mapped and held idle by warmup, counted beside calls it cannot serve, and taken by the first call that fits', async () => {
    expect(engine.outputPool.stats()).toMatchObject({ idleBytes: 0, reservedBytes: 0 });
    const report = await engine.warmup();
    expect(report.reservedOutputBytes).toBe(reserve);
    expect(engine.outputPool.stats()).toMatchObject({ idleBytes: reserve, idleBuffers: 1, reservedBytes: reserve, hits: 0, misses: 0 });

    // Against an engine without a reserve: a call the reserve serves counts none of it beside its
    // own output, a call it does not serve (half the size, below the fit) counts all of it.
    const estimates = (t: number) => [engine, plain].map((e) => e.estimate({ indicator: 'ma.sma', t, grid }).bytesTotalEst);
    const [fitting, fittingPlain] = estimates(T);
    expect(fitting).toBe(fittingPlain);
    const [small, smallPlain] = estimates(T / 2);
    expect(small - smallPlain).toBe(reserve);

    const r = await engine.compute(request);
    expect(engine.outputPool.stats()).toMatchObject({ idleBytes: 0, idleBuffers: 0, hits: 1, misses: 0, reservedBytes: reserve });
    // The touched pages held zeros; every sampled value is the SMA's, NaN exactly in the warm-up zone.
    for (const v of [0, 74, 149]) {
      const window = r.variant(v).window as number;
      const [ref] = REFERENCES['ma.sma']!([candles.close], { window });
      expect(mismatches(r.series('sma', v), ref!)).toBe(0);
    }
    r.release();
    expect(engine.outputPool.stats()).toMatchObject({ idleBytes: reserve, idleBuffers: 1 });
  });
});
