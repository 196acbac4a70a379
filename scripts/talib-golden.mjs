#!/usr/bin/env node
// Regenerates test/fixtures/ta-lib/extended.json.gz: golden outputs of TA-Lib's
// own C code (the sources shipped in the npm package talib@2.0.5, compiled
// here with the C compiler) for the functions and parameter sets listed in
// scripts/talib-golden/cases.mjs, on the public dataset and on candles built
// to trigger every candlestick pattern (scripts/talib-golden/datasets.mjs).
//
//   node scripts/talib-golden.mjs [--talib-src DIR] [--out FILE]
//
// DIR is an unpacked talib package (the folder holding src/lib); without it
// the script runs `npm pack talib@2.0.5` into a temp dir (the npm registry is
// needed for that step only). The build goes to build/talib-golden/.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LINE_CASES, patternCases } from './talib-golden/cases.mjs';
import { patternCandles } from './talib-golden/datasets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'build', 'talib-golden');
const TALIB_PACKAGE = 'talib@2.0.5';
const COLUMNS = ['open', 'high', 'low', 'close', 'volume'];

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

function talibSources() {
  const given = arg('--talib-src');
  if (given) return path.resolve(given, 'src', 'lib');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'talib-src-'));
  const tgz = execFileSync('npm', ['pack', TALIB_PACKAGE, '--pack-destination', tmp, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', path.join(tmp, tgz), '-C', tmp]);
  return path.join(tmp, 'package', 'src', 'lib');
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))));
  });
}

/** Compiles TA-Lib's C sources (as its own build does: -O2, no fast-math) and links the harness. */
async function buildHarness(lib) {
  const harness = path.join(BUILD, 'harness');
  if (existsSync(harness)) return harness;
  const objDir = path.join(BUILD, 'obj');
  mkdirSync(objDir, { recursive: true });
  const cc = process.env.CC ?? 'gcc';
  const dirs = ['ta_func', 'ta_common', 'ta_abstract', 'ta_abstract/frames', 'ta_abstract/tables'];
  const sources = dirs.flatMap((d) => readdirSync(path.join(lib, 'src', d)).filter((f) => f.endsWith('.c') && f !== 'excel_glue.c').map((f) => path.join(lib, 'src', d, f)));
  const includes = ['include', 'src/ta_common', 'src/ta_abstract', 'src/ta_abstract/frames'].map((d) => `-I${path.join(lib, d)}`);
  const jobs = os.availableParallelism();
  const slices = Array.from({ length: jobs }, (_, j) => sources.filter((_, i) => i % jobs === j));
  // gcc -c writes each object into the working directory; one folder per slice avoids name clashes across dirs.
  await Promise.all(slices.map(async (slice, j) => {
    const dir = path.join(objDir, String(j));
    mkdirSync(dir, { recursive: true });
    await new Promise((resolve, reject) => {
      const child = spawn(cc, ['-O2', '-c', ...includes, ...slice], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cc} exited with ${code}`))));
    });
  }));
  const objects = slices.flatMap((_, j) => readdirSync(path.join(objDir, String(j))).map((f) => path.join(objDir, String(j), f)));
  await run(cc, ['-O2', `-I${path.join(lib, 'include')}`, path.join(ROOT, 'scripts', 'talib-golden', 'harness.c'), ...objects, '-lm', '-o', harness]);
  return harness;
}

function datasets() {
  const publicFile = JSON.parse(gunzipSync(readFileSync(path.join(ROOT, 'test', 'fixtures', 'ta-lib', 'public.json.gz'))).toString('utf8'));
  const patterns = patternCandles();
  const head = Object.fromEntries(Object.entries(patterns).map(([k, v]) => [k, v.slice(0, 3000)]));
  return {
    public: { columns: publicFile.dataset, note: 'the dataset of public.json.gz' },
    patterns: { columns: patterns, note: 'patternCandles() of scripts/talib-golden/datasets.mjs (regenerate it; sha256 checks the copy)' },
    'patterns-head': { columns: head, note: 'the first 3000 bars of patterns' },
  };
}

/** SHA-256 of the six columns as little-endian float64, ts_open first: proves a regenerated dataset is the one used. */
export function datasetDigest(columns) {
  const h = createHash('sha256');
  for (const c of ['ts_open', ...COLUMNS]) h.update(new Uint8Array(Float64Array.from(columns[c]).buffer));
  return h.digest('hex');
}

function writeCandles(name, columns) {
  const T = columns.close.length;
  const buf = new Float64Array(5 * T);
  COLUMNS.forEach((c, i) => buf.set(columns[c], i * T));
  const file = path.join(BUILD, `${name}.bin`);
  writeFileSync(file, Buffer.from(buf.buffer));
  return { file, T };
}

function call(harness, candles, fn, params, inputs = {}) {
  const args = [candles.file, String(candles.T), fn,
    ...Object.entries(inputs).map(([k, v]) => `in:${k}=${v}`),
    ...Object.entries(params).map(([k, v]) => `opt:${k}=${v}`)];
  return JSON.parse(execFileSync(harness, args, { encoding: 'utf8', maxBuffer: 1 << 30 }));
}

async function main() {
  const out = path.resolve(arg('--out', path.join(ROOT, 'test', 'fixtures', 'ta-lib', 'extended.json.gz')));
  const lib = talibSources();
  const harness = await buildHarness(lib);
  const sets = datasets();
  const files = Object.fromEntries(Object.entries(sets).map(([name, d]) => [name, writeCandles(name, d.columns)]));
  const cases = [];
  const hits = {};

  for (const [fn, list] of Object.entries(LINE_CASES)) {
    for (const c of list) {
      for (const dataset of ['public', 'patterns-head']) {
        if (dataset !== 'public' && c.label !== 'default') continue;
        const r = call(harness, files[dataset], fn, c.params, c.inputs);
        cases.push({
          dataset, function: fn, label: c.label, params: r.params, input_map: c.inputs ?? null,
          lookback: r.lookback, begIndex: r.begIndex, nbElement: r.nbElement,
          output_types: Object.fromEntries(Object.entries(r.outputs).map(([k, o]) => [k, o.type])),
          outputs: Object.fromEntries(Object.entries(r.outputs).map(([k, o]) => [k, o.values])),
        });
      }
    }
  }
  for (const c of patternCases()) {
    for (const dataset of ['patterns', 'public']) {
      const r = call(harness, files[dataset], c.function, c.params);
      const [name, o] = Object.entries(r.outputs)[0];
      // Pattern outputs are mostly 0: per value, the bars that take it, each as the gap from the previous one.
      const byValue = {};
      const last = {};
      let positive = 0, negative = 0;
      o.values.forEach((v, j) => {
        if (v === 0) return;
        const bar = r.begIndex + j;
        (byValue[v] ??= []).push(bar - (last[v] ?? 0));
        last[v] = bar;
        if (v > 0) positive++;
        else negative++;
      });
      cases.push({
        dataset, function: c.function, label: c.label, params: r.params, input_map: null,
        lookback: r.lookback, begIndex: r.begIndex, nbElement: r.nbElement,
        output_types: { [name]: 'integer' }, nonzero_gaps: { [name]: byValue },
      });
      if (dataset === 'patterns') hits[c.label === 'default' ? c.function : `${c.function} ${c.label}`] = { positive, negative };
    }
  }

  const file = {
    source: `TA-Lib C sources of npm ${TALIB_PACKAGE} (TA-Lib 0.6.0-dev), compiled with ${execFileSync(process.env.CC ?? 'gcc', ['--version'], { encoding: 'utf8' }).split('\n')[0]} -O2`,
    settings: { compatibility: 'TA_COMPATIBILITY_DEFAULT', unstable_period: 0, candle_settings: 'defaults', call: 'TA_CallFunc(startIdx 0, endIdx T-1) through the abstract interface' },
    generator: 'node scripts/talib-golden.mjs',
    datasets: Object.fromEntries(Object.entries(sets).map(([name, d]) => [name, { length: d.columns.close.length, note: d.note, sha256: datasetDigest(d.columns) }])),
    pattern_hits: hits,
    cases,
  };
  writeFileSync(out, gzipSync(JSON.stringify(file), { level: 9 }));
  const zero = Object.entries(hits).filter(([k, h]) => !k.includes(' ') && h.positive + h.negative === 0).map(([k]) => k);
  console.log(`${cases.length} cases -> ${path.relative(ROOT, out)}`);
  console.log(`pattern hits on ${sets.patterns.columns.close.length} bars (positive/negative):`);
  for (const [k, h] of Object.entries(hits)) console.log(`  ${k.padEnd(32)} ${h.positive}/${h.negative}`);
  if (zero.length) {
    console.error(`patterns never triggered: ${zero.join(' ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
