import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createBackend, loadBackend, type Backend, type BackendChoice, type BackendName, type BackendSpec } from '../backends/index.js';
import { WASM_PATH } from '../backends/paths.js';
import { TaGridError, WarmupError } from '../errors.js';
import { PoolExecutor } from '../pool/pool.js';
import {
  buildTuned, calibrate, calibrationKey, startTunedBuildInBackground, tunedBuildPlan, wasmArtifactInputs, type Calibration,
} from './artifacts.js';
import { ArtifactStore, ensureWritable, sha256File } from './cache.js';
import type { EffectiveConfig } from './config.js';
import type { Logger } from './logger.js';
import { selfTest } from './selftest.js';

export interface WarmupReport {
  warmupSeconds: number;
  numThreadsEffective: number;
  cacheDir: string;
  backend: BackendName;
  /** Which build runs: the packaged one, or the host-tuned artifact. */
  backendBuild: 'packaged' | 'tuned';
  backendFallback: string | null;
  /** State of the host-tuned native build. */
  tunedBuild: 'hit' | 'built' | 'building' | 'off' | 'not-applicable' | string;
  artifacts: { hits: number; misses: number; rebuilt: number };
  kernels: { checked: number; ok: boolean };
  cacheWasWarm: boolean;
}

export interface WarmState {
  report: WarmupReport;
  /** The main thread's backend, for requests too small to be worth a worker round trip. */
  inline: Backend;
  pool: PoolExecutor;
  calibration: Calibration;
  spec: BackendSpec;
}

function otherBackend(spec: BackendSpec, wasmFile: string | undefined): Backend | undefined {
  try {
    return spec.name === 'native' ? createBackend({ name: 'wasm', file: wasmFile ?? null }) : createBackend({ name: 'native', file: null });
  } catch {
    return undefined;
  }
}

/**
 * The replacement for Numba's JIT warmup and cache_dir: check the cache dir,
 * verify or build the artifacts, load and self-test the backend, spawn every
 * worker (each loads the backend and runs the self-test), calibrate, and log
 * one line.
 */
export async function warmup(config: EffectiveConfig, logger: Logger): Promise<WarmState> {
  const started = performance.now();
  ensureWritable(config.cacheDir);
  const store = new ArtifactStore(config.cacheDir);

  const files: Partial<Record<BackendName, string>> = {};
  if (existsSync(WASM_PATH)) {
    const w = wasmArtifactInputs();
    files.wasm = (await store.resolve('wasm', w.key, '.wasm', w.inputs, async () => readFileSync(WASM_PATH))).file;
  }

  let tunedBuild: WarmupReport['tunedBuild'] = 'not-applicable';
  if (config.backend !== 'wasm' && process.env.TA_GRID_DISABLE_NATIVE !== '1') {
    const plan = tunedBuildPlan();
    const hit = store.lookup('native-tuned', plan.key);
    if (hit) {
      store.counts.hits++;
      files.native = hit.file;
      tunedBuild = 'hit';
    } else if (config.nativeBuild === 'off') {
      tunedBuild = 'off';
    } else if (plan.unavailable) {
      tunedBuild = `unavailable: ${plan.unavailable}`;
    } else if (config.nativeBuild === 'wait') {
      store.counts.misses++;
      try {
        files.native = buildTuned(store, plan);
        tunedBuild = 'built';
      } catch (e) {
        tunedBuild = `failed: ${(e as Error).message.split('\n')[0]}`;
        logger.warn({ err: (e as Error).message }, 'ta-grid host-tuned build failed; using the packaged build');
      }
    } else {
      store.counts.misses++;
      tunedBuild = startTunedBuildInBackground(config.cacheDir) ? 'building' : 'building (another process)';
    }
  }

  let loaded = loadBackend(config.backend as BackendChoice, files);
  if (loaded.fallbackReason) logger.warn({ reason: loaded.fallbackReason }, 'ta-grid native backend unavailable, using wasm');
  let checked: number;
  try {
    checked = selfTest(loaded.backend, otherBackend(loaded.spec, files.wasm));
  } catch (e) {
    if (!(e instanceof TaGridError) || !loaded.spec.file || loaded.spec.name !== 'native') throw e;
    // A tuned build that loads but fails the self-test is quarantined; the packaged build takes over.
    logger.warn({ err: e.message, file: loaded.spec.file }, 'ta-grid host-tuned build failed the self-test; quarantined');
    store.quarantine(store.inspect('native-tuned'));
    store.counts.rebuilt++;
    delete files.native;
    tunedBuild = 'quarantined';
    loaded = loadBackend(loaded.spec.name, files);
    checked = selfTest(loaded.backend, otherBackend(loaded.spec, files.wasm));
  }

  const buildId = loaded.spec.file ? sha256File(loaded.spec.file) : `packaged-${loaded.spec.name}`;
  const ck = calibrationKey(loaded.spec, buildId);
  const cal = await store.resolve(`calibration-${loaded.spec.name}`, ck.key, '.json', ck.inputs, async () => JSON.stringify(calibrate(loaded.backend)));
  const calibration = JSON.parse(readFileSync(cal.file, 'utf8')) as Calibration;

  const pool = new PoolExecutor(loaded.spec, config.numThreads);
  let workerIds: number[];
  try {
    workerIds = await pool.start();
  } catch (e) {
    await pool.close();
    throw e;
  }
  const report: WarmupReport = {
    warmupSeconds: (performance.now() - started) / 1000,
    numThreadsEffective: pool.threads,
    cacheDir: config.cacheDir,
    backend: loaded.spec.name,
    backendBuild: loaded.spec.file && loaded.spec.name === 'native' ? 'tuned' : 'packaged',
    backendFallback: loaded.fallbackReason ?? null,
    tunedBuild,
    artifacts: { ...store.counts },
    kernels: { checked, ok: true },
    cacheWasWarm: store.counts.misses === 0 && store.counts.rebuilt === 0,
  };
  if (workerIds.length === 0) throw new WarmupError('no pool worker answered the self-test', {});
  logger.info({
    warmup_seconds: Number(report.warmupSeconds.toFixed(4)), num_threads_effective: report.numThreadsEffective, cache_dir: report.cacheDir,
    backend: report.backend, backend_build: report.backendBuild, tuned_build: report.tunedBuild,
    artifact_hits: report.artifacts.hits, artifact_misses: report.artifacts.misses, artifact_rebuilt: report.artifacts.rebuilt,
  }, 'ta-grid warmup complete');
  return { report, inline: loaded.backend, pool, calibration, spec: loaded.spec };
}
