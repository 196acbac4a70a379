// Momentum: price changes, Wilder gain/loss oscillators, EMA spreads; mirrors
// native/momentum.h. Where C++ passes a lambda or a template flag, a flag
// argument picks the formula.
import { BLOCK, Call, OK, SCRATCH_TOO_SMALL, STATE_A, STATE_B, STATE_C, at, input, param, put, putNaNAll, setSlot, slot } from "./abi";
import {
  emaLane, nearZero, rsiFromAverages, segmentEnd, skipGaps, sumRange, validAt, wilderStep,
} from "./primitives";

export function momScratch(T: i32): f64 { return 0.0; }
export function rocScratch(T: i32): f64 { return <f64>T; }

// x[t] - x[t-n] (MOM), times 100 / x[t-n] for ROC (see native/momentum.h).
@inline function lagValue(roc: bool, xt: f64, past: f64, scale: f64): f64 {
  return roc ? (xt - past) * scale : xt - past;
}

// MOM, or ROC when roc, where bars t-n..t are all valid. Variant-major output
// is written one contiguous run per variant, as in C++.
function lagged<O>(c: Call, roc: bool): i32 {
  const need = roc ? rocScratch(c.T) : momScratch(c.T);
  if (<f64>c.scratchLen < need) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const scale = c.scratch;
  if (roc) {
    for (let t = 0; t < c.T; ++t) {
      const v = at(x, t);
      store<f64>(scale + (<usize>t << 3), v != 0.0 ? 100.0 / v : 0.0);
    }
  }
  const dst = load<usize>(c.outPtrs);
  if (dst == 0) return OK;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      if (c.timeStride == 1) {
        for (let j = 0; j < nb; ++j) {
          const n = <i32>param(c, 0, b0 + j);
          const o = dst + <usize>(b0 + j) * <usize>c.variantStride * sizeof<O>();
          const from = min(s + n, e);
          for (t = s; t < from; ++t) store<O>(o + <usize>t * sizeof<O>(), <O>NaN);
          for (t = from; t < e; ++t) {
            const v = lagValue(roc, at(x, t), at(x, t - n), roc ? at(scale, t - n) : 0.0);
            store<O>(o + <usize>t * sizeof<O>(), <O>v);
          }
        }
      } else {
        for (t = s; t < e; ++t) {
          const xt = at(x, t);
          for (let j = 0; j < nb; ++j) {
            const n = <i32>param(c, 0, b0 + j);
            const v = t - s >= n ? lagValue(roc, xt, at(x, t - n), roc ? at(scale, t - n) : 0.0) : NaN;
            put<O>(c, 0, t, b0 + j, v);
          }
        }
      }
      t = e;
    }
  }
  return OK;
}

export function gainLossScratch(T: i32): f64 { return 2.0 * T; }

// RSI, or CMO when cmo: 0 when the sum of the averages is ~0.
@inline function gainLossValue(gain: f64, loss: f64, cmo: bool): f64 {
  if (!cmo) return rsiFromAverages(gain, loss);
  const sum = gain + loss;
  return nearZero(sum) ? 0.0 : 100.0 * ((gain - loss) / sum);
}

function gainLoss<O>(c: Call, cmo: bool): i32 {
  if (<f64>c.scratchLen < gainLossScratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const gain = c.scratch, loss = c.scratch + (<usize>c.T << 3);
  for (let t = 1; t < c.T; ++t) {
    const d = at(x, t) - at(x, t - 1);
    store<f64>(gain + (<usize>t << 3), d > 0.0 ? d : 0.0);
    store<f64>(loss + (<usize>t << 3), d < 0.0 ? -d : 0.0);
  }
  const avgGain = STATE_A, avgLoss = STATE_B, seedAt = STATE_C;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      for (let j = 0; j < nb; ++j) {
        const n = param(c, 0, b0 + j);
        const sa = <f64>s + n;
        setSlot(seedAt, j, sa);
        const seeded = sa < <f64>e;
        setSlot(avgGain, j, seeded ? sumRange(gain, s + 1, <i32>n) / n : NaN);
        setSlot(avgLoss, j, seeded ? sumRange(loss, s + 1, <i32>n) / n : NaN);
      }
      for (t = s; t < e; ++t) {
        const tf = <f64>t;
        for (let j = 0; j < nb; ++j) {
          const sa = slot(seedAt, j);
          if (tf > sa) {
            const n = param(c, 0, b0 + j);
            setSlot(avgGain, j, wilderStep(slot(avgGain, j), at(gain, t), n));
            setSlot(avgLoss, j, wilderStep(slot(avgLoss, j), at(loss, t), n));
          }
          put<O>(c, 0, t, b0 + j, tf >= sa ? gainLossValue(slot(avgGain, j), slot(avgLoss, j), cmo) : NaN);
        }
      }
    }
  }
  return OK;
}

export function emaSpreadScratch(T: i32): f64 { return 0.0; }

// TA-Lib PPO: 0 where the slow EMA is ~0.
@inline function emaPercent(fast: f64, slow: f64): f64 {
  return nearZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0;
}

// Fast and slow EMAs (lanes of chains 0 and 1) and their difference, or
// percent difference when percent; with withSignal a signal EMA (chain 2) and
// the histogram. macd selects MACD's fast-EMA alignment and common first bar.
function emaSpread<O>(c: Call, macd: bool, withSignal: bool, percent: bool): i32 {
  const x = input(c, 0);
  const fastFrom = STATE_A;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      for (let j = 0; j < nb; ++j) {
        let f = param(c, 0, b0 + j), sl = param(c, 1, b0 + j);
        if (f > sl) { const swap = f; f = sl; sl = swap; }
        emaLane(0, j).reset(f);
        emaLane(1, j).reset(sl);
        if (withSignal) emaLane(2, j).reset(param(c, 2, b0 + j));
        setSlot(fastFrom, j, macd ? <f64>s + (sl - f) : <f64>s);
      }
      for (t = s; t < e; ++t) {
        const xt = at(x, t);
        const tf = <f64>t;
        for (let j = 0; j < nb; ++j) {
          const fast = emaLane(0, j), slow = emaLane(1, j);
          if (tf >= slot(fastFrom, j)) fast.push(xt);
          if (!slow.push(xt)) { putNaNAll<O>(c, t, b0 + j, 1); continue; }
          const v = percent ? emaPercent(fast.value, slow.value) : fast.value - slow.value;
          if (!withSignal) { put<O>(c, 0, t, b0 + j, v); continue; }
          const signal = emaLane(2, j);
          const hasSignal = signal.push(v);
          const sig = hasSignal ? signal.value : NaN;
          put<O>(c, 0, t, b0 + j, hasSignal || !macd ? v : NaN);
          put<O>(c, 1, t, b0 + j, sig);
          put<O>(c, 2, t, b0 + j, v - sig);
        }
      }
    }
  }
  return OK;
}

// TA-Lib ROC in its own operation order: 0 where the earlier value is 0.
@inline function rocValue(x: f64, prev: f64): f64 {
  return prev != 0.0 ? (x / prev - 1.0) * 100.0 : 0.0;
}

export function trixScratch(T: i32): f64 { return 0.0; }

export function trix<O>(c: Call): i32 {
  const x = input(c, 0);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      for (let j = 0; j < nb; ++j) {
        const n = param(c, 0, b0 + j);
        emaLane(0, j).reset(n);
        emaLane(1, j).reset(n);
        emaLane(2, j).reset(n);
      }
      for (t = s; t < e; ++t) {
        const xt = at(x, t);
        for (let j = 0; j < nb; ++j) {
          const e1 = emaLane(0, j), e2 = emaLane(1, j), e3 = emaLane(2, j);
          let v = NaN;
          if (e1.push(xt) && e2.push(e1.value)) {
            const hadPrev = e3.ready();
            const prev = e3.value;
            if (e3.push(e2.value) && hadPrev) v = rocValue(e3.value, prev);
          }
          put<O>(c, 0, t, b0 + j, v);
        }
      }
    }
  }
  return OK;
}

export function bopScratch(T: i32): f64 { return 0.0; }

export function bop<O>(c: Call): i32 {
  const open = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let t = 0; t < c.T; ++t) {
    const range = at(high, t) - at(low, t);
    const v = !validAt(c, 4, t) ? NaN : range < 1e-14 ? 0.0 : (at(close, t) - at(open, t)) / range;
    for (let k = c.v0; k < c.v1; ++k) put<O>(c, 0, t, k, v);
  }
  return OK;
}

export const MOMENTUM_TABLE = "momentum.rsi:1:1:1,momentum.roc:1:1:1,momentum.mom:1:1:1,momentum.cmo:1:1:1,momentum.macd:1:3:3,momentum.ppo:1:3:3,momentum.apo:1:2:1,momentum.trix:1:1:1,momentum.bop:4:0:1";

export function momentumScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: case 3: return gainLossScratch(T);
    case 1: return rocScratch(T);
    case 2: return momScratch(T);
    case 4: case 5: case 6: return emaSpreadScratch(T);
    case 7: return trixScratch(T);
    case 8: return bopScratch(T);
  }
  return -1.0;
}

export function momentumRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return gainLoss<O>(c, false);
    case 1: return lagged<O>(c, true);
    case 2: return lagged<O>(c, false);
    case 3: return gainLoss<O>(c, true);
    case 4: return emaSpread<O>(c, true, true, false);
    case 5: return emaSpread<O>(c, false, true, true);
    case 6: return emaSpread<O>(c, false, false, false);
    case 7: return trix<O>(c);
    case 8: return bop<O>(c);
  }
  return -1;
}
