// Regenerates data/perf-smoke-reference.json: sampled values of the perf-smoke
// workload. test/smoke-reference.test.ts checks the file against the naive
// reference implementations, so the shipped values are independently verified.
import { writeFileSync } from 'node:fs';
import { createEngine } from '../dist/index.js';
import { INDICATORS } from '../dist/registry/index.js';
import { SMOKE_REFERENCE, sampleResult, smokeCandles, smokeGrid } from '../dist/cli/perf-smoke.js';
import { silentLogger } from '../dist/runtime/logger.js';

const engine = await createEngine({ numThreads: 1, nativeBuild: 'off', logger: silentLogger, backend: 'native' });
const candles = smokeCandles();
const out = {};
for (const def of INDICATORS) {
  const r = await engine.compute({ indicator: def.id, candles, grid: smokeGrid(def), dtype: 'float64' });
  out[def.id] = sampleResult(r);
}
await engine.close();
writeFileSync(SMOKE_REFERENCE, JSON.stringify(out) + '\n');
console.log(`wrote ${Object.keys(out).length} indicators to ${SMOKE_REFERENCE}`);
