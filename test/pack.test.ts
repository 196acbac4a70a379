// The package is what is tested: `npm pack` the checkout, install the tarball
// into fresh apps the ways users do (normally, with --ignore-scripts, and with
// no C++ compiler anywhere), and in each one import ta-grid, warm up, compute
// a small grid and check it runs native from the shipped prebuild with values
// equal to the wasm backend's. Installs come from the npm cache that
// `npm ci` filled (--prefer-offline).
import { execFile, execFileSync, type ExecFileOptions } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeRequest } from '../dist/index.js';
import { closeEngines, engineFor, firstMismatch, tempDir } from './helpers.js';

const execFileAsync = promisify(execFile);

/**
 * Runs a command at low CPU priority (its children inherit it): installs and
 * builds here must not take the cores from test files beside this one that
 * time event-loop latency.
 */
function run(file: string, args: string[], opts: ExecFileOptions): Promise<{ stdout: string; stderr: string }> {
  const p = execFileAsync(file, args, { ...opts, encoding: 'utf8' });
  try {
    if (p.child.pid !== undefined) os.setPriority(p.child.pid, 10);
  } catch {
    // Not permitted here: run at normal priority.
  }
  return p;
}
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLATFORM = `${process.platform}-${process.arch}`;
const PREBUILD = /^prebuilds\/[^/]+\/ta-grid(\.[a-z0-9]+)*\.node$/;
/**
 * Packed (gzip) and unpacked size limits: the package is code, one sample
 * file and one binary per platform (1.3 MB for linux-x64 since the kernels
 * carry stream state; 5.2 MB unpacked, 1.6 MB packed in all).
 */
const MAX_PACKED = 2 * 2 ** 20;
const MAX_UNPACKED = 6 * 2 ** 20;

/** npm's own CLI, run by this node, so a PATH without compilers still has npm. */
const NPM_CLI = process.env.npm_execpath?.endsWith('.js')
  ? process.env.npm_execpath
  : realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());

/** The environment minus what a parent `npm test` or the developer's shell sets for ta-grid or npm. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|TA_GRID_|INIT_CWD$)/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

interface PackFile { path: string; size: number }
interface PackInfo { filename: string; size: number; unpackedSize: number; files: PackFile[] }

let work: string;
let tarball: string;
let pack: PackInfo;

beforeAll(async () => {
  work = tempDir('pack');
  // The prebuild is made by `prepare` on `npm ci`; this rebuilds it only when native sources are newer.
  await run(process.execPath, [path.join(ROOT, 'scripts', 'prebuild.mjs'), '--if-stale'], { cwd: ROOT, env: { ...process.env } });
  // dist/ was just built by `npm test`, the prebuild above: pack as is, without running `prepare` again.
  const { stdout } = await run(process.execPath, [NPM_CLI, 'pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, env: cleanEnv() });
  pack = (JSON.parse(stdout) as PackInfo[])[0]!;
  tarball = path.join(work, pack.filename);
}, 300_000);

afterAll(async () => {
  await closeEngines();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the built package, the prebuild for this platform and nothing else', () => {
    const files = pack.files.map((f) => f.path);
    for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'build-wasm/ta_grid.wasm',
      'native/binding.cc', 'native/binding.gyp', 'data/sample-candles.arrow']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.startsWith(`prebuilds/${PLATFORM}/`) && PREBUILD.test(f)), `a prebuild for ${PLATFORM}`).toHaveLength(1);
    // No tests, fixtures, sources of the build, intermediate build output or stray files.
    const leftovers = files.filter((f) =>
      /^(test|src|scripts|examples|\.ci|build|build-sanitize|native\/build|bench\/peers|node_modules)\//.test(f)
      || /(^|\/)(fixtures|golden|reference|quarantine)\//.test(f)
      || /\.(test|spec)\.[cm]?[jt]s$|\.(o|a|obj|log|tgz|tsbuildinfo)$|\.tmp-|\.map$/.test(f)
      || f === 'binding.gyp' || f === 'package-lock.json'
      || (f.startsWith('prebuilds/') && !PREBUILD.test(f)));
    expect(leftovers).toEqual([]);
    expect(pack.size, `packed size ${pack.size} bytes`).toBeLessThan(MAX_PACKED);
    expect(pack.unpackedSize, `unpacked size ${pack.unpackedSize} bytes`).toBeLessThan(MAX_UNPACKED);
    console.log(`pack: ${pack.filename} ${(pack.size / 2 ** 20).toFixed(2)} MiB packed, ${(pack.unpackedSize / 2 ** 20).toFixed(2)} MiB unpacked, ${files.length} files`);
  });

  it('has no install step: no install scripts and no binding.gyp at the root for npm to run node-gyp on', () => {
    const pkg = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' })) as { scripts: Record<string, string>; gypfile?: boolean };
    for (const s of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts[s], s).toBeUndefined();
    expect(pkg.gypfile).toBe(false);
  });
});

// The candles every app computes on, handed over as JSON.
function appCandles(t = 400): Record<'ts_open' | 'open' | 'high' | 'low' | 'close' | 'volume', Float64Array> {
  const col = (f: (i: number) => number) => Float64Array.from({ length: t }, (_, i) => f(i));
  const mid = (i: number) => 100 + 0.05 * i + 3 * Math.sin(i / 7);
  return {
    ts_open: col((i) => 1_700_000_000_000 + 60_000 * i), open: col((i) => mid(i) - 0.3 * Math.cos(i)),
    high: col((i) => mid(i) + 0.6 + 0.1 * (i % 3)), low: col((i) => mid(i) - 0.6 - 0.1 * (i % 4)),
    close: col((i) => mid(i) + 0.3 * Math.sin(i / 2)), volume: col((i) => 1000 + 17 * (i % 11)),
  };
}

const REQUESTS: Pick<ComputeRequest, 'indicator' | 'grid'>[] = [
  { indicator: 'ma.ema', grid: { source: ['close', 'hlc3'], window: { start: 5, stop: 12 } } },
  { indicator: 'momentum.rsi', grid: { window: { start: 2, stop: 17 } } },
  { indicator: 'volatility.atr', grid: { window: { start: 1, stop: 16 } } },
];

// Run inside each app: import the installed package, warm up the default
// backend and compute REQUESTS; print what was loaded and the values.
const APP_CHECK = `
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from 'ta-grid';
const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('ta-grid/package.json'));
const nodeGypBuild = require(require.resolve('node-gyp-build', { paths: [pkgDir] }));
const { candles: raw, requests } = JSON.parse(readFileSync('input.json', 'utf8'));
const candles = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Float64Array.from(v)]));
const warnings = [];
const logger = { info() {}, debug() {}, error(o, m) { warnings.push(m); }, warn(o, m) { warnings.push(m); } };
const engine = await createEngine({ numThreads: 1, cacheDir: 'cache', logger, env: {}, ...(process.env.APP_NATIVE_BUILD ? {} : { nativeBuild: 'off' }) });
const report = await engine.warmup();
const values = {};
for (const r of requests) {
  const res = await engine.compute({ ...r, candles, dtype: 'float64' });
  values[r.indicator] = Array.from(res.values(), (v) => (Number.isNaN(v) ? null : v));
}
await engine.close();
const addon = path.relative(pkgDir, nodeGypBuild.resolve(pkgDir));
console.log(JSON.stringify({ addon, sourceBuild: existsSync(path.join(pkgDir, 'native', 'build')), report, warnings, values }));
`;

interface AppResult {
  addon: string;
  sourceBuild: boolean;
  report: { backend: string; backendBuild: string; warmupSeconds: number; tunedBuild: string };
  warnings: string[];
  values: Record<string, (number | null)[]>;
}

/** The same requests on the wasm backend of this checkout (the package ships the same wasm binary). */
let wasmValues: Promise<Record<string, Float64Array>> | undefined;
function wasmReference(): Promise<Record<string, Float64Array>> {
  wasmValues ??= (async () => {
    const engine = await engineFor('wasm');
    const out: Record<string, Float64Array> = {};
    for (const r of REQUESTS) out[r.indicator] = (await engine.compute({ ...r, candles: appCandles(), dtype: 'float64' })).values() as Float64Array;
    return out;
  })();
  return wasmValues;
}

const INSTALLS: { name: string; args: string[]; noCompiler?: boolean }[] = [
  { name: 'normal', args: [] },
  { name: 'ignore-scripts', args: ['--ignore-scripts'] },
  { name: 'no-compiler', args: [], noCompiler: true },
];

// One install at a time: three npm installs at once would starve the test
// files running beside this one (some of them time event-loop latency).
describe('installing the tarball into a fresh app', () => {
  it.each(INSTALLS)('$name install: native from the prebuild, values equal to wasm', async ({ name, args, noCompiler }) => {
    const app = path.join(work, `app-${name}`);
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: `app-${name}`, private: true, type: 'module' }));
    writeFileSync(path.join(app, 'check.mjs'), APP_CHECK);
    const candles = Object.fromEntries(Object.entries(appCandles()).map(([k, v]) => [k, Array.from(v)]));
    writeFileSync(path.join(app, 'input.json'), JSON.stringify({ candles, requests: REQUESTS }));
    let env = cleanEnv();
    if (noCompiler) {
      // PATH holds node and sh only, and CC/CXX point at a program that fails: no compiler anywhere.
      const bin = path.join(app, 'bin');
      mkdirSync(bin);
      symlinkSync(process.execPath, path.join(bin, 'node'));
      symlinkSync('/bin/sh', path.join(bin, 'sh'));
      env = { ...env, PATH: bin, CC: '/bin/false', CXX: '/bin/false', APP_NATIVE_BUILD: 'default' };
      for (const cc of ['c++', 'g++', 'gcc', 'cc', 'clang', 'make', 'python3']) expect(existsSync(path.join(bin, cc)), cc).toBe(false);
    }
    const t0 = performance.now();
    const install = await run(process.execPath, [NPM_CLI, 'install', tarball, '--prefer-offline', '--no-audit', '--no-fund', ...args], { cwd: app, env });
    expect(`${install.stdout}\n${install.stderr}`).not.toMatch(/node-gyp|gyp (info|ERR)/);

    const t1 = performance.now();
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: app, env, maxBuffer: 64 * 2 ** 20 });
    const t2 = performance.now();
    const got = JSON.parse(stdout) as AppResult;
    expect(got.addon).toMatch(new RegExp(`^prebuilds/${PLATFORM}/`));
    expect(got.addon).toMatch(PREBUILD);
    expect(got.sourceBuild).toBe(false);
    expect(got.report.backend).toBe('native');
    expect(got.report.backendBuild).toBe('packaged');
    expect(got.warnings).toEqual([]);
    if (noCompiler) expect(got.report.tunedBuild).toMatch(/unavailable/);
    const wasm = await wasmReference();
    for (const { indicator } of REQUESTS) {
      const a = got.values[indicator]!.map((v) => v ?? NaN), b = wasm[indicator]!;
      expect(a.length, indicator).toBe(b.length);
      expect(a.filter(Number.isFinite).length, `${indicator} has values past the warm-up zone`).toBeGreaterThan(a.length / 2);
      const at = firstMismatch(a, b, 1e-12, 1e-12);
      expect(at, `${indicator}: native ${a[at]} vs wasm ${b[at]} at ${at}`).toBe(-1);
    }
    console.log(`pack install (${name}): npm install ${((t1 - t0) / 1000).toFixed(1)} s; import to last result ${((t2 - t1) / 1000).toFixed(1)} s, backend native from ${got.addon}, warmup ${got.report.warmupSeconds.toFixed(2)} s; ${REQUESTS.map((r) => r.indicator).join(', ')} equal to wasm`);
  }, 180_000);
});
