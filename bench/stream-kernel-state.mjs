// Whether a kernel that carries a stream's state is slower than the plain
// kernel: the kernel calls of a pushMany() of 10,000 bars into a fresh
// stream (default grid), run again on this thread through the native
// backend, with their state and without it (the same call otherwise),
// alternating which goes first; medians of --runs (default 21), in ms.
// A pushMany() over 1.2x of compute() with a ratio here near 1 spends its
// extra time outside the kernel.
//   node bench/stream-kernel-state.mjs [--runs N] [id ...]   (default: ma.t3 ma.tema ma.kama structure.sum trend.keltner)
import { createEngine } from '../dist/index.js';
import { NativeBackend } from '../dist/backends/native.js';
import { silentLogger } from '../dist/runtime/logger.js';
import { median, workload } from './common.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 21;
const ids = args.length > 0 ? args : ['ma.t3', 'ma.tema', 'ma.kama', 'structure.sum', 'trend.keltner'];
const engine = await createEngine({ backend: 'native', numThreads: 1, nativeBuild: 'off', logger: silentLogger, env: {} });
const backend = new NativeBackend();
const bars = workload(10_000);
for (const id of ids) {
  // The stream's jobs, as its pushMany() hands them to the pool.
  const jobs = [];
  const runKernels = engine.runKernels;
  engine.runKernels = (plan, t, job) => runKernels.call(engine, plan, t, (chunk) => {
    const j = job(chunk);
    jobs.push(j);
    return j;
  });
  const s = await engine.stream({ indicator: id });
  (await s.pushMany(bars)).release();
  s.close();
  engine.runKernels = runKernels;
  if (jobs.length === 0) {
    console.log(`${id}: no kernel call (batch route ${s.batchRoute})`);
    continue;
  }
  // Each call starts from the state the stream gave it.
  const states = jobs.map((j) => j.state.input.slice());
  const plain = jobs.map((j) => ({ ...j, state: undefined }));
  const withState = [], without = [];
  const timed = (list, into, prepare) => {
    const t0 = performance.now();
    list.forEach((j, k) => {
      prepare?.(j, k);
      backend.run(j);
    });
    into.push(performance.now() - t0);
  };
  for (let r = 0; r < runs; r++) {
    const a = () => timed(jobs, withState, (j, k) => j.state.input.set(states[k]));
    const b = () => timed(plain, without);
    if (r % 2) { a(); b(); } else { b(); a(); }
  }
  const w = median(withState), o = median(without);
  console.log(`${id.padEnd(16)} ${jobs.length} call(s), state ${jobs[0].state.input.length} numbers: with state ${w.toFixed(2)} ms, without ${o.toFixed(2)} ms, ratio ${(w / o).toFixed(3)}`);
}
await engine.close();
