// Bytes a push() allocates on the JavaScript heap, garbage included, per
// default grid: V8's sampling heap profiler (every 512 bytes, keeping the
// samples of objects collected since) over pushes after a history of 3,000
// bars and 3,000 warm-up pushes, native backend, and the two functions that
// allocate most. A stepper's steady push should allocate nothing: a double
// boxed per variant and bar (a `cond ? NaN : value` stored into a row was
// one) costs a scavenge every few thousand pushes and slows the pushes
// around it several times. All ids run in one process, in registry order, as
// the stream bench runs them (or in the order given), so functions shared
// between steppers see the types of every id before them.
//   node bench/stream-alloc.mjs [--warm N] [id ...]   (default: every stepped id, 3,000 warm-up pushes)
// A one-variant grid's step() may not be optimized after 3,000 pushes; --warm 30000 measures the steady state.
import { Session } from 'node:inspector/promises';
import { createEngine, listIndicators } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';
import { workload } from './common.mjs';

const all = listIndicators().filter((i) => !i.aliasOf);
const args = process.argv.slice(2);
const warmAt = args.indexOf('--warm');
const warm = warmAt >= 0 ? Number(args.splice(warmAt, 2)[1]) : 3_000;
if (!(Number.isInteger(warm) && warm >= 0)) throw new Error('--warm takes a count of pushes');
const ids = args.length > 0 ? args : all.map((i) => i.id);
const history = 3_000, pushes = 2_000;
const c = workload(history + warm + pushes);
const upTo = (n) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(0, n)]));
const bar = (i) => ({ ts_open: c.ts_open[i], open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i], volume: c.volume[i] });
const bars = Array.from({ length: warm + pushes }, (_, i) => bar(history + i));
const engine = await createEngine({ backend: 'native', nativeBuild: 'off', logger: silentLogger, env: {} });
const session = new Session();
session.connect();
for (const id of ids) {
  // Outputs that look ahead cannot be streamed (trend.ichimoku's lagging).
  const outputs = all.find((i) => i.id === id).outputs.filter((o) => !o.looksAhead).map((o) => o.name);
  const s = await engine.stream({ indicator: id, outputs, history: upTo(history) });
  if (s.mode !== 'stepped') {
    s.close();
    continue;
  }
  for (let i = 0; i < warm; i++) s.push(bars[i]);
  await session.post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
  for (let i = warm; i < warm + pushes; i++) s.push(bars[i]);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const byFunction = new Map();
  let total = 0;
  // The profiler's own allocations (its promise, the inspector's messages) are not the push's.
  const walk = (node, inInspector) => {
    const f = node.callFrame, mine = inInspector || f.url.includes('inspector');
    if (node.selfSize > 0 && !mine) {
      const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children ?? []) walk(child, mine);
  };
  walk(profile.head, false);
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([name, bytes]) => `${name} ${Math.round(bytes / pushes)}`);
  console.log(`${id.padEnd(34)} ${String(Math.round(total / pushes)).padStart(6)} bytes per push (${s.variants} variants)${top.length ? `: ${top.join('; ')}` : ''}`);
  s.close();
}
session.disconnect();
await engine.close();
