// Candle series for the generated TA-Lib fixtures. Deterministic: mulberry32
// and IEEE-754 binary64 arithmetic only, so every platform regenerates them
// bit for bit (the same generator family as public.json.gz, see its README).
import { mulberry32 } from '../../bench/common.mjs';

const breakawayDown = [
  [0, 0.1, -3.1, -3],
  [-3.5, -3.4, -4.1, -4],
  [-3.7, -3.6, -4.3, -4.2],
  [-3.9, -3.8, -4.6, -4.5],
  [-4.4, -3.1, -4.5, -3.2],
];
/** The same pattern upside down: prices negated, so highs and lows swap. */
const mirror = (bars) => bars.map(([o, h, l, c]) => [-o, -l, -h, -c]);

/** Bars as [open, high, low, close] offsets from the last close, in units of 2% of price. */
const PLANTED = [
  (d) => [ // mat hold
    [0, 4.2, -0.2, 4],
    [4.6, 4.7, 4.3, 4.4],
    [4.3 - 4 * d, 4.35 - 4 * d, 4.05 - 4 * d, 4.1 - 4 * d],
    [4.2 - 4 * d, 4.25 - 4 * d, 3.95 - 4 * d, 4 - 4 * d],
    [4.1 - 4 * d, 5.6, 4.05 - 4 * d, 5.5],
  ],
  () => [ // concealing baby swallow, after a rise
    [0, 2.6, 0, 2.5],
    [2.5, 2.5, -1.5, -1.5],
    [-1.6, -1.6, -3.5, -3.5],
    [-4.1, -3.1, -4.9, -4.7],
    [-2.9, -2.7, -5.5, -5.3],
  ],
  () => [ // three stars in the south, after a rise
    [0, 3.1, 0, 3],
    [3, 3.1, -3.5, 0],
    [1, 1.1, -2.5, -0.2],
    [-0.3, -0.3, -0.6, -0.6],
  ],
  () => breakawayDown,
  () => mirror(breakawayDown),
];

/**
 * Candles built to trigger every candlestick pattern: each bar draws a shape
 * (doji, long or short body, marubozu, hammer, shooting star, spinning top,
 * flat bar) and an opening gap, on a coarse price tick so that equal opens,
 * closes, highs and lows (which many patterns test for) occur often. Runs of
 * one colour make the three-candle patterns and trends the patterns look for.
 * Mat hold and concealing baby swallow, too specific to arise at random, are
 * planted every `plantEvery` bars.
 */
export function patternCandles({ seed = 3, n = 120000, segment = 40000, p0 = 100, tick = 0.25, ts0 = 1704067200000, plantEvery = 1000 } = {}) {
  let u = mulberry32(seed);
  const q = (x) => Math.round(x / tick) * tick;
  const cols = { ts_open: [], open: [], high: [], low: [], close: [], volume: [] };
  let prev = p0;
  let trend = 1;
  let runLeft = 0;
  for (let i = 0; i < n; i++) {
    // Each segment draws from its own stream: more distinct histories for the rare patterns.
    if (i > 0 && i % segment === 0) u = mulberry32(seed + i / segment);
    if (runLeft === 0) {
      trend = u() < 0.5 + 0.1 * Math.sign(p0 - prev) ? 1 : -1;
      runLeft = 1 + Math.floor(u() * 6);
    }
    runLeft--;
    const unit = prev * 0.01;
    if (plantEvery > 0 && i % plantEvery === plantEvery - 6 && i + 5 <= n) {
      // Patterns too specific to arise at random are planted, in turn, with
      // varying proportions (mat hold: how deep the reaction goes).
      const planted = PLANTED[(i / plantEvery | 0) % PLANTED.length](u());
      const o = q(prev), pu = 2 * unit;
      for (const bar of planted) {
        const [bo, bh, bl, bc] = bar.map((x) => q(o + x * pu));
        cols.ts_open.push(ts0 + 60000 * i);
        cols.open.push(bo); cols.high.push(bh); cols.low.push(bl); cols.close.push(bc);
        cols.volume.push(Math.round(1000 * (0.2 + 1.6 * u())));
        i++;
      }
      prev = cols.close[cols.close.length - 1];
      i--;
      continue;
    }
    const gapDraw = u();
    const gap = gapDraw < 0.25 ? 0 : gapDraw < 0.75 ? (u() - 0.5) * unit : (u() < 0.5 ? -1 : 1) * (0.5 + u()) * 2 * unit;
    const open = q(prev + gap);
    const shape = u();
    let body, upper, lower;
    if (shape < 0.1) { body = 0; upper = u() * 2 * unit; lower = u() * 2 * unit; }                 // doji
    else if (shape < 0.15) { body = 0; upper = 0; lower = 0; }                                       // flat bar
    else if (shape < 0.35) { body = (1.5 + 2 * u()) * unit; upper = u() * 0.3 * unit; lower = u() * 0.3 * unit; } // long body
    else if (shape < 0.45) { body = (1 + 2 * u()) * unit; upper = 0; lower = 0; }                    // marubozu
    else if (shape < 0.55) { body = u() * 0.5 * unit; upper = u() * 0.2 * unit; lower = (1.5 + 2 * u()) * unit; } // hammer
    else if (shape < 0.65) { body = u() * 0.5 * unit; upper = (1.5 + 2 * u()) * unit; lower = u() * 0.2 * unit; } // shooting star
    else if (shape < 0.75) { body = u() * 0.4 * unit; upper = (0.5 + u()) * unit; lower = (0.5 + u()) * unit; } // spinning top
    else if (shape < 0.82) { body = (1.5 + 2 * u()) * unit; upper = u() * unit; lower = (1 + u()) * body; } // long body, long lower shadow
    else { body = u() * 1.2 * unit; upper = u() * 0.8 * unit; lower = u() * 0.8 * unit; }            // ordinary
    const dir = u() < 0.8 ? trend : -trend;
    const close = q(open + dir * body);
    const high = q(Math.max(open, close) + upper);
    const low = q(Math.min(open, close) - lower);
    cols.ts_open.push(ts0 + 60000 * i);
    cols.open.push(open);
    cols.high.push(high);
    cols.low.push(Math.max(low, tick));
    cols.close.push(close);
    cols.volume.push(Math.round(1000 * (0.2 + 1.6 * u())));
    prev = close;
  }
  return cols;
}
