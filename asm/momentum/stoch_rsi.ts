// momentum.stoch_rsi; mirrors native/momentum/stoch_rsi.h.
// TA-Lib RSI of the valid run x[s, e), from bar s + m on (seeded with the
// means of the first m changes: m = n, or 1 for seed 'first', param 5).
import { at, BAD_PARAM, beginPass, BLOCK, Call, input, OK, param, putNaNAll, SCRATCH_TOO_SMALL, setSlot, slot, STATE_B, STATE_C } from "../abi";
import {
  buildExtremes, callWindow, EXTREME_HIGH, EXTREME_LOW, extremeLevels, extremeRows, laneRow, rsiFromAverages, RUNNING_MEAN_HEAD, seedsFirst,
  segmentEnd, skipGaps, validAt, wilderStep, windowCapacity, windowSetAdd, windowSetBegin, windowSetEnd, windowsFit, zeroDenominator,
} from "../primitives";
import { deque, fastKAt, kdByType, kdByTypeScratch, kdSma, lane, mean, placeState, putKD, STATE_DOUBLES, stochBlank, stochK } from "./common";

// Steps bars [from, e) (from > s: later when a kernel state carries the run
// to bar from - 1), rsiGain and rsiLoss the averages (the sums so far while
// seeding) in and out.
let rsiGain = 0.0, rsiLoss = 0.0;
function rsiRun(x: usize, s: i32, from: i32, e: i32, n: i32, m: i32, rsi: usize): void {
  const nd = <f64>n, md = <f64>m;
  let gain = rsiGain, loss = rsiLoss;
  for (let t = from; t < e; ++t) {
    const d = at(x, t) - at(x, t - 1);
    const up = d > 0.0 ? d : 0.0, down = d < 0.0 ? -d : 0.0;
    if (t <= s + m) {
      gain += up;
      loss += down;
      if (t < s + m) continue;
      gain /= md;
      loss /= md;
    } else {
      gain = wilderStep(gain, up, nd);
      loss = wilderStep(loss, down, nd);
    }
    store<f64>(rsi + (<usize>t << 3), rsiFromAverages(gain, loss));
  }
  rsiGain = gain;
  rsiLoss = loss;
}

// Kernel state per variant (native/momentum/stoch_rsi.h): [stride, lead,
// age, gain, loss, rsis, slow %K's RunningMean state, %D's, the last k_window
// RSI values]; set by readStochRsiState (stride 0: none).
const HEAD: i32 = 6;
let stride = 0, lead = 0, age = 0;
@inline function stateOf(area: usize, v: i32): usize { return area + (<usize>(stride * v) << 3); }
@inline function ringAt(c: Call, v: i32): i32 { return HEAD + 2 * RUNNING_MEAN_HEAD + <i32>param(c, 3, v) + <i32>param(c, 2, v); }

function readStochRsiState(c: Call): bool {
  stride = lead = age = 0;
  if (c.stateIn == 0 && c.stateOut == 0) return true;
  if (c.stateIn == 0 || c.stateLen < 3) return false;
  const s = <i32>load<f64>(c.stateIn);
  if (!(s > 0 && c.stateLen >= s * c.v1)) return false;
  const own = c.stateIn + (<usize>(s * c.v0) << 3);  // the call's source run's lead and age, in each of its variants
  const l = <i32>load<f64>(own, 8), a = <i32>load<f64>(own, 16);
  if (!(l >= 0 && l < c.T && a >= 0)) return false;
  for (let v = c.v0; v < c.v1; ++v) {
    const kw = <i32>param(c, 1, v);
    if (!kdSma(c, -1, 6, v) || l < kw - 1 || l < <i32>param(c, 2, v) || l < <i32>param(c, 3, v)) return false;
    if (s < HEAD + 2 * RUNNING_MEAN_HEAD + <i32>param(c, 3, v) + <i32>param(c, 2, v) + kw) return false;
  }
  stride = s;
  lead = l;
  age = a;
  return true;
}

// The RSI of one seed over the call, run by run (rsiLine in native): with a
// state, bars before the lead are the stream's (the ring's values go back in
// at the bars the range reads), a run over bar lead began `age` bars before
// it. The last run computed, by seed, in static memory (nothing is
// allocated): its averages, count of RSI values, first bar, end, and 1 when
// any ran.
const LAST_GAIN = 0, LAST_LOSS = 1, LAST_RSIS = 2, LAST_ORIGIN = 3, LAST_END = 4, LAST_ON = 5;
const LAST: usize = memory.data(2 * 6 * 8, 8);
@inline function lastAt(first: bool, field: i32): usize { return LAST + (<usize>((first ? 6 : 0) + field) << 3); }

function rsiLine(c: Call, r0: i32, r1: i32, first: bool, n: i32, rsi: usize): void {
  const m = first ? 1 : n, x = input(c, 0);
  let from: usize = 0;  // the state of the run's first variant of this seed
  for (let v = r0; v < r1 && stride > 0 && from == 0; ++v) if (seedsFirst(c, 5, v) == first) from = stateOf(c.stateIn, v);
  let gain = 0.0, loss = 0.0, rsis = 0.0, lastOrigin = 0, lastEnd = 0, on = false;
  if (from != 0) {
    gain = load<f64>(from, 24);
    loss = load<f64>(from, 32);
    rsis = load<f64>(from, 40);
    for (let v = r0; v < r1; ++v) {
      if (seedsFirst(c, 5, v) != first) continue;
      const kw = <i32>param(c, 1, v), ring = stateOf(c.stateIn, v) + (<usize>ringAt(c, v) << 3);
      for (let i = 1; i < kw; ++i) store<f64>(rsi + (<usize>(lead - kw + i) << 3), load<f64>(ring + (<usize>i << 3)));
    }
  }
  let t = 0;
  while (t < c.T) {
    if (!validAt(c, 1, t)) { ++t; continue; }
    const s = t, e = segmentEnd(c, 1, t);
    t = e;
    if (from != 0 && e <= lead) continue;
    const goesOn = from != 0 && s < lead;
    const origin = goesOn ? lead - age : s;
    rsiGain = goesOn ? gain : 0.0;
    rsiLoss = goesOn ? loss : 0.0;
    rsiRun(x, origin, goesOn ? lead : s + 1, e, n, m, rsi);
    gain = rsiGain;
    loss = rsiLoss;
    rsis = <f64>max(0, e - origin - m);
    lastOrigin = origin;
    lastEnd = e;
    on = true;
  }
  store<f64>(lastAt(first, LAST_GAIN), gain);
  store<f64>(lastAt(first, LAST_LOSS), loss);
  store<f64>(lastAt(first, LAST_RSIS), rsis);
  store<f64>(lastAt(first, LAST_ORIGIN), <f64>lastOrigin);
  store<f64>(lastAt(first, LAST_END), <f64>lastEnd);
  store<f64>(lastAt(first, LAST_ON), on ? 1.0 : 0.0);
}

// Variants [b0, b0 + nb)'s stateOut after the call: the last run of their RSI (the state in where none ran) and their means.
function keepStochRsi(c: Call, b0: i32, nb: i32, rsiSma: usize, rsiFirst: usize): void {
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j, kw = <i32>param(c, 1, v), first = seedsFirst(c, 5, v);
    const on = load<f64>(lastAt(first, LAST_ON)) != 0.0;
    const origin = <i32>load<f64>(lastAt(first, LAST_ORIGIN)), end = <i32>load<f64>(lastAt(first, LAST_END));
    const to = stateOf(c.stateOut, v);
    store<f64>(to, <f64>stride);
    store<f64>(to, <f64>lead, 8);
    store<f64>(to, on && end == c.T ? <f64>(c.T - origin) : 0.0, 16);
    store<f64>(to, load<f64>(lastAt(first, LAST_GAIN)), 24);
    store<f64>(to, load<f64>(lastAt(first, LAST_LOSS)), 32);
    store<f64>(to, load<f64>(lastAt(first, LAST_RSIS)), 40);
    const means = to + (<usize>HEAD << 3);
    mean(0, j).save(means);
    mean(1, j).save(means + (<usize>(RUNNING_MEAN_HEAD + mean(0, j).n) << 3));
    const ring = to + (<usize>ringAt(c, v) << 3), inRing = stateOf(c.stateIn, v) + (<usize>ringAt(c, v) << 3);
    const rsi = first ? rsiFirst : rsiSma, rsiFrom = origin + (first ? 1 : <i32>param(c, 0, v));
    for (let i = 0; i < kw; ++i) {
      const t = end - kw + i;
      store<f64>(ring + (<usize>i << 3), !on ? load<f64>(inRing + (<usize>i << 3)) : t >= rsiFrom ? at(rsi, t) : 0.0);
    }
  }
}

// Sparse tables of the RSI's highs and lows by seed (4 of extremeTable) for the 'sma' path's rows.
function extremeTable(T: i32, W: i32): f64 { return <f64>extremeLevels(windowCapacity(T, W)) * <f64>T; }

export function scratch(T: i32, W: i32): f64 {
  return 2.0 * <f64>T + 4.0 * <f64>BLOCK * <f64>windowCapacity(T, W) + kdByTypeScratch(T) + 4.0 * extremeTable(T, W) + STATE_DOUBLES;
}

export function run<O>(c: Call): i32 {
  const W = callWindow(c, 0, 1, 2, 3);
  if (<f64>c.scratchLen < scratch(c.T, W)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2) || !windowsFit(c, 3)) return BAD_PARAM;
  if (!readStochRsiState(c)) return BAD_PARAM;
  const rsiSma = c.scratch, rsiFirst = c.scratch + (<usize>c.T << 3);  // by seed
  const cap = windowCapacity(c.T, W);
  const ringBytes = <usize>cap << 3;
  const highIdx = c.scratch + (<usize>c.T << 4);
  const lowIdx = highIdx + <usize>BLOCK * ringBytes;
  const rings = lowIdx + <usize>BLOCK * ringBytes;
  const ringsK = rings + <usize>BLOCK * ringBytes;
  const byType = ringsK + <usize>BLOCK * ringBytes;
  const nLevels = extremeLevels(cap), tableBytes = <usize>extremeTable(c.T, W) << 3;
  const tables = byType + (<usize>kdByTypeScratch(c.T) << 3);  // highs, lows of rsiSma; highs, lows of rsiFirst
  const kw = lane(0);
  let r1 = c.v0;
  for (let r0 = c.v0; r0 < c.v1; r0 = r1) {
    const rsiWindow = param(c, 0, r0);
    for (r1 = r0 + 1; r1 < c.v1 && param(c, 0, r1) == rsiWindow; ++r1) {}
    beginPass(c, r0, r1);
    const n = <i32>rsiWindow;
    let usesSma = false, usesFirst = false;
    for (let v = r0; v < r1; ++v) {
      if (seedsFirst(c, 5, v)) usesFirst = true;
      else usesSma = true;
    }
    if (usesSma) rsiLine(c, r0, r1, false, n, rsiSma);
    if (usesFirst) rsiLine(c, r0, r1, true, n, rsiFirst);
    // Values outside a segment's RSI run are never read: rows only serve windows inside [from, t].
    if (usesSma) { buildExtremes(true, rsiSma, c.T, nLevels, tables); buildExtremes(false, rsiSma, c.T, nLevels, tables + tableBytes); }
    if (usesFirst) { buildExtremes(true, rsiFirst, c.T, nLevels, tables + 2 * tableBytes); buildExtremes(false, rsiFirst, c.T, nLevels, tables + 3 * tableBytes); }
    for (let b0 = r0; b0 < r1; b0 += BLOCK) {
      const nb = min(BLOCK, r1 - b0);
      for (let j = 0; j < nb; ++j) setSlot(kw, j, param(c, 1, b0 + j));
      windowSetBegin(nb);
      windowSetAdd(c, 1, b0);
      windowSetEnd();
      for (let j = 0; j < nb; ++j) {
        mean(1, j).reset(rings + <usize>j * ringBytes, <i32>param(c, 2, b0 + j));
        mean(0, j).reset(ringsK + <usize>j * ringBytes, <i32>param(c, 3, b0 + j));  // %K smoothing
        if (stride == 0) continue;
        const means = stateOf(c.stateIn, b0 + j) + (<usize>HEAD << 3);
        mean(0, j).load(means);
        mean(1, j).load(means + (<usize>(RUNNING_MEAN_HEAD + mean(0, j).n) << 3));
      }
      let t = 0;
      while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
        const s = t, e = segmentEnd(c, 1, t);
        t = e;  // the segment is done whichever paths ran
        // With a state: bars before the lead are the stream's; a run over bar lead began `age` bars before it.
        if (stride > 0 && e <= lead) {
          for (let u = s; u < e; ++u) putNaNAll<O>(c, u, b0, nb);
          continue;
        }
        const goesOn = stride > 0 && s < lead;
        const origin = goesOn ? lead - age : s, t0 = goesOn ? lead : s;
        for (let u = s; u < t0; ++u) putNaNAll<O>(c, u, b0, nb);
        for (let j = 0; j < nb && !goesOn; ++j) {
          mean(0, j).reset(mean(0, j).ring, mean(0, j).n);
          mean(1, j).reset(mean(1, j).ring, mean(1, j).n);
        }
        // The 'sma' path a seed at a time: the block's k windows a bar at a time (extremeRows over that seed's RSI).
        for (let pass = 0; pass < 2; ++pass) {
          const first = pass == 1;
          let any = false;
          for (let j = 0; j < nb; ++j) any = any || (kdSma(c, -1, 6, b0 + j) && seedsFirst(c, 5, b0 + j) == first);
          if (!any) continue;
          const rsi = first ? rsiFirst : rsiSma, from = origin + (first ? 1 : n);
          const highs = tables + (first ? 2 : 0) * tableBytes, lows = highs + tableBytes;
          for (let u = t0; u < e; ++u) {
            let hRow = EXTREME_HIGH, lRow = EXTREME_LOW;
            if (u >= from) {
              extremeRows(true, highs, c.T, u, u - from + 1, EXTREME_HIGH);
              extremeRows(false, lows, c.T, u, u - from + 1, EXTREME_LOW);
              hRow = laneRow(0, EXTREME_HIGH, STATE_B);
              lRow = laneRow(0, EXTREME_LOW, STATE_C);
            }
            for (let j = 0; j < nb; ++j) {
              if (!kdSma(c, -1, 6, b0 + j) || seedsFirst(c, 5, b0 + j) != first) continue;  // k_smoothing is always an SMA
              let has = false, blank = false;
              let fast = NaN;
              if (u >= from && u - from >= <i32>slot(kw, j) - 1) {
                const hh = at(hRow, j), ll = at(lRow, j);
                fast = mean(0, j).push(stochK(at(rsi, u), hh, ll));
                has = !isNaN(fast);
                blank = stochBlank(c, 4, b0 + j, hh, ll);
              }
              putKD<O>(c, u, b0 + j, has, fast, mean(1, j), blank);
            }
          }
        }
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          if (kdSma(c, -1, 6, v)) continue;
          const first = seedsFirst(c, 5, v);
          const rsi = first ? rsiFirst : rsiSma, from = s + (first ? 1 : n);
          const kn = <i32>slot(kw, j);
          const hi = deque(0, j), lo = deque(1, j);
          hi.reset(highIdx + <usize>j * ringBytes, cap, true);
          lo.reset(lowIdx + <usize>j * ringBytes, cap, false);
          for (let u = from; u < e; ++u) {
            hi.push(rsi, u, kn);
            lo.push(rsi, u, kn);
            if (u - from >= kn - 1) fastKAt(byType, c.T, u, at(rsi, u), at(rsi, hi.front()), at(rsi, lo.front()));
          }
          kdByType<O>(c, v, -1, 6, byType, s, from + kn - 1, e, <i32>param(c, 3, v), <i32>param(c, 2, v), isNaN(zeroDenominator(c, 4, v, 0.0)));
        }
      }
      if (c.stateOut != 0) keepStochRsi(c, b0, nb, rsiSma, rsiFirst);
    }
  }
  return OK;
}
