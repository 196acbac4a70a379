// Builds the portable addon that ships in the package (npm run build:prebuild):
// prebuilds/<platform>-<arch>/ta-grid[.<libc>].node, picked at load by
// node-gyp-build. Node-API 8, so one binary serves every supported Node
// major; -O3 on the baseline ISA (native/binding.gyp), never -march=native
// (the host-tuned build made at warmup is that one). Run the same script on
// another platform (macOS, linux-arm64, Alpine for musl) to add its binary.
//
// `--if-stale` (used by `prepare` and `prepack`) skips the build when this
// platform's prebuild is already newer than every native source, so
// `npm pack` after a build does not compile again. `--optional` (used by
// `prepare`, i.e. `npm install` in a checkout) turns "no C++ compiler" into a
// warning: the checkout then runs on the WebAssembly backend.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = path.join(root, 'native');
const outDir = path.join(root, 'prebuilds', `${process.platform}-${process.arch}`);

const newest = (dir) => Math.max(0, ...readdirSync(dir, { recursive: true })
  .filter((f) => /\.(h|cc|gyp)$/.test(f) && !f.startsWith('build'))
  .map((f) => statSync(path.join(dir, f)).mtimeMs));
const built = () => (existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.node')) : []);

if (process.argv.includes('--if-stale')) {
  const files = built();
  if (files.length && Math.min(...files.map((f) => statSync(path.join(outDir, f)).mtimeMs)) >= newest(nativeDir)) {
    console.log(`prebuild: ${path.relative(root, path.join(outDir, files[0]))} is up to date`);
    process.exit(0);
  }
}

const cxx = process.env.CXX ?? 'c++';
if (process.argv.includes('--optional') && spawnSync(cxx, ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.warn(`prebuild: skipped, no C++ compiler (${cxx}); the WebAssembly backend serves. Install python3, make and g++, then npm run build:prebuild.`);
  process.exit(0);
}

// The addon used to build into build/ at the package root, which
// node-gyp-build would prefer over the prebuild: a stale copy must not load.
for (const d of ['Release', 'Debug']) rmSync(path.join(root, 'build', d), { recursive: true, force: true });

// Compiled from a private copy of the sources into a private output dir, and
// moved into prebuilds/ by a rename at the end: a contributor's native/build
// (npm run build:native) and the current prebuild, which running tests may be
// loading, are never missing. Under the package root, so binding.gyp still
// finds node-addon-api in node_modules.
const work = path.join(root, 'build', 'prebuild');
const stage = path.join(work, 'native');
const stageOut = path.join(work, 'out');
rmSync(work, { recursive: true, force: true });
cpSync(nativeDir, stage, { recursive: true, filter: (src) => !src.startsWith(path.join(nativeDir, 'build')) });

// Compile against this Node's own headers (no download): the target is the
// running version and, unless npm already names one, nodedir is its prefix.
const env = { ...process.env };
const prefix = path.resolve(path.dirname(process.execPath), '..');
if (!env.npm_config_nodedir && existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = prefix;

const prebuildify = path.join(root, 'node_modules', 'prebuildify', 'bin.js');
const r = spawnSync(process.execPath, [
  prebuildify, '--napi', '--strip', '--tag-libc', '--name', 'ta-grid', '--target', process.versions.node, '--out', stageOut, '--cwd', stage,
], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
// node-gyp's log is long: shown only when the build fails, compiler warnings always.
const log = `${r.stdout ?? ''}${r.stderr ?? ''}`;
const warnings = log.split('\n').filter((l) => /warning:/.test(l));
if (warnings.length) console.warn(warnings.join('\n'));
if (r.status !== 0) {
  console.error(log.split('\n').slice(-60).join('\n'));
  console.error('prebuild: the addon did not build. Building it needs python3, make and a C++17 compiler; users of the package need none of these.');
  process.exit(r.status ?? 1);
}
const fresh = path.join(stageOut, 'prebuilds', `${process.platform}-${process.arch}`);
const names = readdirSync(fresh).filter((f) => f.endsWith('.node'));
mkdirSync(outDir, { recursive: true });
for (const f of names) renameSync(path.join(fresh, f), path.join(outDir, f));
for (const f of built()) if (!names.includes(f)) rmSync(path.join(outDir, f));
rmSync(work, { recursive: true, force: true });
console.log(`prebuild: ${built().map((f) => path.relative(root, path.join(outDir, f))).join(', ')}`);
