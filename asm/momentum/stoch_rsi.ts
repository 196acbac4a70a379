// momentum.stoch_rsi; mirrors native/momentum/stoch_rsi.h.
// TA-Lib RSI of the valid run x[s, e), from bar s + m on (seeded with the
// means of the first m changes: m = n, or 1 for seed 'first', param 5).
import { at, BAD_PARAM, beginPass, BLOCK, Call, input, OK, param, SCRATCH_TOO_SMALL, setSlot, slot, STATE_B, STATE_C } from "../abi";
import {
  buildExtremes, callWindow, EXTREME_HIGH, EXTREME_LOW, extremeLevels, extremeRows, laneRow, rsiFromAverages, seedsFirst,
  segmentEnd, skipGaps, validAt, wilderStep, windowCapacity, windowSetAdd, windowSetBegin, windowSetEnd, windowsFit, zeroDenominator,
} from "../primitives";
import { deque, fastKAt, kdByType, kdByTypeScratch, kdSma, lane, mean, placeState, putKD, STATE_DOUBLES, stochBlank, stochK } from "./common";

function rsiRun(x: usize, s: i32, e: i32, n: i32, m: i32, rsi: usize): void {
  if (s + m >= e) return;
  const nd = <f64>n, md = <f64>m;
  let gain = 0.0, loss = 0.0;
  for (let t = s + 1; t < e; ++t) {
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
  const x = input(c, 0);
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
    let t = 0;
    while (t < c.T) {
      if (!validAt(c, 1, t)) { ++t; continue; }
      const e = segmentEnd(c, 1, t);
      if (usesSma) rsiRun(x, t, e, n, n, rsiSma);
      if (usesFirst) rsiRun(x, t, e, n, 1, rsiFirst);
      t = e;
    }
    // Values outside a segment's RSI run are never read: rows only serve windows inside [from, t].
    if (usesSma) { buildExtremes(true, rsiSma, c.T, nLevels, tables); buildExtremes(false, rsiSma, c.T, nLevels, tables + tableBytes); }
    if (usesFirst) { buildExtremes(true, rsiFirst, c.T, nLevels, tables + 2 * tableBytes); buildExtremes(false, rsiFirst, c.T, nLevels, tables + 3 * tableBytes); }
    for (let b0 = r0; b0 < r1; b0 += BLOCK) {
      const nb = min(BLOCK, r1 - b0);
      for (let j = 0; j < nb; ++j) setSlot(kw, j, param(c, 1, b0 + j));
      windowSetBegin(nb);
      windowSetAdd(c, 1, b0);
      windowSetEnd();
      t = 0;
      while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
        const s = t, e = segmentEnd(c, 1, t);
        for (let j = 0; j < nb; ++j) {
          deque(0, j).reset(highIdx + <usize>j * ringBytes, cap, true);
          deque(1, j).reset(lowIdx + <usize>j * ringBytes, cap, false);
          mean(1, j).reset(rings + <usize>j * ringBytes, <i32>param(c, 2, b0 + j));
          mean(0, j).reset(ringsK + <usize>j * ringBytes, <i32>param(c, 3, b0 + j));  // %K smoothing
        }
        // The 'sma' path a seed at a time: the block's k windows a bar at a time (extremeRows over that seed's RSI).
        for (let pass = 0; pass < 2; ++pass) {
          const first = pass == 1;
          let any = false;
          for (let j = 0; j < nb; ++j) any = any || (kdSma(c, -1, 6, b0 + j) && seedsFirst(c, 5, b0 + j) == first);
          if (!any) continue;
          const rsi = first ? rsiFirst : rsiSma, from = s + (first ? 1 : n);
          const highs = tables + (first ? 2 : 0) * tableBytes, lows = highs + tableBytes;
          for (t = s; t < e; ++t) {
            let hRow = EXTREME_HIGH, lRow = EXTREME_LOW;
            if (t >= from) {
              extremeRows(true, highs, c.T, t, t - from + 1, EXTREME_HIGH);
              extremeRows(false, lows, c.T, t, t - from + 1, EXTREME_LOW);
              hRow = laneRow(0, EXTREME_HIGH, STATE_B);
              lRow = laneRow(0, EXTREME_LOW, STATE_C);
            }
            for (let j = 0; j < nb; ++j) {
              if (!kdSma(c, -1, 6, b0 + j) || seedsFirst(c, 5, b0 + j) != first) continue;  // k_smoothing is always an SMA
              let has = false, blank = false;
              let fast = NaN;
              if (t >= from && t - from >= <i32>slot(kw, j) - 1) {
                const hh = at(hRow, j), ll = at(lRow, j);
                fast = mean(0, j).push(stochK(at(rsi, t), hh, ll));
                has = !isNaN(fast);
                blank = stochBlank(c, 4, b0 + j, hh, ll);
              }
              putKD<O>(c, t, b0 + j, has, fast, mean(1, j), blank);
            }
          }
        }
        t = e;  // the segment is done whichever paths ran
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
    }
  }
  return OK;
}
