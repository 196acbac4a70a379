// The cache dir as someone with write access to it (or another local user)
// would use it: nothing planted there runs, no wrong number comes out,
// nothing hangs, nothing takes the process down.
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync, chownSync, cpSync, existsSync, lchownSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine, type EngineOptions } from '../dist/index.js';
import { createBackend } from '../dist/backends/index.js';
import { packagedAddonPath } from '../dist/backends/native.js';
import { SELFTEST_LENGTHS, selfTest } from '../dist/runtime/selftest.js';
import { doctorReport } from '../dist/cli/ops.js';
import { TUNED_NAME, packagedWasm, tunedBuildPlan, wasmArtifactInputs } from '../dist/runtime/artifacts.js';
import { ArtifactStore, sha256 } from '../dist/runtime/cache.js';
import { loadCacheKey } from '../dist/runtime/trust.js';
import { resolveConfig } from '../dist/runtime/config.js';
import { failure, syntheticCandles, tempDir, testEngineOptions } from './helpers.js';

/** A fleet key, as TA_GRID_CACHE_KEY would give it. */
const KEY = 'test-fleet-key-0123456789abcdef0123456789';
/** Writes entries the way the engine does: what only a holder of the key can do. */
const signer = (dir: string) => new ArtifactStore(dir, loadCacheKey(KEY).key);
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const hasMkfifo = (() => { try { execFileSync('mkfifo', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();

// No compiler: the tuned artifact is looked up but never built (no background g++ in a test run).
let template = '';
beforeAll(async () => {
  process.env.CXX = '/nonexistent/c++';
  // One cold warmup (calibration is the slow part); the tests start from copies of its cache dir.
  template = tempDir('template');
  const e = await createEngine(testEngineOptions({ cacheDir: template, cacheKey: KEY, numThreads: 2 }));
  await e.warmup();
  await e.close();
});

/** A private (0700) cache dir already holding the wasm and calibration artifacts, signed with KEY. */
function warmDir(): string {
  const dir = tempDir('trust');
  cpSync(template, dir, { recursive: true });
  chmodSync(dir, 0o700);
  return dir;
}

const savedEnv = { ...process.env };
afterEach(() => {
  for (const k of ['XDG_STATE_HOME', 'XDG_CACHE_HOME', 'TA_GRID_DISABLE_NATIVE']) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

interface Line { level: string; msg: string; obj: Record<string, unknown> }

function capture() {
  const lines: Line[] = [];
  const at = (level: string) => (obj: object, msg = '') => { lines.push({ level, msg, obj: obj as Record<string, unknown> }); };
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error'), debug() {} }, warnings: () => lines.filter((l) => l.level === 'warn') };
}

const engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

async function warm(cacheDir: string, extra: EngineOptions = {}) {
  const log = capture();
  const engine = await createEngine(testEngineOptions({ cacheDir, cacheKey: KEY, nativeBuild: 'background', logger: log.logger, ...extra }));
  engines.push(engine);
  const report = await engine.warmup();
  return { engine, report, log };
}

const candles = syntheticCandles({ t: 3_000, seed: 7 });

function naiveSma(close: Float64Array, w: number, i: number): number {
  let s = 0;
  for (let k = i - w + 1; k <= i; k++) s += close[k]!;
  return s / w;
}

/** SMA over a grid, checked against the naive sum at bars across the series. */
async function expectCorrectSma(engine: Engine, c = candles, windows = [2, 20, 150]) {
  const r = await engine.compute({ indicator: 'ma.sma', candles: c, grid: { source: ['close'], window: windows }, dtype: 'float64' });
  windows.forEach((w, v) => {
    expect(r.at('sma', w - 2, v)).toBeNaN();
    for (let i = w - 1; i < c.close.length; i += 211) expect(r.at('sma', i, v)).toBeCloseTo(naiveSma(c.close, w, i), 9);
  });
  return r;
}

/**
 * Plants a host-tuned artifact: signed with the key (what warmup itself
 * writes), or forged as a writer of the volume can (public key and inputs,
 * right size and sha256, but no valid HMAC).
 */
function plantTuned(dir: string, o: { sign?: boolean; bytes?: Buffer; file?: string; mac?: string } = {}): string {
  const plan = tunedBuildPlan();
  const bytes = o.bytes ?? readFileSync(packagedAddonPath());
  if (o.sign) return signer(dir).put(TUNED_NAME, plan.key, '.node', bytes, plan.inputs);
  const digest = sha256(bytes);
  const file = o.file ?? `${TUNED_NAME}-${plan.key.slice(0, 12)}-${digest.slice(0, 12)}.node`;
  writeFileSync(path.join(dir, file), bytes);
  writeEntry(dir, TUNED_NAME, { key: plan.key, file, size: bytes.length, sha256: digest, inputs: plan.inputs, mac: o.mac ?? 'f'.repeat(64) });
  return file;
}

function writeEntry(dir: string, name: string, fields: Record<string, unknown>): void {
  mkdirSync(path.join(dir, 'manifest'), { recursive: true });
  writeFileSync(path.join(dir, 'manifest', `${name}.json`), JSON.stringify({ name, createdAt: new Date().toISOString(), inputs: {}, ...fields }));
}

const quarantined = (dir: string) => (existsSync(path.join(dir, 'quarantine')) ? readdirSync(path.join(dir, 'quarantine')) : []);

describe('planted code is never loaded', () => {
  it('a planted .cjs named by a forged manifest entry is not run; one warning; results correct', async () => {
    const dir = warmDir();
    const marker = path.join(tempDir('marker'), 'ran');
    plantTuned(dir, { file: 'evil.cjs', bytes: Buffer.from(`require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};`) });
    const { engine, report, log } = await warm(dir);
    expect(existsSync(marker)).toBe(false);
    expect(report).toMatchObject({ backend: 'native', backendBuild: 'packaged' });
    const w = log.warnings();
    expect(w.map((l) => l.msg)).toEqual(['ta-grid cache artifact failed verification: quarantined, never loaded']);
    expect(w[0]!.obj.reason).toMatch(/authentication/);
    expect(quarantined(dir).some((f) => f.startsWith(`${TUNED_NAME}.json.`))).toBe(true);
    await expectCorrectSma(engine);
    expect(existsSync(marker)).toBe(false);
  });

  it('a planted .node with a forged entry is not loaded; the same file in an entry signed with the key is (control)', async () => {
    const forged = warmDir();
    plantTuned(forged);
    const a = await warm(forged);
    expect(a.report.backendBuild).toBe('packaged');
    expect(a.report.load[0]).toMatchObject({ build: 'tuned', status: 'unavailable' });
    expect(a.report.load[1]).toMatchObject({ build: 'prebuild', status: 'used' });
    expect(a.log.warnings().map((l) => l.msg)).toContain('ta-grid cache artifact failed verification: quarantined, never loaded');
    await expectCorrectSma(a.engine);

    const signed = warmDir();
    plantTuned(signed, { sign: true });
    const b = await warm(signed);
    expect(b.report.backendBuild).toBe('tuned');
    expect(b.report.load).toEqual([{ build: 'tuned', status: 'used', reason: null, fix: null }]);
    expect(b.engine.health().backend).toMatchObject({ name: 'native', build: 'tuned' });
    expect(b.log.warnings()).toEqual([]);
    await expectCorrectSma(b.engine);
  });

  it("nativeBuild 'off' looks up no tuned build, even a valid one, and says how to get it", async () => {
    const dir = warmDir();
    plantTuned(dir, { sign: true });
    const { report, log } = await warm(dir, { nativeBuild: 'off' });
    expect(report).toMatchObject({ backendBuild: 'packaged', tunedBuild: 'off' });
    expect(report.load[0]).toMatchObject({ build: 'tuned', status: 'skipped', reason: "nativeBuild is 'off'" });
    const line = log.lines.find((l) => l.msg.startsWith('ta-grid host-tuned build not used'));
    expect(line?.obj.fix).toMatch(/nativeBuild/);
    expect(signer(dir).inspect(TUNED_NAME).status).toBe('valid');
  });

  it('a manifest naming ../ or an absolute path is rejected and quarantined; nothing outside the dir is touched', async () => {
    const outside = tempDir('outside');
    const victim = path.join(outside, 'victim.node');
    writeFileSync(victim, 'keep');
    const dir = path.join(outside, 'cache');
    cpSync(warmDir(), dir, { recursive: true });
    chmodSync(dir, 0o700);
    writeEntry(dir, TUNED_NAME, { key: tunedBuildPlan().key, file: '../victim.node', size: 4, sha256: sha256('keep') });
    writeEntry(dir, 'wasm', { key: 'x', file: '/dev/zero', size: 2 ** 40, sha256: 'x' });
    writeEntry(dir, 'calibration-native-packaged', { key: 'x', file: '..', size: 1, sha256: 'x' });
    const doctor = doctorReport({ cacheDir: dir, cacheKey: KEY, env: {} }) as { cache: { name: string; status: string; reason: string }[] };
    const named = [TUNED_NAME, 'wasm', 'calibration-native-packaged'];
    expect(doctor.cache.filter((c) => named.includes(c.name)).map((c) => c.status)).toEqual(['invalid', 'invalid', 'invalid']);
    for (const c of doctor.cache.filter((x) => named.includes(x.name))) expect(c.reason).toMatch(/names a path/);
    const { engine, report } = await warm(dir);
    expect(report.backendBuild).toBe('packaged');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(readdirSync(outside).sort()).toEqual(['cache', 'victim.node']);
    expect(quarantined(dir).filter((f) => /^(native-tuned|wasm|calibration-native-packaged)\.json\./.test(f)).length).toBe(3);
    await expectCorrectSma(engine);
  });
});

describe('cache dir ownership and permissions (StrictModes)', () => {
  const UNTRUSTED = 'ta-grid cache dir not trusted: nothing is loaded from it, using the packaged build';

  async function expectUntrusted(dir: string, problem: RegExp) {
    const before = readdirSync(dir).sort();
    const { engine, report, log } = await warm(dir);
    expect(report.cacheTrust).toMatchObject({ trusted: false });
    expect(report.cacheTrust.problem).toMatch(problem);
    expect(report.backendBuild).toBe('packaged');
    expect(report.load[0]).toMatchObject({ build: 'tuned', status: 'skipped' });
    expect(log.warnings().map((l) => l.msg)).toEqual([UNTRUSTED]);
    const health = engine.health();
    expect(health.status).toBe('degraded');
    expect(health.cache).toMatchObject({ trusted: false });
    expect(health.cache.problem).toMatch(problem);
    const doctor = doctorReport({ cacheDir: dir, cacheKey: KEY, env: {} }) as { cacheDir: { trusted: boolean; problem: string }; load: { build: string; status: string; reason: string }[] };
    expect(doctor.cacheDir.trusted).toBe(false);
    expect(doctor.load[0]).toMatchObject({ build: 'tuned', status: 'skipped' });
    expect(doctor.load[0]!.reason).toMatch(/not trusted/);
    await expectCorrectSma(engine);
    // Nothing was taken from it or written to it: the signed tuned build is still there, no file came or went.
    expect(signer(dir).inspect(TUNED_NAME).status).toBe('valid');
    expect(readdirSync(dir).sort()).toEqual(before);
  }

  it('a world-writable cache dir: packaged build, one warning, shown in health() and doctor; results correct', async () => {
    const dir = warmDir();
    plantTuned(dir, { sign: true });
    chmodSync(dir, 0o777);
    await expectUntrusted(dir, /writable by other users/);
  });

  it('a parent writable by others: untrusted unless sticky (like /tmp)', async () => {
    const parent = tempDir('parent');
    const dir = path.join(parent, 'cache');
    cpSync(warmDir(), dir, { recursive: true });
    chmodSync(dir, 0o700);
    plantTuned(dir, { sign: true });
    chmodSync(parent, 0o777);
    await expectUntrusted(dir, /parent .* writable by others and not sticky/);
    chmodSync(parent, 0o1777);
    const { report } = await warm(dir);
    expect(report.cacheTrust.trusted).toBe(true);
    expect(report.backendBuild).toBe('tuned');
  });

  it.skipIf(!asRoot)('a cache dir owned by another user: packaged build (as root: chown to nobody; else scripts/trust-drill-foreign-owner.sh)', async () => {
    const dir = warmDir();
    plantTuned(dir, { sign: true });
    chownSync(dir, NOBODY, NOBODY);
    await expectUntrusted(dir, new RegExp(`owned by uid ${NOBODY}`));
  });

  it.skipIf(!asRoot)('a symlink to the cache dir planted by another user: packaged build', async () => {
    const real = warmDir();
    plantTuned(real, { sign: true });
    const link = path.join(tempDir('links'), 'cache');
    symlinkSync(real, link);
    lchownSync(link, NOBODY, NOBODY);
    await expectUntrusted(link, new RegExp(`symlink owned by uid ${NOBODY}`));
  });

  it("a symlink of this user's to a trusted dir is followed", async () => {
    const real = warmDir();
    plantTuned(real, { sign: true });
    const link = path.join(tempDir('links'), 'cache');
    symlinkSync(real, link);
    const { engine, report } = await warm(link);
    expect(report).toMatchObject({ backendBuild: 'tuned', cacheTrust: { trusted: true } });
    await expectCorrectSma(engine);
  });
});

describe('hostile entries', () => {
  it.skipIf(!hasMkfifo)('FIFO and /dev/zero entries: health() reads none of them, doctor reports them without blocking, warmup goes on', async () => {
    const dir = warmDir();
    const first = await warm(dir);
    const m = (f: string) => path.join(dir, 'manifest', f);
    execFileSync('mkfifo', [m('fifo.json')]);
    symlinkSync('/dev/zero', m('zero.json'));
    const blob = signer(dir).put('blob', 'b'.repeat(64), '.bin', 'x', {});
    rmSync(path.join(dir, blob));
    execFileSync('mkfifo', [path.join(dir, blob)]);
    writeEntry(dir, 'devzero', { key: 'x', file: '/dev/zero', size: 2 ** 40, sha256: 'x' });

    // health(): stats only, artifact states as warmup verified them (a read of the FIFO would block forever).
    const health = first.engine.health();
    expect(health.status).toBe('ok');
    expect(health.cache.artifacts).toEqual([{ name: 'wasm', status: 'hit' }, { name: 'calibration-native-packaged', status: 'hit' }]);

    const doctor = doctorReport({ cacheDir: dir, cacheKey: KEY, env: {} }) as { cache: { name: string; status: string; reason: string }[] };
    const by = Object.fromEntries(doctor.cache.map((c) => [c.name, c]));
    expect(by.fifo).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/not a regular file/) });
    expect(by.zero).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/ELOOP|symbolic link/) });
    expect(by.blob).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/not a regular file/) });
    expect(by.devzero).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/names a path/) });
    expect(by.wasm).toMatchObject({ status: 'valid' });

    const again = await warm(dir);
    expect(again.report.artifacts).toEqual({ hits: 2, misses: 0, rebuilt: 0 });
    await expectCorrectSma(again.engine);
  });

  it('directories squatting on artifact names do not fail a cold warmup', async () => {
    const dir = tempDir('trust');
    const pw = packagedWasm()!;
    const key = wasmArtifactInputs(pw.sha256).key;
    mkdirSync(path.join(dir, `wasm-${key.slice(0, 12)}-${pw.sha256.slice(0, 12)}.wasm`));
    mkdirSync(path.join(dir, 'manifest', 'calibration-native-packaged.json'), { recursive: true });
    const { engine, report } = await warm(dir);
    expect(report.backend).toBe('native');
    await expectCorrectSma(engine);
    const again = await warm(dir);
    expect(again.report.cacheWasWarm).toBe(true);
  });
});

describe('values read from the cache are checked', () => {
  // 4 sources x 147 windows = 588 variants: with honest timings this goes to the pool.
  const bigGrid = { source: ['close', 'open', 'high', 'low'], window: { start: 5, stop: 151 } };

  async function expectPoolAndCorrect(engine: Engine) {
    const r = await engine.compute({ indicator: 'ma.sma', candles, grid: bigGrid, dtype: 'float64' });
    expect(r.variants).toBe(588);
    expect(r.meta.numThreads).toBe(2);
    const v = r.indexOf({ source: 'close', window: 20 });
    for (let i = 19; i < candles.close.length; i += 197) expect(r.at('sma', i, v)).toBeCloseTo(naiveSma(candles.close, 20, i), 9);
  }

  it('tampered calibration (edited file, or a signed entry with absurd values) is rebuilt: no wrong tensor, no inline run', async () => {
    const dir = warmDir();
    await warm(dir, { numThreads: 2 });
    const name = 'calibration-native-packaged';
    const entry = JSON.parse(readFileSync(path.join(dir, 'manifest', `${name}.json`), 'utf8')) as { key: string; file: string; inputs: Record<string, string> };
    const values = JSON.parse(readFileSync(path.join(dir, entry.file), 'utf8')) as Record<string, number>;
    const tiny = JSON.stringify(Object.fromEntries(Object.keys(values).map((k) => [k, 1e-9])));

    // Edited in place (the writer has no key): the entry no longer verifies.
    writeFileSync(path.join(dir, entry.file), tiny);
    const a = await warm(dir, { numThreads: 2 });
    expect(a.report.artifacts.rebuilt).toBe(1);
    expect(a.log.warnings().map((l) => l.obj.artifact)).toEqual([name]);
    await expectPoolAndCorrect(a.engine);

    // Signed but absurd (a non-number, a tiny value): rejected on its contents.
    for (const bad of [JSON.stringify({ ...values, 'ma.sma': 'fast' }), tiny]) {
      signer(dir).put(name, entry.key, '.json', bad, entry.inputs);
      const b = await warm(dir, { numThreads: 2 });
      expect(b.report.artifacts.rebuilt).toBe(1);
      expect(String(b.log.warnings()[0]!.obj.reason)).toMatch(/^calibration for \S+ is ("fast"|1e-9), outside/);
      await expectPoolAndCorrect(b.engine);
    }
  });

  it("a cached wasm that differs from the packaged binary is refused, even signed and with backend 'wasm'", async () => {
    const dir = warmDir();
    const pw = packagedWasm()!;
    // A valid module that differs only by an appended custom section: still not bit-for-bit the packaged one.
    const custom = Buffer.from([0x00, 0x04, 0x03, 0x78, 0x78, 0x78]);
    const tampered = Buffer.concat([pw.bytes, custom]);
    expect(WebAssembly.validate(tampered)).toBe(true);
    const w = wasmArtifactInputs(pw.sha256);
    const file = signer(dir).put('wasm', w.key, '.wasm', tampered, w.inputs);
    const { engine, report, log } = await warm(dir, { backend: 'wasm' });
    expect(report).toMatchObject({ backend: 'wasm', artifacts: { rebuilt: 1 } });
    expect(log.warnings()[0]!.obj.reason).toMatch(/differs from the packaged build/);
    expect(quarantined(dir).some((f) => f.startsWith(file))).toBe(true);
    const now = signer(dir).inspect('wasm');
    expect(now.status).toBe('valid');
    expect(now.bytes!.equals(pw.bytes)).toBe(true);
    await expectCorrectSma(engine);
  });
});

describe('the self-test catches a build wrong only on long inputs', () => {
  it('a kernel off by 1e-6 only past bar 1000 passes a short self-test and fails the long one against the packaged build', () => {
    const packagedBuild = createBackend({ name: 'native', file: null });
    const broken = {
      name: packagedBuild.name,
      kernels: packagedBuild.kernels,
      run(job: Parameters<typeof packagedBuild.run>[0]) {
        packagedBuild.run(job);
        if (job.kernel !== 'ma.ema' || job.t <= 1000) return;
        for (const out of job.outputs) if (out) for (let i = 1000; i < job.t; i++) out[i] = out[i]! * (1 + 1e-6);
      },
    };
    expect(selfTest(broken, packagedBuild)).toBe(selfTest(packagedBuild));
    const e = (() => { try { selfTest(broken, packagedBuild, SELFTEST_LENGTHS); return null; } catch (err) { return err as { code: string; message: string; details: { t: number; bar: number } }; } })();
    expect(e?.code).toBe('WARMUP_FAILED');
    expect(e?.message).toMatch(/ma\.ema output 'ema' .* at bar 1000 of 4099 .* the packaged native build gives/);
    expect(e?.details).toMatchObject({ t: SELFTEST_LENGTHS[1], bar: 1000 });
  });
});

describe('workers never re-read the cache', () => {
  const big = syntheticCandles({ t: 20_000, seed: 9 });

  async function waitFor(cond: () => boolean, what: string) {
    for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
    if (!cond()) throw new Error(`timed out waiting for ${what}`);
  }

  it('cache dir deleted, then a worker replaced: the process survives and the next compute is correct', async () => {
    const dir = warmDir();
    plantTuned(dir, { sign: true });
    const { engine, report } = await warm(dir, { numThreads: 2 });
    expect(report.backendBuild).toBe('tuned');
    rmSync(dir, { recursive: true, force: true });
    await engine.killWorkerForDrill();
    await waitFor(() => engine.health().pool!.threads === 2, 'the replacement worker');
    const r = await expectCorrectSma(engine, big, Array.from({ length: 150 }, (_, i) => i + 2));
    expect(r.meta).toMatchObject({ backend: 'native', numThreads: 2 });
    expect(engine.health()).toMatchObject({ status: 'degraded', cache: { exists: false }, pool: { degraded: null } });
  });

  it("private addon copies of processes that died without cleaning up are removed at the next tuned start; live ones stay", async () => {
    const dead = execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).trim();
    const stale = path.join(os.tmpdir(), `ta-grid-addon-${dead}-test`);
    const live = path.join(os.tmpdir(), `ta-grid-addon-${process.ppid}-test`);
    for (const d of [stale, live]) mkdirSync(d, { recursive: true });
    const dir = warmDir();
    plantTuned(dir, { sign: true });
    const { report } = await warm(dir);
    expect(report.backendBuild).toBe('tuned');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true });
  });

  it('a replacement worker that cannot load its backend falls back, health says degraded, computes stay correct', async () => {
    const dir = warmDir();
    plantTuned(dir, { sign: true });
    const { engine, log } = await warm(dir, { numThreads: 2 });
    // Workers load a private copy of the verified addon, never the cache dir.
    const privateCopy = (engine as unknown as { warm: { spec: { file: string } } }).warm.spec.file;
    expect(path.basename(privateCopy)).toMatch(/^native-tuned-[0-9a-f]{12}-[0-9a-f]{12}\.node$/);
    expect(path.dirname(privateCopy)).not.toContain(dir);
    process.env.TA_GRID_DISABLE_NATIVE = '1'; // seen by workers started from now on: no native build loads there
    await engine.killWorkerForDrill();
    await waitFor(() => engine.health().pool!.degraded !== null, 'the fallback report');
    expect(engine.health().pool!.degraded).toMatch(/runs the wasm backend/);
    expect(engine.health().status).toBe('degraded');
    expect(log.warnings().map((l) => l.msg)).toContain('ta-grid pool worker degraded');
    await expectCorrectSma(engine, big, Array.from({ length: 150 }, (_, i) => i + 2));
  });

  it('a replacement worker with no backend that loads: the pool error is handled and the process survives', async () => {
    const dir = warmDir();
    const { engine } = await warm(dir, { numThreads: 2, backend: 'native' });
    process.env.TA_GRID_DISABLE_NATIVE = '1'; // seen by workers started from now on
    await engine.killWorkerForDrill();
    await waitFor(() => engine.health().pool!.degraded !== null, 'the pool error');
    expect(engine.health().pool!.degraded).toMatch(/pool worker error|no backend loads/);
    expect(engine.health().status).toBe('degraded');
  });
});

describe('shared dirs', () => {
  it('superseded files of an artifact are kept for other processes: the newest few and anything younger than an hour', () => {
    const dir = tempDir('trust');
    const s = signer(dir);
    const put = (i: number) => s.put('calibration-native-packaged', 'c'.repeat(64), '.json', JSON.stringify({ i }), {});
    const files = [1, 2, 3, 4, 5].map(put);
    expect(files.every((f) => existsSync(path.join(dir, f)))).toBe(true);
    const old = (Date.now() - 2 * 3600_000) / 1000;
    for (const f of files.slice(0, 3)) utimesSync(path.join(dir, f), old, old);
    const newest = put(6);
    const left = readdirSync(dir).filter((f) => f.startsWith('calibration-')).sort();
    expect(left).toEqual([files[3], files[4], newest].sort());
  });

  it('two processes with different builds warm one dir at once, twice: all succeed, each keeps its own calibration', async () => {
    const dir = tempDir('shared');
    const script = `
      import { createEngine } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
      const e = await createEngine({ cacheDir: process.env.CACHE_DIR, backend: process.env.BACKEND, numThreads: 1, nativeBuild: 'off', logger: { info() {}, warn() {}, error() {}, debug() {} } });
      const r = await e.warmup();
      const c = await e.compute({ indicator: 'ma.ema', candles: { ts_open: [1, 2, 3], close: [1, 2, 3] }, grid: { window: [2] } });
      console.log(JSON.stringify({ backend: r.backend, last: c.at('ema', 2, 0) }));
      await e.close();`;
    const run = (backend: string) => promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, CACHE_DIR: dir, BACKEND: backend } });
    for (let round = 0; round < 2; round++) {
      const out = await Promise.all(['native', 'wasm'].map(run));
      expect(out.map((o) => JSON.parse(o.stdout))).toEqual([{ backend: 'native', last: 2.5 }, { backend: 'wasm', last: 2.5 }]);
    }
    const states = new ArtifactStore(dir, loadCacheKey(null).key).list();
    expect(states.map((s) => [s.name, s.status]).sort()).toEqual([['calibration-native-packaged', 'valid'], ['calibration-wasm-packaged', 'valid'], ['wasm', 'valid']]);
  });
});

describe('key and default location', () => {
  it('the per-user key file is made 0600 under XDG_STATE_HOME; one others can read is refused, and then nothing persists', async () => {
    const state = tempDir('state');
    process.env.XDG_STATE_HOME = state;
    const dir = tempDir('trust');
    const first = await warm(dir, { cacheKey: undefined });
    expect(first.report.cacheTrust.key).toBe('file');
    const keyFile = path.join(state, 'ta-grid', 'key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(keyFile)).mode & 0o777).toBe(0o700);
    expect((await warm(dir, { cacheKey: undefined })).report.cacheWasWarm).toBe(true);
    // Signed with another key: nothing authenticates.
    expect((await warm(dir)).report.artifacts).toMatchObject({ hits: 0, rebuilt: 2 });
    chmodSync(keyFile, 0o644);
    const refused = await warm(dir, { cacheKey: undefined });
    expect(refused.report.cacheTrust.key).toBe('none');
    expect(refused.log.warnings().map((l) => l.msg)).toEqual(['ta-grid cache key unavailable: nothing is read from or written to the cache dir, using the packaged build']);
    expect(String(refused.log.warnings()[0]!.obj.reason)).toMatch(/mode 644/);
    expect(refused.report).toMatchObject({ cacheWasWarm: false, backendBuild: 'packaged', artifacts: { hits: 0, misses: 0, rebuilt: 0 } });
    await expectCorrectSma(refused.engine);
  });

  it('the default cache dir is per-user ($XDG_CACHE_HOME/ta-grid, else ~/.cache/ta-grid), never under the working directory', () => {
    process.env.XDG_CACHE_HOME = '/srv/xdg-cache';
    expect(resolveConfig({ env: {} }).config.cacheDir).toBe('/srv/xdg-cache/ta-grid');
    process.env.XDG_CACHE_HOME = 'relative/ignored';
    expect(resolveConfig({ env: {} }).config.cacheDir).toBe(path.join(os.homedir(), '.cache', 'ta-grid'));
    delete process.env.XDG_CACHE_HOME;
    expect(resolveConfig({ env: {} }).config.cacheDir).toBe(path.join(os.homedir(), '.cache', 'ta-grid'));
    expect(resolveConfig({ env: {} }).origins.cacheDir).toBe('default');
  });

  it('the cache key comes from the option or TA_GRID_CACHE_KEY and is never logged or shown', async () => {
    const fromEnv = resolveConfig({ env: { TA_GRID_CACHE_KEY: KEY } });
    expect(fromEnv.config.cacheKey).toBe(KEY);
    expect(fromEnv.origins.cacheKey).toBe('env');
    const short = await failure(() => resolveConfig({ env: { TA_GRID_CACHE_KEY: 'short' } }));
    expect(short.code).toBe('INVALID_CONFIG');
    expect(JSON.stringify(short)).not.toContain('short"');
    const log = capture();
    await createEngine(testEngineOptions({ cacheKey: KEY, logger: log.logger }));
    expect(JSON.stringify(log.lines)).not.toContain(KEY);
    expect(JSON.stringify(doctorReport({ cacheDir: tempDir('trust'), cacheKey: KEY, env: {} }))).not.toContain(KEY);
  });
});
