import { execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Backend, BackendSpec } from '../backends/index.js';
import { PACKAGE_ROOT, WASM_PATH } from '../backends/paths.js';
import { INDICATORS } from '../registry/index.js';
import { ArtifactStore, sha256 } from './cache.js';
import { selfTestCandles, selfTestParams } from './selftest.js';

const require = createRequire(import.meta.url);

/** Flags of the host-tuned addon; the installed build is the portable -O3 one. */
export const TUNED_FLAGS = ['-std=c++17', '-O3', '-march=native', '-ffp-contract=off', '-fno-math-errno', '-fPIC', '-shared',
  '-DNAPI_VERSION=8', '-DNAPI_CPP_EXCEPTIONS', '-DNODE_ADDON_API_DISABLE_DEPRECATED'];

function hashDir(dir: string, ext: RegExp): string {
  if (!existsSync(dir)) return 'absent';
  // Kernels live in one folder per group: every file below dir counts.
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

/** Compiles the host-tuned addon into the store (synchronously; run it off the main thread). */
export function buildTuned(store: ArtifactStore, plan: TunedBuildPlan): string {
  if (plan.unavailable) throw new Error(plan.unavailable);
  const out = path.join(store.dir, `.native-build-${process.pid}.node`);
  try {
    execFileSync(process.env.CXX ?? 'g++', [...TUNED_FLAGS, ...plan.includeDirs.map((d) => `-I${d}`), path.join(PACKAGE_ROOT, 'native', 'binding.cc'), '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    return store.put('native-tuned', plan.key, '.node', readFileSync(out), plan.inputs);
  } finally {
    rmSync(out, { force: true });
  }
}

const LOCK_STALE_MS = 10 * 60_000;

/**
 * Starts the tuned build in a detached child process unless one is already
 * running for this cache dir (a lock file); the current process keeps using
 * the portable build and the next warmup picks the tuned one up.
 */
export function startTunedBuildInBackground(cacheDir: string): boolean {
  const lock = path.join(cacheDir, 'native-tuned.lock');
  try {
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
    closeSync(openSync(lock, 'wx'));
  } catch {
    return false;
  }
  const script = fileURLToPath(new URL('./build-tuned.js', import.meta.url));
  const child = spawn(process.execPath, [script, cacheDir, lock], { detached: true, stdio: 'ignore' });
  child.on('error', () => rmSync(lock, { force: true }));
  child.unref();
  return true;
}

export function wasmArtifactInputs(): { key: string; inputs: Record<string, string> } {
  const inputs = {
    binary: existsSync(WASM_PATH) ? sha256(readFileSync(WASM_PATH)) : 'absent',
    sources: hashDir(path.join(PACKAGE_ROOT, 'asm'), /\.ts$/),
  };
  return { key: sha256(JSON.stringify(inputs)), inputs };
}

/** Nanoseconds per output value of each kernel on this host and backend. */
export type Calibration = Record<string, number>;

export const CALIBRATION_T = 16_384;
const CALIBRATION_VARIANTS = 64;

export function calibrationKey(spec: BackendSpec, backendKey: string): { key: string; inputs: Record<string, string> } {
  const inputs = { backend: spec.name, build: backendKey, cpu: cpuFeatures().hash, t: String(CALIBRATION_T), variants: String(CALIBRATION_VARIANTS) };
  return { key: sha256(JSON.stringify(inputs)), inputs };
}

/**
 * Times every kernel on a grid of consecutive windows (the shape of default
 * grids) into an already-touched buffer, best of two runs: a few hundred ms
 * in all, paid once per build and host.
 */
export function calibrate(backend: Backend): Calibration {
  const candles = selfTestCandles(CALIBRATION_T);
  const maxOutputs = Math.max(...INDICATORS.map((d) => d.outputs.length));
  const buffers = Array.from({ length: maxOutputs }, () => new Float32Array(CALIBRATION_T * CALIBRATION_VARIANTS).fill(0));
  const out: Calibration = {};
  for (const def of INDICATORS) {
    const base = selfTestParams(def);
    const params = def.params.map((p) => {
      const col = new Float64Array(CALIBRATION_VARIANTS).fill(base[p.name]!);
      if (p.kind === 'int') for (let v = 0; v < CALIBRATION_VARIANTS; v++) col[v] = Math.min(p.max, base[p.name]! + (p === def.params[0] ? v : 0));
      return col;
    });
    const job = {
      kernel: def.id, t: CALIBRATION_T, v0: 0, v1: CALIBRATION_VARIANTS, float64: false, timeStride: CALIBRATION_VARIANTS, variantStride: 1,
      inputs: def.inputs.map((i) => candles[i === 'source' ? 'close' : i]), params, outputs: buffers.slice(0, def.outputs.length),
    };
    let best = Infinity;
    for (let r = 0; r < 2; r++) {
      const started = performance.now();
      backend.run(job);
      best = Math.min(best, performance.now() - started);
    }
    out[def.id] = (best * 1e6) / (CALIBRATION_T * CALIBRATION_VARIANTS * def.outputs.length);
  }
  return out;
}
