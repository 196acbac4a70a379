import { createBackend, type BackendName } from '../backends/index.js';
import { createEngine } from '../engine/engine.js';
import { hugePageProbe } from '../engine/outputs.js';
import { cpuFeatures, tunedBuildPlan } from '../runtime/artifacts.js';
import { ArtifactStore } from '../runtime/cache.js';
import { resolveConfig, type EngineOptions } from '../runtime/config.js';
import { defaultLogger, silentLogger } from '../runtime/logger.js';

export type CommonOptions = Pick<EngineOptions, 'backend' | 'numThreads' | 'cacheDir' | 'configFile'>;

/** `ta-grid warmup`: prepare the cache dir (a deploy step), building the host-tuned addon now. */
export async function runWarmup(o: CommonOptions & { json?: boolean }): Promise<void> {
  const engine = await createEngine({ nativeBuild: 'wait', ...o, logger: o.json ? silentLogger : defaultLogger(process.env.TA_GRID_LOG_LEVEL ?? 'warn') });
  try {
    const report = await engine.warmup();
    if (o.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`warmup ok in ${report.warmupSeconds.toFixed(3)} s: backend ${report.backend} (${report.backendBuild} build), ${report.numThreadsEffective} workers, ${report.kernels.checked} kernels self-tested`);
      console.log(`cache ${report.cacheDir}: ${report.cacheWasWarm ? 'warm' : 'cold'} (hits ${report.artifacts.hits}, misses ${report.artifacts.misses}, rebuilt ${report.artifacts.rebuilt}); host-tuned build: ${report.tunedBuild}`);
    }
  } finally {
    await engine.close();
  }
}

const INTERESTING_FLAGS = ['sse4_2', 'avx', 'avx2', 'fma', 'avx512f', 'avx512vl', 'neon', 'asimd'];

/** `ta-grid doctor`: effective config and origins, backends, CPU, compiler, cache contents and their state. */
export function doctorReport(o: CommonOptions): Record<string, unknown> {
  const { config, origins } = resolveConfig(o);
  const backends: Record<string, string> = {};
  let native: unknown = null;
  for (const name of ['native', 'wasm'] as BackendName[]) {
    try {
      const b = createBackend({ name, file: null });
      if (name === 'native') native = b;
      backends[name] = 'ok';
    } catch (e) {
      backends[name] = `unavailable: ${(e as Error).message}`;
    }
  }
  const cpu = cpuFeatures();
  const plan = tunedBuildPlan();
  const store = new ArtifactStore(config.cacheDir);
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    config: { ...config, indicatorGrids: Object.keys(config.indicatorGrids) },
    origins,
    backends,
    cpu: { model: cpu.model, features: cpu.flags.filter((f) => INTERESTING_FLAGS.includes(f)), featureHash: cpu.hash },
    tunedBuild: { compiler: plan.compiler, key: plan.key.slice(0, 16), unavailable: plan.unavailable, cached: store.lookup('native-tuned', plan.key) !== null },
    hugePages: hugePageProbe(native),
    cache: store.list().map((s) => ({ name: s.name, status: s.status, file: s.entry?.file ?? null, size: s.entry?.size ?? null, createdAt: s.entry?.createdAt ?? null, reason: s.reason ?? null })),
  };
}
