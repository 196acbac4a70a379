// Runs one peer library on one indicator in its own process, so a peer that
// aborts (talib 1.1.6 can, from native code) is reported as crashed instead of
// taking the benchmark down. Input: a JSON argument { peer, fn, periods, t, seed }.
// Output: { times: ms per period, last: last value per period }.
import { loadPeers } from './peers.mjs';
import { workload } from './common.mjs';

const { peer: name, fn, periods, t, seed } = JSON.parse(process.argv[2]);
const peer = loadPeers().find((p) => p.name === name);
const c = workload(t, seed);
const cols = { close: Array.from(c.close), high: Array.from(c.high), low: Array.from(c.low), volume: Array.from(c.volume) };
const times = [], last = [];
for (const period of periods) {
  const t0 = performance.now();
  const r = peer.run(fn, cols, period);
  times.push(performance.now() - t0);
  last.push(r.values[r.values.length - 1]);
}
console.log(JSON.stringify({ times, last }));
