import { existsSync } from 'node:fs';
import { createBackend, type Backend } from '../backends/index.js';
import { packagedAddonPath } from '../backends/native.js';
import { createEngine } from '../engine/engine.js';
import { hugePageProbe } from '../engine/outputs.js';
import { TUNED_NAME, cpuFeatures, tunedBuildPlan } from '../runtime/artifacts.js';
import { ArtifactStore, artifactFilePattern } from '../runtime/cache.js';
import { cacheDirTrustProblem, loadCacheKey } from '../runtime/trust.js';
import { printableConfig, resolveConfig, type EngineOptions } from '../runtime/config.js';
import { LOAD_FIX, type LoadStep } from '../runtime/warmup.js';
import { defaultLogger, silentLogger } from '../runtime/logger.js';

export type CommonOptions = Pick<EngineOptions, 'backend' | 'numThreads' | 'cacheDir' | 'configFile'>;

/** `ta-grid warmup`: prepare the cache dir (a deploy step), building the host-tuned addon now. */
export async function runWarmup(o: CommonOptions & { json?: boolean }): Promise<void> {
  const { json, ...engineOptions } = o;
  const engine = await createEngine({ nativeBuild: 'wait', ...engineOptions, logger: json ? silentLogger : defaultLogger(process.env.TA_GRID_LOG_LEVEL ?? 'warn') });
  try {
    const report = await engine.warmup();
    if (json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`warmup ok in ${report.warmupSeconds.toFixed(3)} s: backend ${report.backend} (${report.backendBuild} build), ${report.numThreadsEffective} workers, ${report.kernels.checked} kernels self-tested`);
      console.log(`cache ${report.cacheDir}: ${report.cacheWasWarm ? 'warm' : 'cold'} (hits ${report.artifacts.hits}, misses ${report.artifacts.misses}, rebuilt ${report.artifacts.rebuilt}); host-tuned build: ${report.tunedBuild}`);
      if (!report.cacheTrust.trusted) console.log(`cache dir not trusted: ${report.cacheTrust.problem}`);
      console.log(`load order: ${report.load.map((s) => `${s.build} ${s.status}${s.reason ? ` (${s.reason})` : ''}`).join(' -> ')}`);
    }
  } finally {
    await engine.close();
  }
}

const INTERESTING_FLAGS = ['sse4_2', 'avx', 'avx2', 'fma', 'avx512f', 'avx512vl', 'neon', 'asimd'];

/**
 * `ta-grid doctor`: effective config and origins, cache dir trust and key,
 * the load order (host-tuned, packaged prebuild, wasm: which one warmup
 * would use and why not the faster ones), CPU, compiler, and every artifact
 * in the cache dir verified (authenticated, read as a bounded regular file,
 * hashed). Reads only; moves, creates or loads nothing from the cache dir.
 */
export function doctorReport(o: CommonOptions & Pick<EngineOptions, 'cacheKey' | 'nativeBuild' | 'env'>): Record<string, unknown> {
  const { config, origins } = resolveConfig(o);
  const cpu = cpuFeatures();
  const plan = tunedBuildPlan();
  const exists = existsSync(config.cacheDir);
  const trustProblem = exists ? cacheDirTrustProblem(config.cacheDir) : null;
  const key = loadCacheKey(config.cacheKey, undefined, { create: false });
  const store = new ArtifactStore(config.cacheDir, key.key);

  const load: LoadStep[] = [];
  const nativeAllowed = config.backend !== 'wasm';
  const tuned = store.inspect(TUNED_NAME, plan.key, { file: artifactFilePattern(TUNED_NAME, '.node') });
  if (!nativeAllowed) load.push({ build: 'tuned', status: 'skipped', reason: "backend 'wasm' chosen", fix: null });
  else if (config.nativeBuild === 'off') load.push({ build: 'tuned', status: 'skipped', reason: "nativeBuild is 'off'", fix: LOAD_FIX.tuned });
  else if (trustProblem) load.push({ build: 'tuned', status: 'skipped', reason: `cache dir not trusted: ${trustProblem}`, fix: LOAD_FIX.trust });
  else if (tuned.status === 'valid') load.push({ build: 'tuned', status: 'available', reason: null, fix: null });
  else load.push({ build: 'tuned', status: 'unavailable', reason: plan.unavailable ?? `${tuned.status}${tuned.reason ? `: ${tuned.reason}` : ''}`, fix: LOAD_FIX.tuned });
  let prebuild: string | null = null;
  let native: Backend | null = null;
  if (!nativeAllowed) load.push({ build: 'prebuild', status: 'skipped', reason: "backend 'wasm' chosen", fix: null });
  else {
    try {
      native = createBackend({ name: 'native', file: null });
      prebuild = packagedAddonPath();
      load.push({ build: 'prebuild', status: 'available', reason: null, fix: null });
    } catch (e) {
      load.push({ build: 'prebuild', status: 'unavailable', reason: (e as Error).message, fix: LOAD_FIX.prebuild });
    }
  }
  try {
    createBackend({ name: 'wasm', file: null });
    load.push({ build: 'wasm', status: 'available', reason: null, fix: null });
  } catch (e) {
    load.push({ build: 'wasm', status: 'unavailable', reason: (e as Error).message, fix: 'reinstall the package' });
  }
  const first = load.find((s) => s.status === 'available');
  if (first) first.status = 'used';

  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    config: printableConfig(config),
    origins,
    load,
    prebuild,
    cacheDir: {
      dir: config.cacheDir, exists, trusted: exists && !trustProblem, problem: trustProblem,
      key: { source: key.source, file: key.file, problem: key.problem },
    },
    cpu: { model: cpu.model, features: cpu.flags.filter((f) => INTERESTING_FLAGS.includes(f)), featureHash: cpu.hash },
    tunedBuild: { compiler: plan.compiler, key: plan.key.slice(0, 16), unavailable: plan.unavailable, cached: tuned.status },
    hugePages: hugePageProbe(native),
    cache: store.list().map((s) => ({ name: s.name, status: s.status, file: s.entry?.file ?? null, size: s.entry?.size ?? null, createdAt: s.entry?.createdAt ?? null, reason: s.reason ?? null })),
  };
}
