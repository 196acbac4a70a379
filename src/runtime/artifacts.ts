import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Backend, BackendName } from '../backends/index.js';
import { PACKAGE_ROOT, WASM_PATH } from '../backends/paths.js';
import { kernelValue } from '../indicators/params.js';
import { INDICATORS, isSourceInput } from '../registry/index.js';
import { ArtifactStore, sha256 } from './cache.js';
import type { CacheKey } from './trust.js';
import { selfTestCandles, selfTestParams } from './selftest.js';

const require = createRequire(import.meta.url);

/** Flags of the host-tuned addon; the installed build is the portable -O3 one. */
export const TUNED_FLAGS = ['-std=c++17', '-O3', '-march=native', '-ffp-contract=off', '-fno-math-errno', '-fPIC', '-shared',
  '-DNAPI_VERSION=8', '-DNAPI_CPP_EXCEPTIONS', '-DNODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS', '-DNODE_ADDON_API_DISABLE_DEPRECATED'];

/** Hash of every matching file under dir (recursively), by relative path and content. */
function hashDir(dir: string, ext: RegExp): string {
  if (!existsSync(dir)) return 'absent';
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => ext.test(f)).sort();
  return sha256(files.map((f) => `${f}\0${sha256(readFileSync(path.join(dir, f)))}`).join('\n'));
}

/** A stable summary of the CPU's instruction-set features (what -march=native depends on). */
export function cpuFeatures(): { model: string; flags: string[]; hash: string } {
  let flags: string[] = [];
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    flags = (/^flags\s*:\s*(.*)$/m.exec(info)?.[1] ?? '').split(/\s+/).filter(Boolean).sort();
  } catch {
    // Not Linux: the model string stands in for the feature list.
  }
  const model = os.cpus()[0]?.model ?? 'unknown';
  return { model, flags, hash: sha256(`${process.arch}\n${model}\n${flags.join(' ')}`).slice(0, 16) };
}

export function compilerVersion(): string | null {
  try {
    return execFileSync(process.env.CXX ?? 'g++', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]!.trim();
  } catch {
    return null;
  }
}

function nodeIncludeDir(): string | null {
  const candidates = [
    process.env.npm_config_nodedir && path.join(process.env.npm_config_nodedir, 'include', 'node'),
    path.resolve(path.dirname(process.execPath), '..', 'include', 'node'),
    '/usr/include/node',
    '/usr/local/include/node',
  ].filter(Boolean) as string[];
  return candidates.find((d) => existsSync(path.join(d, 'node_api.h'))) ?? null;
}

export interface TunedBuildPlan {
  key: string;
  inputs: Record<string, string>;
  compiler: string | null;
  includeDirs: string[];
  /** Why the tuned build cannot be made here, or null. */
  unavailable: string | null;
}

export function tunedBuildPlan(): TunedBuildPlan {
  const compiler = compilerVersion();
  const nodeInclude = nodeIncludeDir();
  let addonInclude: string | null = null;
  try {
    addonInclude = (require('node-addon-api') as { include_dir: string }).include_dir;
  } catch {
    addonInclude = null;
  }
  const inputs = {
    sources: hashDir(path.join(PACKAGE_ROOT, 'native'), /\.(h|cc)$/),
    node_abi: `${process.versions.modules}/napi${process.versions.napi}`,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpuFeatures().hash,
    compiler: compiler ?? 'none',
    flags: TUNED_FLAGS.join(' '),
  };
  const unavailable = !compiler ? 'no C++ compiler (set CXX or install g++)'
    : !nodeInclude ? 'Node headers not found (set npm_config_nodedir)'
      : !addonInclude ? 'node-addon-api is not installed'
        : !existsSync(path.join(PACKAGE_ROOT, 'native', 'binding.cc')) ? 'native sources are not in the package' : null;
  return { key: sha256(JSON.stringify(inputs)), inputs, compiler, includeDirs: [nodeInclude ?? '', addonInclude ?? ''], unavailable };
}

export const TUNED_NAME = 'native-tuned';

/**
 * Compiles the host-tuned addon into the store (synchronously; run it off
 * the main thread). The compiler writes into a private temp dir, not the
 * cache dir, so nothing half-built or unsigned is ever there.
 */
export function buildTuned(store: ArtifactStore, plan: TunedBuildPlan): { bytes: Buffer; file: string } {
  if (plan.unavailable) throw new Error(plan.unavailable);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ta-grid-build-'));
  const out = path.join(tmp, 'ta_grid.node');
  try {
    execFileSync(process.env.CXX ?? 'g++', [...TUNED_FLAGS, ...plan.includeDirs.map((d) => `-I${d}`), path.join(PACKAGE_ROOT, 'native', 'binding.cc'), '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    const bytes = readFileSync(out);
    return { bytes, file: store.put(TUNED_NAME, plan.key, '.node', bytes, plan.inputs) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const LOCK_STALE_MS = 10 * 60_000;

/**
 * Starts the tuned build in a detached child process unless one is already
 * running for this cache dir (a lock file); the current process keeps using
 * the portable build and the next warmup picks the tuned one up.
 */
export function startTunedBuildInBackground(cacheDir: string, key: CacheKey): boolean {
  const lock = path.join(cacheDir, 'native-tuned.lock');
  try {
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
    closeSync(openSync(lock, 'wx', 0o600));
  } catch {
    return false;
  }
  const script = fileURLToPath(new URL('./build-tuned.js', import.meta.url));
  // The signing key goes to the child in its environment (readable only by this user), never through the cache dir.
  const env = { ...process.env, [SIGNING_KEY_ENV]: key.key.toString('hex') };
  const child = spawn(process.execPath, [script, cacheDir, lock], { detached: true, stdio: 'ignore', env });
  child.on('error', () => rmSync(lock, { force: true }));
  child.unref();
  return true;
}

/** Environment variable through which warmup hands the signing key to the background build. */
export const SIGNING_KEY_ENV = 'TA_GRID_INTERNAL_SIGNING_KEY';

let packaged: { bytes: Buffer; sha256: string } | null = null;

/**
 * The WebAssembly binary shipped in the package and its sha256, read once:
 * the package is as trusted as the code, so a cached copy is used only when
 * it matches this hash bit for bit.
 */
export function packagedWasm(): { bytes: Buffer; sha256: string } | null {
  if (!packaged) {
    try {
      const bytes = readFileSync(WASM_PATH);
      packaged = { bytes, sha256: sha256(bytes) };
    } catch {
      return null; // not installed: the wasm backend reports it when chosen
    }
  }
  return packaged;
}

export function wasmArtifactInputs(binarySha256: string): { key: string; inputs: Record<string, string> } {
  const inputs = { binary: binarySha256 };
  return { key: sha256(JSON.stringify(inputs)), inputs };
}

/** Nanoseconds per output value of each kernel on this host and backend. */
export type Calibration = Record<string, number>;

/**
 * Calibration size: big enough that one call of a cheap addon kernel takes
 * microseconds (well above the clock's resolution), small enough that all
 * kernels together cost tens of milliseconds on wasm, so a cold start does
 * not pay seconds for it. The figures only pick chunk sizes (10-150 ms of
 * work) and the inline threshold, where a factor of two does not matter.
 */
export const CALIBRATION_T = 1024;
const CALIBRATION_VARIANTS = 8;
/** Short runs are repeated (best of up to this many) to shed noise; one run this long is taken as it is. */
const CALIBRATION_MAX_RUNS = 3;
const CALIBRATION_LONG_RUN_MS = 0.25;

/**
 * Calibration is keyed by what it describes (backend, build, CPU, workload),
 * and its artifact name says which build: processes sharing a dir with
 * different builds keep separate entries instead of replacing each other's.
 */
export function calibrationKey(backend: BackendName, build: 'packaged' | 'tuned', buildId: string): { name: string; key: string; inputs: Record<string, string> } {
  const inputs = { backend, build: buildId, cpu: cpuFeatures().hash, t: String(CALIBRATION_T), variants: String(CALIBRATION_VARIANTS) };
  return { name: `calibration-${backend}-${build}`, key: sha256(JSON.stringify(inputs)), inputs };
}

/** Plausible nanoseconds per output value: below this no kernel runs, above it something is broken. */
export const CALIBRATION_BOUNDS = { min: 0.05, max: 10_000 } as const;

/**
 * Parses stored calibration, or says why it cannot be used: every kernel of
 * the registry present, each a finite number within CALIBRATION_BOUNDS. A
 * bad value would send huge grids to the calling thread or spin chunks.
 */
export function parseCalibration(bytes: Buffer): { calibration: Calibration } | { problem: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return { problem: `calibration is not JSON: ${(e as Error).message}` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { problem: 'calibration is not an object' };
  const calibration: Calibration = {};
  for (const def of INDICATORS) {
    const v = (doc as Record<string, unknown>)[def.id];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < CALIBRATION_BOUNDS.min || v > CALIBRATION_BOUNDS.max) {
      return { problem: `calibration for ${def.id} is ${JSON.stringify(v)}, outside ${CALIBRATION_BOUNDS.min}..${CALIBRATION_BOUNDS.max} ns per value` };
    }
    calibration[def.id] = v;
  }
  return { calibration };
}

/**
 * Times every kernel on a grid of consecutive windows (the shape of default
 * grids) into an already-touched buffer: a few milliseconds on the addon, a
 * few tens on wasm, paid once per build and host.
 */
export function calibrate(backend: Backend): Calibration {
  const candles = selfTestCandles(CALIBRATION_T);
  const maxOutputs = Math.max(...INDICATORS.map((d) => d.outputs.length));
  const buffers = Array.from({ length: maxOutputs }, () => new Float32Array(CALIBRATION_T * CALIBRATION_VARIANTS).fill(0));
  const out: Calibration = {};
  for (const def of INDICATORS) {
    const base = selfTestParams(def);
    const params = def.params.map((p) => {
      const col = new Float64Array(CALIBRATION_VARIANTS).fill(kernelValue(p, base[p.name]!));
      if (p.kind === 'int') for (let v = 0; v < CALIBRATION_VARIANTS; v++) col[v] = Math.min(p.max, (base[p.name] as number) + (p === def.params[0] ? v : 0));
      return col;
    });
    const job = {
      kernel: def.id, t: CALIBRATION_T, v0: 0, v1: CALIBRATION_VARIANTS, float64: false, timeStride: CALIBRATION_VARIANTS, variantStride: 1,
      inputs: def.inputs.map((i) => candles[isSourceInput(i) ? 'close' : i]), params, outputs: buffers.slice(0, def.outputs.length),
    };
    let best = Infinity;
    for (let r = 0; r < CALIBRATION_MAX_RUNS && best > CALIBRATION_LONG_RUN_MS; r++) {
      const started = performance.now();
      backend.run(job);
      best = Math.min(best, performance.now() - started);
    }
    // Clamped into the plausible range, so a timer glitch cannot store a value the next start rejects.
    const ns = (best * 1e6) / (CALIBRATION_T * CALIBRATION_VARIANTS * def.outputs.length);
    out[def.id] = Math.min(CALIBRATION_BOUNDS.max, Math.max(CALIBRATION_BOUNDS.min, ns));
  }
  return out;
}
