import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, loadBackend, type Backend, type BackendName, type BackendSpec, type LoadedBackend } from '../backends/index.js';
import { packagedAddonPath } from '../backends/native.js';
import { TaGridError, WarmupError } from '../errors.js';
import { PoolExecutor } from '../pool/pool.js';
import {
  TUNED_NAME, buildTuned, calibrate, calibrationKey, packagedWasm, parseCalibration, startTunedBuildInBackground, tunedBuildPlan,
  wasmArtifactInputs, type Calibration,
} from './artifacts.js';
import { ArtifactStore, artifactFilePattern, ensureWritable, sha256 } from './cache.js';
import { cacheDirTrustProblem, loadCacheKey, type CacheKey } from './trust.js';
import type { EffectiveConfig } from './config.js';
import type { Logger } from './logger.js';
import { SELFTEST_LENGTHS, selfTest } from './selftest.js';

/**
 * One rung of the load order (host-tuned build, packaged prebuild,
 * WebAssembly): used, or why not and how to get it.
 */
export interface LoadStep {
  build: 'tuned' | 'prebuild' | 'wasm';
  /** 'available': loadable but not used (only in `ta-grid doctor`, which loads nothing from the cache). */
  status: 'used' | 'available' | 'skipped' | 'unavailable';
  reason: string | null;
  fix: string | null;
}

export interface WarmupReport {
  warmupSeconds: number;
  numThreadsEffective: number;
  cacheDir: string;
  backend: BackendName;
  /** Which build runs: the packaged one (prebuild or wasm), or the host-tuned artifact. */
  backendBuild: 'packaged' | 'tuned';
  /** Why 'auto' ended on wasm, when it did. */
  backendFallback: string | null;
  /** State of the host-tuned native build. */
  tunedBuild: 'hit' | 'built' | 'building' | 'off' | 'not-applicable' | string;
  /** The load order as it went, first rung to the one used. */
  load: LoadStep[];
  /** Whether native code and calibration may be read from the cache dir, and the signing key's origin. */
  cacheTrust: { trusted: boolean; problem: string | null; key: CacheKey['source'] };
  artifacts: { hits: number; misses: number; rebuilt: number };
  kernels: { checked: number; ok: boolean };
  cacheWasWarm: boolean;
  /** Output memory mapped and touched on the pool's threads for the first call (reserveOutputBytes), 0 for none. */
  reservedOutputBytes: number;
}

export interface WarmState {
  report: WarmupReport;
  /** The main thread's backend, for requests too small to be worth a worker round trip. */
  inline: Backend;
  pool: PoolExecutor;
  calibration: Calibration;
  spec: BackendSpec;
  /** Artifact states seen at warmup, for health() (which does no I/O on them). */
  artifacts: { name: string; status: string }[];
}

/** How to get the faster build, per reason a rung of the load order was passed over. */
export const LOAD_FIX = {
  trust: 'make the cache dir owned by the service user and writable by nobody else (chmod 700; in containers mount the volume owned by that user)',
  tuned: "set nativeBuild: 'background' (TA_GRID_NATIVE_BUILD) with a C++ compiler present, or run `npx ta-grid warmup` once",
  prebuild: 'install a ta-grid package with a prebuild for this platform, or build the addon from source (npm run build:native)',
} as const;

/** Private copies of tuned addons, removed when the process exits. */
const privateDirs = new Set<string>();
let exitHookSet = false;
const PRIVATE_COPY_DIR = /^ta-grid-addon-(\d+)-/;

/** Removes private copies left by processes of this user that were killed before their exit hook ran. */
function removeStaleCopies(): void {
  const uid = process.geteuid?.();
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(PRIVATE_COPY_DIR.exec(name)?.[1] ?? process.pid);
    if (pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // still running
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') continue;
    }
    const dir = path.join(os.tmpdir(), name);
    try {
      const st = lstatSync(dir);
      if (st.isDirectory() && (uid === undefined || st.uid === uid)) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone already.
    }
  }
}

/**
 * Writes verified addon bytes to a private 0700 temp dir: the main thread
 * and every worker (also replacements, much later) load this copy, so
 * nothing written to the cache dir after verification is ever loaded.
 */
function privateAddonCopy(bytes: Uint8Array, name: string): string {
  removeStaleCopies();
  const dir = mkdtempSync(path.join(os.tmpdir(), `ta-grid-addon-${process.pid}-`));
  privateDirs.add(dir);
  if (!exitHookSet) {
    exitHookSet = true;
    process.once('exit', () => { for (const d of privateDirs) rmSync(d, { recursive: true, force: true }); });
  }
  const file = path.join(dir, name);
  writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
  return file;
}

function tryBackend(spec: BackendSpec): Backend | undefined {
  try {
    return createBackend(spec);
  } catch {
    return undefined;
  }
}

/** Identifies the running build for the calibration key. */
function buildId(spec: BackendSpec, tunedSha: string | null, wasmSha: string | null): string {
  if (tunedSha) return tunedSha;
  if (spec.name === 'wasm') return wasmSha ?? 'packaged-wasm';
  try {
    return sha256(readFileSync(packagedAddonPath()));
  } catch {
    return 'packaged-native';
  }
}

/**
 * The host-tuned native build: only from a trusted dir, only an
 * authenticated entry, never when nativeBuild is 'off'. A verified one is
 * copied to a private file to load; a missing one is built now ('wait') or
 * in a background process; `step` says why none is used.
 */
function findTuned(
  config: EffectiveConfig, store: ArtifactStore | null, cacheKey: CacheKey, trustProblem: string | null, nativeAllowed: boolean, logger: Logger,
): { tuned: { file: string; sha256: string } | null; tunedBuild: WarmupReport['tunedBuild']; step: LoadStep | null } {
  const none = (tunedBuild: string, status: LoadStep['status'], reason: string, fix: string | null) =>
    ({ tuned: null, tunedBuild, step: { build: 'tuned' as const, status, reason, fix } });
  if (!nativeAllowed) return none('not-applicable', 'skipped', config.backend === 'wasm' ? "backend 'wasm' chosen" : 'disabled by TA_GRID_DISABLE_NATIVE=1', null);
  if (config.nativeBuild === 'off') return none('off', 'skipped', "nativeBuild is 'off'", LOAD_FIX.tuned);
  if (!store) {
    return trustProblem
      ? none('untrusted cache dir', 'skipped', `cache dir not trusted: ${trustProblem}`, LOAD_FIX.trust)
      : none('no cache key', 'skipped', `cache key unavailable: ${cacheKey.problem}`, 'fix the key file or set TA_GRID_CACHE_KEY');
  }
  const plan = tunedBuildPlan();
  const hit = store.lookup(TUNED_NAME, plan.key, { file: artifactFilePattern(TUNED_NAME, '.node') });
  let found: { bytes: Buffer; file: string } | null = null;
  let tunedBuild: WarmupReport['tunedBuild'];
  if (hit.status === 'valid') {
    store.counts.hits++;
    found = { bytes: hit.bytes!, file: hit.entry!.file };
    tunedBuild = 'hit';
  } else {
    if (hit.status === 'invalid') {
      store.counts.rebuilt++;
      logger.warn({ artifact: TUNED_NAME, reason: hit.reason }, 'ta-grid cache artifact failed verification: quarantined, never loaded');
    } else if (!plan.unavailable) {
      store.counts.misses++;
    }
    if (plan.unavailable) {
      tunedBuild = `unavailable: ${plan.unavailable}`;
    } else if (config.nativeBuild === 'wait') {
      try {
        found = buildTuned(store, plan);
        tunedBuild = 'built';
      } catch (e) {
        tunedBuild = `failed: ${(e as Error).message.split('\n')[0]}`;
      }
    } else {
      tunedBuild = startTunedBuildInBackground(config.cacheDir, cacheKey) ? 'building' : 'building (another process)';
    }
  }
  if (found) {
    try {
      return { tuned: { file: privateAddonCopy(found.bytes, found.file), sha256: sha256(found.bytes) }, tunedBuild, step: null };
    } catch (e) {
      tunedBuild = `failed: private copy: ${(e as Error).message}`;
    }
  }
  return none(tunedBuild, 'unavailable', tunedBuild.startsWith('building') ? 'being built in the background; the next start uses it' : tunedBuild, LOAD_FIX.tuned);
}

/**
 * Kernel timings: from the cache when authentic and plausible, else measured
 * (and stored when the dir is trusted).
 */
async function resolveCalibration(
  store: ArtifactStore | null, loaded: LoadedBackend, tunedSha: string | null, wasmSha: string | null,
  note: (name: string, r: { status: string; reason?: string; unstored?: string }) => void,
): Promise<Calibration> {
  if (!store) return calibrate(loaded.backend);
  const cal = calibrationKey(loaded.spec.name, tunedSha ? 'tuned' : 'packaged', buildId(loaded.spec, tunedSha, wasmSha));
  const r = await store.resolve(cal.name, cal.key, '.json', cal.inputs, async () => JSON.stringify(calibrate(loaded.backend)), {
    accept: (bytes) => { const p = parseCalibration(bytes); return 'problem' in p ? p.problem : null; },
  });
  note(cal.name, r);
  const parsed = parseCalibration(r.bytes);
  return 'calibration' in parsed ? parsed.calibration : calibrate(loaded.backend);
}

/**
 * The replacement for Numba's JIT warmup and cache_dir: check the cache dir
 * (writable, then trusted), verify or build the artifacts, load the backend
 * in the load order (host-tuned, packaged prebuild, wasm) and self-test it
 * against the packaged build, spawn every worker (each loads the verified
 * backend and runs the self-test), calibrate, and log one line.
 */
export async function warmup(config: EffectiveConfig, logger: Logger, prepare: PrepareOutputs = async () => 0): Promise<WarmState> {
  try {
    return await warmupOnce(config, logger, prepare);
  } catch (e) {
    if (e instanceof TaGridError) throw e;
    // Anything else (an I/O error on the cache dir, a broken package file) still gets a code and a fix.
    const cause = (e as NodeJS.ErrnoException).code ?? (e as Error).name;
    throw new WarmupError(`warmup failed: ${(e as Error).message}; run \`npx ta-grid doctor\` to see the cache dir and backends, fix what it reports or remove the cache dir`, { cacheDir: config.cacheDir, cause });
  }
}

/**
 * Runs once every worker has started, before the report: prepares output
 * memory for the first call on the backend and pool just started; resolves
 * to the bytes prepared.
 */
export type PrepareOutputs = (inline: Backend, pool: PoolExecutor) => Promise<number>;

async function warmupOnce(config: EffectiveConfig, logger: Logger, prepare: PrepareOutputs): Promise<WarmState> {
  const started = performance.now();
  ensureWritable(config.cacheDir);
  const trustProblem = cacheDirTrustProblem(config.cacheDir);
  const cacheKey = loadCacheKey(config.cacheKey);
  if (trustProblem) {
    logger.warn({ cache_dir: config.cacheDir, reason: trustProblem, fix: LOAD_FIX.trust }, 'ta-grid cache dir not trusted: nothing is loaded from it, using the packaged build');
  } else if (cacheKey.problem) {
    logger.warn({ reason: cacheKey.problem }, 'ta-grid cache key unavailable: nothing is read from or written to the cache dir, using the packaged build');
  }
  // Without trust in the dir, or without a key to authenticate entries, the cache is not used at all.
  const store = trustProblem || cacheKey.source === 'none' ? null : new ArtifactStore(config.cacheDir, cacheKey.key);
  const artifacts: WarmState['artifacts'] = [];
  const noteArtifact = (name: string, r: { status: string; reason?: string; unstored?: string }) => {
    artifacts.push({ name, status: r.status });
    if (r.status === 'rebuilt' && r.reason !== 'inputs changed') logger.warn({ artifact: name, reason: r.reason }, 'ta-grid cache artifact failed verification: quarantined and rebuilt');
    if (r.unstored) logger.warn({ artifact: name, reason: r.unstored }, 'ta-grid cache artifact could not be stored; used from memory');
  };

  // WebAssembly: the packaged binary, or a cached copy identical to it bit for bit.
  const packaged = packagedWasm();
  let wasmModule: WebAssembly.Module | undefined;
  if (packaged) {
    let bytes = packaged.bytes;
    if (store) {
      const w = wasmArtifactInputs(packaged.sha256);
      const r = await store.resolve('wasm', w.key, '.wasm', w.inputs, async () => packaged.bytes, { sha256: packaged.sha256 });
      noteArtifact('wasm', r);
      bytes = r.bytes;
    }
    try {
      wasmModule = new WebAssembly.Module(bytes);
    } catch (e) {
      logger.warn({ err: (e as Error).message }, 'ta-grid packaged WebAssembly binary does not compile; reinstall the package');
    }
  }

  const nativeAllowed = config.backend !== 'wasm' && process.env.TA_GRID_DISABLE_NATIVE !== '1';
  const load: LoadStep[] = [];
  const skip = (build: LoadStep['build'], status: LoadStep['status'], reason: string, fix: string | null) => load.push({ build, status, reason, fix });
  let { tuned, tunedBuild, step } = findTuned(config, store, cacheKey, trustProblem, nativeAllowed, logger);
  if (step) load.push(step);

  // Load order: tuned (self-tested against the packaged build), else packaged prebuild, else wasm.
  // Each pool is made as soon as its backend is chosen, so workers boot while this thread self-tests and calibrates.
  const packagedNative = nativeAllowed ? tryBackend({ name: 'native', file: null }) : undefined;
  const wasmSpec: BackendSpec = { name: 'wasm', file: null, module: wasmModule };
  const makePool = (spec: BackendSpec): PoolExecutor => {
    // Where a worker whose backend does not load falls back to (a replacement worker, much later).
    const fallbacks: BackendSpec[] = [];
    if (spec.file && packagedNative) fallbacks.push({ name: 'native', file: null });
    if (spec.name === 'native' && config.backend === 'auto' && wasmModule) fallbacks.push(wasmSpec);
    return new PoolExecutor(spec, config.numThreads, fallbacks, (reason) => logger.warn({ reason }, 'ta-grid pool worker degraded'));
  };
  let loaded: LoadedBackend | null = null;
  let pool: PoolExecutor | null = null;
  let checked = 0;
  if (tuned) {
    const spec: BackendSpec = { name: 'native', file: tuned.file };
    try {
      const backend = createBackend(spec);
      pool = makePool(spec);
      checked = selfTest(backend, packagedNative ?? tryBackend(wasmSpec), SELFTEST_LENGTHS);
      loaded = { backend, spec };
      load.push({ build: 'tuned', status: 'used', reason: null, fix: null });
    } catch (e) {
      // A tuned build that does not load or fails the self-test is quarantined; the packaged build takes over.
      await pool?.close();
      pool = null;
      store!.quarantine(store!.inspect(TUNED_NAME));
      store!.counts.rebuilt++;
      tunedBuild = 'quarantined';
      skip('tuned', 'unavailable', `failed its check and was quarantined: ${(e as Error).message}`, LOAD_FIX.tuned);
      tuned = null;
    }
  }
  if (!loaded) {
    loaded = loadBackend(config.backend, wasmModule);
    pool = makePool(loaded.spec);
    if (loaded.spec.name === 'native') load.push({ build: 'prebuild', status: 'used', reason: null, fix: null });
    else {
      const fell = loaded.fallbackReason;
      skip('prebuild', fell ? 'unavailable' : 'skipped', fell ?? load[0]!.reason!, fell ? LOAD_FIX.prebuild : null);
      load.push({ build: 'wasm', status: 'used', reason: null, fix: null });
    }
    // One line per fallback, saying why and how to get the faster build.
    const tunedStep = load[0]!;
    if (nativeAllowed && store && tunedStep.build === 'tuned' && tunedStep.status !== 'used') {
      const failed = /^(failed|quarantined)/.test(tunedStep.reason ?? '');
      logger[failed ? 'warn' : 'info']({ reason: tunedStep.reason, fix: tunedStep.fix }, `ta-grid host-tuned build not used, using the ${loaded.spec.name === 'native' ? 'packaged prebuild' : 'wasm backend'}`);
    }
    if (loaded.fallbackReason) logger.warn({ reason: loaded.fallbackReason, fix: LOAD_FIX.prebuild }, 'ta-grid native backend unavailable, using wasm');
    try {
      checked = selfTest(loaded.backend, loaded.spec.name === 'native' ? tryBackend(wasmSpec) : packagedNative);
    } catch (e) {
      await pool.close();
      throw e;
    }
  }
  const running = pool!;

  let calibration: Calibration;
  try {
    calibration = await resolveCalibration(store, loaded, tuned?.sha256 ?? null, packaged?.sha256 ?? null, noteArtifact);
  } catch (e) {
    await running.close();
    throw e;
  }
  let workerIds: number[];
  try {
    workerIds = await running.start();
  } catch (e) {
    await running.close();
    throw e;
  }
  if (workerIds.length === 0) {
    await running.close();
    throw new WarmupError('no pool worker answered the self-test', {});
  }
  let reservedOutputBytes: number;
  try {
    reservedOutputBytes = await prepare(loaded.backend, running);
  } catch (e) {
    await running.close();
    throw new WarmupError(`reserving ${config.reserveOutputBytes} bytes of output memory failed: ${(e as Error).message}; lower reserveOutputBytes or free memory`, { reserveOutputBytes: config.reserveOutputBytes, cause: (e as Error).message });
  }
  const counts = store?.counts ?? { hits: 0, misses: 0, rebuilt: 0 };
  const report: WarmupReport = {
    warmupSeconds: (performance.now() - started) / 1000,
    numThreadsEffective: running.threads,
    cacheDir: config.cacheDir,
    backend: loaded.spec.name,
    backendBuild: tuned ? 'tuned' : 'packaged',
    backendFallback: loaded.fallbackReason ?? null,
    tunedBuild,
    load,
    cacheTrust: { trusted: !trustProblem, problem: trustProblem, key: cacheKey.source },
    artifacts: { ...counts },
    kernels: { checked, ok: true },
    cacheWasWarm: !!store && counts.misses === 0 && counts.rebuilt === 0,
    reservedOutputBytes,
  };
  logger.info({
    warmup_seconds: Number(report.warmupSeconds.toFixed(4)), num_threads_effective: report.numThreadsEffective, cache_dir: report.cacheDir,
    backend: report.backend, backend_build: report.backendBuild, tuned_build: report.tunedBuild, cache_trusted: report.cacheTrust.trusted,
    artifact_hits: report.artifacts.hits, artifact_misses: report.artifacts.misses, artifact_rebuilt: report.artifacts.rebuilt,
    reserved_output_bytes: reservedOutputBytes,
  }, 'ta-grid warmup complete');
  return { report, inline: loaded.backend, pool: running, calibration, spec: loaded.spec, artifacts };
}

export interface CacheHealth {
  dir: string;
  exists: boolean;
  /** Re-checked on every call (stats only, no file is opened or hashed). */
  trusted: boolean;
  problem: string | null;
  /** As verified at warmup; `ta-grid doctor` verifies them again. */
  artifacts: { name: string; status: string }[];
}

/** The cache part of health(): a few stats, nothing hashed or read. */
export function cacheHealth(dir: string, warm: WarmState | null): CacheHealth {
  const exists = existsSync(dir);
  const problem = exists ? cacheDirTrustProblem(dir) : null;
  return { dir, exists, trusted: exists && !problem, problem, artifacts: warm?.artifacts ?? [] };
}
