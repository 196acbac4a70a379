import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { tableFromIPC } from 'apache-arrow';
import { PACKAGE_ROOT } from '../backends/paths.js';
import { createEngine, type Engine } from '../engine/engine.js';
import type { ComputeResult } from '../engine/result.js';
import type { GridSpec } from '../grid/grid.js';
import { INDICATORS, sourceAxes, type AxisSpec, type IndicatorDef } from '../registry/index.js';
import type { EngineOptions } from '../runtime/config.js';
import { silentLogger } from '../runtime/logger.js';
import { SAMPLE_CANDLES } from './demo.js';

export const SMOKE_REFERENCE = path.join(PACKAGE_ROOT, 'data', 'perf-smoke-reference.json');
/** Bars of the sample candles the workload uses, and every how many bars a value is checked. */
export const SMOKE_T = 20_160;
const SAMPLE_EVERY = 509;

/** The first two values of an axis default: a small grid that still has two variants per axis. */
function firstTwo(spec: AxisSpec): (number | string)[] {
  if (typeof spec === 'object' && !Array.isArray(spec)) {
    const r = spec as { start: number; stop: number; step?: number };
    return r.start + (r.step ?? 1) <= r.stop ? [r.start, r.start + (r.step ?? 1)] : [r.start];
  }
  return (Array.isArray(spec) ? spec : [spec]).slice(0, 2) as (number | string)[];
}

export function smokeGrid(def: IndicatorDef): GridSpec {
  const grid: Record<string, AxisSpec> = {};
  for (const a of sourceAxes(def)) grid[a.name] = firstTwo(a.default).slice(0, 1);
  for (const p of def.params) grid[p.name] = firstTwo(p.default);
  return grid;
}

/** Sampled values of a result: output -> variant -> [bar, value] pairs (NaN as null). */
export type SmokeSample = Record<string, (number | null)[][]>;

export function sampleResult(r: ComputeResult): SmokeSample {
  const out: SmokeSample = {};
  for (const name of r.outputs) {
    out[name] = [];
    for (let v = 0; v < r.variants; v++) {
      const row: (number | null)[] = [];
      for (let t = 0; t < r.t; t += SAMPLE_EVERY) row.push(nullIfNaN(r.at(name, t, v)));
      row.push(nullIfNaN(r.at(name, r.t - 1, v)));
      out[name]!.push(row);
    }
  }
  return out;
}

const nullIfNaN = (x: number) => (Number.isNaN(x) ? null : x);

export function smokeCandles() {
  return tableFromIPC(readFileSync(SAMPLE_CANDLES));
}

async function runWorkload(engine: Engine, candles: unknown): Promise<Map<string, ComputeResult>> {
  const results = new Map<string, ComputeResult>();
  for (const def of INDICATORS) results.set(def.id, await engine.compute({ indicator: def.id, candles: candles as never, grid: smokeGrid(def), dtype: 'float64' }));
  return results;
}

export interface SmokeOptions extends Pick<EngineOptions, 'configFile' | 'cacheDir' | 'backend' | 'numThreads'> {
  /** Fail when the first compute after warmup is more than this many times the steady state. */
  maxFirstRatio?: number;
  referenceFile?: string;
}

export interface SmokeReport {
  ok: boolean;
  reason: string | null;
  warmup: { seconds: number; cacheWasWarm: boolean; backend: string; build: string } | null;
  workload: { indicators: number; variants: number; t: number };
  checks: { values: number; mismatches: number; first: string | null };
  timing: { firstMs: number; steadyMs: number; ratio: number; maxFirstRatio: number } | null;
  totalSeconds: number;
}

/**
 * The post-deploy smoke test: warm up with the service's config, run a small
 * workload across the whole catalogue, check the values against the shipped
 * reference, and check that the first compute is not abnormally slower than
 * the steady state.
 */
export async function perfSmoke(o: SmokeOptions): Promise<SmokeReport> {
  const started = performance.now();
  const maxFirstRatio = o.maxFirstRatio ?? 3;
  const report: SmokeReport = {
    ok: false, reason: null, warmup: null, workload: { indicators: INDICATORS.length, variants: 0, t: SMOKE_T },
    checks: { values: 0, mismatches: 0, first: null }, timing: null, totalSeconds: 0,
  };
  const finish = (reason: string | null) => {
    report.ok = reason === null;
    report.reason = reason;
    report.totalSeconds = (performance.now() - started) / 1000;
    return report;
  };
  let engine: Engine | null = null;
  try {
    const reference = JSON.parse(readFileSync(o.referenceFile ?? SMOKE_REFERENCE, 'utf8')) as Record<string, SmokeSample>;
    engine = await createEngine({ nativeBuild: 'off', configFile: o.configFile, cacheDir: o.cacheDir, backend: o.backend, numThreads: o.numThreads, logger: silentLogger });
    const w = await engine.warmup();
    report.warmup = { seconds: w.warmupSeconds, cacheWasWarm: w.cacheWasWarm, backend: w.backend, build: w.backendBuild };
    const candles = smokeCandles();
    let t0 = performance.now();
    const results = await runWorkload(engine, candles);
    const firstMs = performance.now() - t0;
    const steady: number[] = [];
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      await runWorkload(engine, candles);
      steady.push(performance.now() - t0);
    }
    steady.sort((a, b) => a - b);
    report.timing = { firstMs, steadyMs: steady[1]!, ratio: firstMs / steady[1]!, maxFirstRatio };
    for (const [id, r] of results) {
      report.workload.variants += r.variants;
      const want = reference[id];
      if (!want) return finish(`no reference values for ${id}: the reference file does not match this build`);
      const got = sampleResult(r);
      for (const [name, variants] of Object.entries(want)) {
        variants.forEach((row, v) => row.forEach((x, k) => {
          const y = got[name]?.[v]?.[k];
          report.checks.values++;
          const same = x === null ? y === null : typeof y === 'number' && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
          if (!same) {
            report.checks.mismatches++;
            report.checks.first ??= `${id} ${name} variant ${v} sample ${k}: got ${y}, reference ${x}`;
          }
        }));
      }
    }
    if (report.checks.mismatches) return finish(`${report.checks.mismatches} of ${report.checks.values} values differ from the reference (first: ${report.checks.first})`);
    if (report.timing.ratio > maxFirstRatio) return finish(`first compute after warmup took ${firstMs.toFixed(0)} ms, ${report.timing.ratio.toFixed(1)}x the steady state ${report.timing.steadyMs.toFixed(0)} ms (limit ${maxFirstRatio}x)`);
    return finish(null);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return finish(`${code ? `${code}: ` : ''}${(e as Error).message}`);
  } finally {
    await engine?.close();
  }
}
