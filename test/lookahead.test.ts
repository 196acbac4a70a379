// No output at bar t may depend on candles after t: recompute with every
// candle after a cut point changed and compare everything up to the cut.
// The one documented exception is Ichimoku's lagging line, which is the close
// shifted backward by construction.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../dist/index.js';
import { closeEngines, engineFor, rng, syntheticCandles, allowedGrids, choiceValues } from './helpers.js';

afterAll(closeEngines);


function perturbedAfter(c: ReturnType<typeof syntheticCandles>, cut: number, seed: number) {
  const r = rng(seed);
  const out = { ...c, open: c.open.slice(), high: c.high.slice(), low: c.low.slice(), close: c.close.slice(), volume: c.volume.slice() };
  for (let i = cut + 1; i < c.close.length; i++) {
    const f = 0.9 + 0.2 * r();
    for (const k of ['open', 'high', 'low', 'close'] as const) out[k][i] = c[k][i]! * f;
    out.volume[i] = c.volume[i]! * (0.5 + r());
  }
  return out;
}

/** A few variants per axis, small enough that the lookback ends well before the cuts. */
function smallGrid(info: ReturnType<typeof listIndicators>[number]) {
  const grid: Record<string, unknown> = {};
  for (const a of info.axes) {
    if (a.kind === 'source') grid[a.name] = ['close', 'hlc3'];
    else if (a.kind === 'choice') grid[a.name] = choiceValues(info, a, info.id.length);
    // A Set: at a huge bound (SAREXT's startvalue, ±3e37) min + 0.5 is min.
    else grid[a.name] = [...new Set(a.kind === 'int' ? [a.min!, Math.min(a.max!, a.min! + 3)] : [a.min!, Math.min(a.max!, a.min! + 0.5)])];
  }
  return grid;
}

describe('no look-ahead', () => {
  for (const info of listIndicators().filter((i) => !i.aliasOf)) {
    it(info.id, async () => {
      const engine = await engineFor('native');
      const candles = syntheticCandles({ t: 400, seed: 77, holes: 0.01 });
      for (const grid of allowedGrids(info, smallGrid(info))) {
      const base = await engine.compute({ indicator: info.id, candles, grid: grid as never, dtype: 'float64', layout: 'variant-major' });
      for (const cut of [150, 260]) {
        const moved = await engine.compute({ indicator: info.id, candles: perturbedAfter(candles, cut, cut), grid: grid as never, dtype: 'float64', layout: 'variant-major' });
        for (const o of info.outputs) {
          if (o.looksAhead) continue;  // e.g. Ichimoku's lagging line, flagged in its definition
          for (let v = 0; v < base.variants; v++) {
            const a = base.series(o.name, v), b = moved.series(o.name, v);
            for (let t = 0; t <= cut; t++) {
              if (!Object.is(a[t], b[t])) expect.fail(`${info.id} ${o.name} ${JSON.stringify(base.variant(v))}: bar ${t} changed (${a[t]} -> ${b[t]}) when only candles after ${cut} changed`);
            }
          }
        }
      }
      }
    });
  }
});
