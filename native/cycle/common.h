// What the Hilbert-transform indicators share (cycle.ht_*, ma.mama,
// ma.ht_trendline): John Ehlers' homodyne discriminator as TA-Lib writes it,
// kept bar by bar so every indicator reproduces TA-Lib's arithmetic exactly.
//
// A segment starts with a 4-bar WMA of the price (3 bars to seed it), then
// `warmup` more bars of WMA alone (9 for the 32-bar functions, 34 for the
// 63-bar ones), then the transform runs on every bar. Odd and even bars keep
// separate filter histories, by the bar's parity within the segment (TA-Lib's
// parity of its index on a series that starts at the segment).
#pragma once
#include <cstring>
#include <type_traits>

#include "../primitives.h"

namespace tagrid::cycle {

// sin, cos and atan as the WebAssembly build computes them (AssemblyScript's
// Math, musl's fdlibm code): the transform feeds its own phase back, and on
// flat prices the phase of a near-zero DFT is pure rounding, so both builds
// must round alike. Arguments beyond 2^20·π/2 (never reached here: angles stay
// within a few turns) fall back to the C library.
namespace fdlibm {

inline double bits(uint64_t u) { double x; std::memcpy(&x, &u, 8); return x; }
inline uint64_t bitsOf(double x) { uint64_t u; std::memcpy(&u, &x, 8); return u; }

inline double sinKernel(double x, double y, int iy) {
  const double S1 = bits(0xBFC5555555555549), S2 = bits(0x3F8111111110F8A6), S3 = bits(0xBF2A01A019C161D5),
               S4 = bits(0x3EC71DE357B1FE7D), S5 = bits(0xBE5AE5E68A2B9CEB), S6 = bits(0x3DE5D93A5ACFD57C);
  const double z = x * x, w = z * z;
  const double r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const double v = z * x;
  if (!iy) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

inline double cosKernel(double x, double y) {
  const double C1 = bits(0x3FA555555555554C), C2 = bits(0xBF56C16C16C15177), C3 = bits(0x3EFA01A019CB1590),
               C4 = bits(0xBE927E4F809C52AD), C5 = bits(0x3E21EE9EBDB4B1C4), C6 = bits(0xBDA8FAE9BE8838D4);
  const double z = x * x;
  double w = z * z;
  const double r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const double hz = 0.5 * z;
  w = 1.0 - hz;
  return w + (((1.0 - w) - hz) + (z * r - x * y));
}

// x = n·π/2 + y0 + y1 for |x| < 2^20·π/2; returns false beyond.
inline bool remPio2(double x, uint32_t ix, bool negative, int& n, double& y0, double& y1) {
  const double pio2_1 = bits(0x3FF921FB54400000), pio2_1t = bits(0x3DD0B4611A626331),
               pio2_2 = bits(0x3DD0B4611A600000), pio2_2t = bits(0x3BA3198A2E037073),
               pio2_3 = bits(0x3BA3198A2E000000), pio2_3t = bits(0x397B839A252049C1),
               invpio2 = bits(0x3FE45F306DC9C883);
  if (ix < 0x4002D97C) {  // |x| < 3π/4: n = ±1
    double z;
    if (!negative) {
      z = x - pio2_1;
      if (ix != 0x3FF921FB) { y0 = z - pio2_1t; y1 = (z - y0) - pio2_1t; }
      else { z -= pio2_2; y0 = z - pio2_2t; y1 = (z - y0) - pio2_2t; }
      n = 1;
    } else {
      z = x + pio2_1;
      if (ix != 0x3FF921FB) { y0 = z + pio2_1t; y1 = (z - y0) + pio2_1t; }
      else { z += pio2_2; y0 = z + pio2_2t; y1 = (z - y0) + pio2_2t; }
      n = -1;
    }
    return true;
  }
  if (ix >= 0x413921FB) return false;
  const double q = std::nearbyint(x * invpio2);
  double r = x - q * pio2_1, w = q * pio2_1t;
  const uint32_t j = ix >> 20;
  y0 = r - w;
  uint32_t hi = static_cast<uint32_t>(bitsOf(y0) >> 32);
  int32_t i = static_cast<int32_t>(j) - static_cast<int32_t>((hi >> 20) & 0x7FF);
  if (i > 16) {
    double t = r;
    w = q * pio2_2;
    r = t - w;
    w = q * pio2_2t - ((t - r) - w);
    y0 = r - w;
    hi = static_cast<uint32_t>(bitsOf(y0) >> 32);
    i = static_cast<int32_t>(j) - static_cast<int32_t>((hi >> 20) & 0x7FF);
    if (i > 49) {
      t = r;
      w = q * pio2_3;
      r = t - w;
      w = q * pio2_3t - ((t - r) - w);
      y0 = r - w;
    }
  }
  y1 = (r - y0) - w;
  n = static_cast<int>(q);
  return true;
}

inline double sin(double x) {
  const uint64_t u = bitsOf(x);
  const bool negative = (u >> 63) != 0;
  const uint32_t ix = static_cast<uint32_t>(u >> 32) & 0x7FFFFFFF;
  if (ix <= 0x3FE921FB) return ix < 0x3E500000 ? x : sinKernel(x, 0.0, 0);
  if (ix >= 0x7FF00000) return x - x;
  int n;
  double y0, y1;
  if (!remPio2(x, ix, negative, n, y0, y1)) return std::sin(x);
  const double r = n & 1 ? cosKernel(y0, y1) : sinKernel(y0, y1, 1);
  return n & 2 ? -r : r;
}

inline double cos(double x) {
  const uint64_t u = bitsOf(x);
  const bool negative = (u >> 63) != 0;
  const uint32_t ix = static_cast<uint32_t>(u >> 32) & 0x7FFFFFFF;
  if (ix <= 0x3FE921FB) return ix < 0x3E46A09E ? 1.0 : cosKernel(x, 0.0);
  if (ix >= 0x7FF00000) return x - x;
  int n;
  double y0, y1;
  if (!remPio2(x, ix, negative, n, y0, y1)) return std::cos(x);
  const double r = n & 1 ? sinKernel(y0, y1, 1) : cosKernel(y0, y1);
  return (n + 1) & 2 ? -r : r;
}

inline double atan(double x) {
  const double atanhi[] = {bits(0x3FDDAC670561BB4F), bits(0x3FE921FB54442D18), bits(0x3FEF730BD281F69B), bits(0x3FF921FB54442D18)};
  const double atanlo[] = {bits(0x3C7A2B7F222F65E2), bits(0x3C81A62633145C07), bits(0x3C7007887AF0CBBD), bits(0x3C91A62633145C07)};
  const double aT0 = bits(0x3FD555555555550D), aT1 = bits(0xBFC999999998EBC4), aT2 = bits(0x3FC24924920083FF),
               aT3 = bits(0xBFBC71C6FE231671), aT4 = bits(0x3FB745CDC54C206E), aT5 = bits(0xBFB3B0F2AF749A6D),
               aT6 = bits(0x3FB10D66A0D03D51), aT7 = bits(0xBFADDE2D52DEFD9A), aT8 = bits(0x3FA97B4B24760DEB),
               aT9 = bits(0xBFA2B4442C6A6C2F), aT10 = bits(0x3F90AD3AE322DA11);
  const double sx = x;
  const uint32_t ix = static_cast<uint32_t>(bitsOf(x) >> 32) & 0x7FFFFFFF;
  if (ix >= 0x44100000) {
    if (x != x) return x;
    return std::copysign(atanhi[3] + static_cast<double>(bits(0x3870000000000000)), sx);  // + 0x1p-120
  }
  int id;
  if (ix < 0x3FDC0000) {
    if (ix < 0x3E400000) return x;
    id = -1;
  } else {
    x = std::fabs(x);
    if (ix < 0x3FF30000) {
      if (ix < 0x3FE60000) { id = 0; x = (2.0 * x - 1.0) / (2.0 + x); }
      else { id = 1; x = (x - 1.0) / (x + 1.0); }
    } else {
      if (ix < 0x40038000) { id = 2; x = (x - 1.5) / (1.0 + 1.5 * x); }
      else { id = 3; x = -1.0 / x; }
    }
  }
  const double z = x * x, w = z * z;
  const double s1 = z * (aT0 + w * (aT2 + w * (aT4 + w * (aT6 + w * (aT8 + w * aT10)))));
  const double s2 = w * (aT1 + w * (aT3 + w * (aT5 + w * (aT7 + w * aT9))));
  const double s3 = x * (s1 + s2);
  if (id < 0) return x - s3;
  return std::copysign(atanhi[id] - ((s3 - atanlo[id]) - x), sx);
}

}  // namespace fdlibm

// Ehlers' 7-tap Hilbert FIR, a·x[t] + b·x[t−2] − b·x[t−4] − a·x[t−6], over
// same-parity bars, in TA-Lib's order of operations.
struct HilbertFilter {
  static constexpr double kA = 0.0962, kB = 0.5769;
  double ring[2][3] = {{0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}};
  double prev[2] = {0.0, 0.0};
  double prevInput[2] = {0.0, 0.0};

  double step(double input, int parity, int idx, double adjustedPrevPeriod) {
    const double scaled = kA * input;
    double v = -ring[parity][idx];
    ring[parity][idx] = scaled;
    v += scaled;
    v -= prev[parity];
    prev[parity] = kB * prevInput[parity];
    v += prev[parity];
    prevInput[parity] = input;
    return v * adjustedPrevPeriod;
  }
};

// 180/π as TA-Lib computes it (45/atan(1) rounds to the same double).
inline double rad2Deg() { return 180.0 / (4.0 * fdlibm::atan(1.0)); }

constexpr int kSmoothPriceSize = 50;

// sin and cos of the DFT angles 2π·i/n of every cycle length n up to 50 (the
// longest the period allows), made once: the same values TA-Lib computes per
// bar, at a table read each.
struct CycleAngles {
  double sine[kSmoothPriceSize + 1][kSmoothPriceSize];
  double cosine[kSmoothPriceSize + 1][kSmoothPriceSize];

  static double angle(int i, int n) { return (static_cast<double>(i) * (fdlibm::atan(1.0) * 8.0)) / static_cast<double>(n); }
  CycleAngles() {
    for (int n = 1; n <= kSmoothPriceSize; ++n)
      for (int i = 0; i < n; ++i) {
        sine[n][i] = fdlibm::sin(angle(i, n));
        cosine[n][i] = fdlibm::cos(angle(i, n));
      }
  }
};

inline const CycleAngles& cycleAngles() {
  static const CycleAngles table;
  return table;
}

struct HilbertCore {
  // The WMA of the price: running sums and the bar leaving next.
  double wmaSub = 0.0, wmaSum = 0.0, trailingValue = 0.0;
  int64_t trailing = 0;
  HilbertFilter detrender, q1, jI, jQ;
  int hilbertIdx = 0;
  double period = 0.0, smoothPeriod = 0.0;
  double prevI2 = 0.0, prevQ2 = 0.0, re = 0.0, im = 0.0;
  double i1OddPrev2 = 0.0, i1OddPrev3 = 0.0, i1EvenPrev2 = 0.0, i1EvenPrev3 = 0.0;
  double inPhase = 0.0, quadrature = 0.0;  // I1 and Q1 of the last bar
  // The dominant-cycle phase: recent smoothed prices (newest at ringIdx).
  double smoothPrice[kSmoothPriceSize] = {};
  int ringIdx = kSmoothPriceSize - 1;
  double dcPhase = 0.0;
  // The instantaneous trendline: the last three means over the cycle.
  double iTrend1 = 0.0, iTrend2 = 0.0, iTrend3 = 0.0;

  // Every member but `trailing` (always the bar 3 back), at its place in the
  // kernel state (namespace state below): f(offset, member).
  template <typename F>
  void members(F&& f) {
    f(1, wmaSub); f(2, wmaSum); f(3, trailingValue); f(4, hilbertIdx); f(5, period); f(6, smoothPeriod);
    f(7, prevI2); f(8, prevQ2); f(9, re); f(10, im);
    f(11, i1OddPrev2); f(12, i1OddPrev3); f(13, i1EvenPrev2); f(14, i1EvenPrev3);
    f(15, inPhase); f(16, quadrature); f(17, ringIdx); f(18, dcPhase); f(19, iTrend1); f(20, iTrend2); f(21, iTrend3);
    HilbertFilter* filters[] = {&detrender, &q1, &jI, &jQ};
    for (int k = 0; k < 4; ++k) {
      const int at = 23 + 10 * k;
      for (int p = 0; p < 2; ++p) {
        for (int i = 0; i < 3; ++i) f(at + 3 * p + i, filters[k]->ring[p][i]);
        f(at + 6 + p, filters[k]->prev[p]);
        f(at + 8 + p, filters[k]->prevInput[p]);
      }
    }
    for (int i = 0; i < kSmoothPriceSize; ++i) f(63 + i, smoothPrice[i]);
  }
  void load(const double* state) {
    members([&](int at, auto& m) { m = static_cast<std::remove_reference_t<decltype(m)>>(state[at]); });
  }
  void save(double* state) {
    members([&](int at, auto& m) { state[at] = static_cast<double>(m); });
  }

  // Seeds the WMA with bars s, s+1, s+2 and runs it alone over `warmup` bars.
  // Returns the first bar of the transform.
  int64_t start(const double* x, int64_t s, int warmup) {
    *this = HilbertCore{};
    wmaSub = x[s];
    wmaSum = x[s];
    wmaSub += x[s + 1];
    wmaSum += x[s + 1] * 2.0;
    wmaSub += x[s + 2];
    wmaSum += x[s + 2] * 3.0;
    trailing = s;
    for (int i = 0; i < warmup; ++i) smooth(x, s + 3 + i);
    return s + 3 + warmup;
  }

  double smooth(const double* x, int64_t t) {
    wmaSub += x[t];
    wmaSub -= trailingValue;
    wmaSum += x[t] * 4.0;
    trailingValue = x[trailing++];
    const double smoothed = wmaSum * 0.1;
    wmaSum -= wmaSub;
    return smoothed;
  }

  // One bar of the transform: detrender, I1/Q1 (inPhase, quadrature), the
  // homodyne discriminator, the period and its smoothing.
  void step(const double* x, int64_t t, bool even) {
    const double adjusted = 0.075 * period + 0.54;
    const double smoothed = smooth(x, t);
    ringIdx = ringIdx == kSmoothPriceSize - 1 ? 0 : ringIdx + 1;
    smoothPrice[ringIdx] = smoothed;
    const int p = even ? 0 : 1;
    const double i1 = even ? i1EvenPrev3 : i1OddPrev3;
    const double d = detrender.step(smoothed, p, hilbertIdx, adjusted);
    const double q = q1.step(d, p, hilbertIdx, adjusted);
    const double ji = jI.step(i1, p, hilbertIdx, adjusted);
    const double jq = jQ.step(q, p, hilbertIdx, adjusted);
    if (even && ++hilbertIdx == 3) hilbertIdx = 0;
    const double q2 = (0.2 * (q + ji)) + (0.8 * prevQ2);
    const double i2 = (0.2 * (i1 - jq)) + (0.8 * prevI2);
    if (even) {
      i1OddPrev3 = i1OddPrev2;
      i1OddPrev2 = d;
    } else {
      i1EvenPrev3 = i1EvenPrev2;
      i1EvenPrev2 = d;
    }
    inPhase = i1;
    quadrature = q;
    re = (0.2 * ((i2 * prevI2) + (q2 * prevQ2))) + (0.8 * re);
    im = (0.2 * ((i2 * prevQ2) - (q2 * prevI2))) + (0.8 * im);
    prevQ2 = q2;
    prevI2 = i2;
    const double last = period;
    if (im != 0.0 && re != 0.0) period = 360.0 / (fdlibm::atan(im / re) * rad2Deg());
    if (period > 1.5 * last) period = 1.5 * last;
    if (period < 0.67 * last) period = 0.67 * last;
    if (period < 6) period = 6;
    else if (period > 50) period = 50;
    period = (0.2 * period) + (0.8 * last);
    smoothPeriod = (0.33 * period) + (0.67 * smoothPeriod);
  }

  // The phase of I1 (MAMA's), 0 where I1 is 0.
  double phase() const { return inPhase != 0.0 ? fdlibm::atan(quadrature / inPhase) * rad2Deg() : 0.0; }

  // The dominant cycle's whole-bar length.
  int cycleBars() const { return static_cast<int>(smoothPeriod + 0.5); }

  // HT_DCPHASE: the phase of the smoothed price over one dominant cycle.
  void updatePhase() {
    const int n = cycleBars();
    const CycleAngles& angles = cycleAngles();
    double realPart = 0.0, imagPart = 0.0;
    int idx = ringIdx;
    for (int i = 0; i < n; ++i) {
      const double sine = n <= kSmoothPriceSize ? angles.sine[n][i] : fdlibm::sin(CycleAngles::angle(i, n));
      const double cosine = n <= kSmoothPriceSize ? angles.cosine[n][i] : fdlibm::cos(CycleAngles::angle(i, n));
      realPart += sine * smoothPrice[idx];
      imagPart += cosine * smoothPrice[idx];
      idx = idx == 0 ? kSmoothPriceSize - 1 : idx - 1;
    }
    const double magnitude = std::fabs(imagPart);
    if (magnitude > 0.0) dcPhase = fdlibm::atan(realPart / imagPart) * rad2Deg();
    else if (magnitude <= 0.01) {
      if (realPart < 0.0) dcPhase -= 90.0;
      else if (realPart > 0.0) dcPhase += 90.0;
    }
    dcPhase += 90.0;
    dcPhase += 360.0 / smoothPeriod;
    if (imagPart < 0.0) dcPhase += 180.0;
    if (dcPhase > 315.0) dcPhase -= 360.0;
  }

  // HT_TRENDLINE: a 4-bar WMA of the price's mean over the dominant cycle
  // (bars s.. t at most).
  double trendline(const double* x, int64_t s, int64_t t) {
    const int n = cycleBars();
    double mean = 0.0;
    for (int64_t i = 0; i < n && t - i >= s; ++i) mean += x[t - i];
    if (n > 0) mean = mean / static_cast<double>(n);
    const double line = (4.0 * mean + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0;
    iTrend3 = iTrend2;
    iTrend2 = iTrend1;
    iTrend1 = mean;
    return line;
  }
};

// Kernel state, per variant: [age, HilbertCore's members (members()), the
// position and ring of the run's last 50 prices, the indicator's own
// numbers]: the block the stepper keeps per source run
// (src/stream/steppers/hilbert.ts). `age` is the run's valid bars before
// bar 0; the ring holds the last 50 of them, the newest at the position. The
// bars of a call before bar 50 read the prices before it from the ring (the
// WMA's 3 bars back, the trendline's cycle of up to 50; a run still seeding
// restarts from them), the others read the input, as in a call without
// state. After the last bar: a run past its seed and warm-up leaves all of
// it; one still in them its age and prices (the transform's numbers 0: the
// stepper steps those bars itself, for its partial sums); a NaN last bar
// age 0.
namespace state {
constexpr int64_t kAge = 0, kPricePos = 22, kPrices = 113, kOwn = 163;
constexpr int kPriceRing = 50;
}  // namespace state

// A state the kernel cannot go on from (or stateOut without stateIn): wrong
// size, an age that is not a count, a ring position out of the ring.
inline bool badHilbertState(const KernelCall& c, int64_t own) {
  if (!c.stateIn && !c.stateOut) return false;
  const int64_t S = state::kOwn + own;
  if (!c.stateIn || c.stateLen < S * c.v1) return true;
  for (int64_t v = c.v0; v < c.v1; ++v) {
    const double age = c.stateIn[S * v + state::kAge], pos = c.stateIn[S * v + state::kPricePos];
    if (!(age >= 0.0 && age <= 1e15 && age == std::floor(age))) return true;
    if (!(pos >= 0.0 && pos < state::kPriceRing && pos == std::floor(pos))) return true;
  }
  return false;
}

// Runs the transform over each segment of the call's input for the variants
// [b0, b0 + nb) (they share it): `fresh(j, carried)` for each variant where a
// run's transform starts (carried: variant b0 + j's state when the run's
// transform goes on from the kernel state, its own numbers at state::kOwn;
// null for a transform starting), then `bar(core, x, origin, t, emit)` after
// each transform step (x: the prices, read back from t; origin: the run's
// first bar, before bar 0 for a run the state carries; emit: t is past the
// lookback, else the bar's outputs are NaN); `nan(t)` for the bars before
// the transform, of runs too short for a value, and of gaps; after the last
// bar, when its state is wanted, `keep(j, kept)` for each variant (kept: its
// state, the transform written).
template <typename Fresh, typename Bar, typename Keep, typename Nan>
void forEachHilbertBar(const KernelCall& c, int64_t b0, int nb, int warmup, int64_t lookback, int64_t own,
                       Fresh&& fresh, Bar&& bar, Keep&& keep, Nan&& nan) {
  constexpr int R = state::kPriceRing;
  const double* x = c.in[0];
  const int64_t S = state::kOwn + own;
  const double* in = c.stateIn ? c.stateIn + S * b0 : nullptr;
  double* out = c.stateOut ? c.stateOut + S * b0 : nullptr;
  if (out) std::fill(out, out + S * nb, 0.0);
  const int64_t age = in ? static_cast<int64_t>(in[state::kAge]) : 0;
  // The run's last prices before bar 0 (from the ring, up to R) then the
  // call's first R: joined[t] for t in [-R, R).
  double ring[2 * R];
  const double* joined = ring + R;
  if (age > 0) {
    const int pos = static_cast<int>(in[state::kPricePos]);
    for (int i = 0; i < R; ++i) ring[R - 1 - i] = in[state::kPrices + (pos - i + R) % R];
    for (int64_t t = 0; t < std::min<int64_t>(c.T, R); ++t) ring[R + t] = x[t];
  }
  forEachSegment(c.in, 1, c.T,
    [&](int64_t s, int64_t e) {
      HilbertCore core;
      const int64_t before = s == 0 ? age : 0;  // the run's bars before the call
      const int64_t origin = s - before;
      const bool carried = before >= 3 + warmup;
      int64_t first;
      if (carried) {
        core.load(in);
        core.trailing = -3;
        first = 0;
      } else {
        // A run with a value, or one whose state is wanted, past its seed.
        const bool kept = out && e == c.T && e - origin >= 3 + warmup;
        first = e - origin <= lookback && !kept ? e : core.start(before > 0 ? joined : x, origin, warmup);
      }
      for (int64_t t = s; t < first; ++t) nan(t);
      if (first < e)
        for (int j = 0; j < nb; ++j) fresh(j, carried ? in + S * j : nullptr);
      // Bars before R of a run begun before the call read the joined prices; the rest (and every bar of a plain call) the input.
      const int64_t split = before > 0 ? std::max(first, std::min<int64_t>(e, R)) : first;
      for (int64_t t = first; t < split; ++t) {
        core.step(joined, t, ((t - origin) & 1) == 0);
        bar(core, joined, origin, t, t - origin >= lookback);
      }
      for (int64_t t = split; t < e; ++t) {
        core.step(x, t, ((t - origin) & 1) == 0);
        bar(core, x, origin, t, t - origin >= lookback);
      }
      if (!out || e != c.T) return;
      // The run's age and last prices (the newest at (age - 1) % R), and its transform once it runs.
      if (first < e) core.save(out);
      out[state::kAge] = static_cast<double>(e - origin);
      out[state::kPricePos] = static_cast<double>((e - origin - 1) % R);
      for (int64_t t = std::max(origin, e - R); t < e; ++t) out[state::kPrices + (t - origin) % R] = t < 0 ? joined[t] : x[t];
      for (int j = 0; j < nb; ++j) {
        if (j > 0) std::copy(out, out + state::kOwn, out + S * j);
        if (first < e) keep(j, out + S * j);
      }
    },
    nan);
}

// The kernel of an indicator without params: `bar(core, x, origin, t, values)`
// fills the NOut outputs of bar t, written to every variant of the call;
// `own` numbers of its own in the kernel state (see forEachHilbertBar).
template <int NOut, typename Out, typename Fresh, typename Bar, typename Keep>
int32_t runHilbert(const KernelCall& c, const OutView<Out>& out, int warmup, int64_t lookback, int64_t own,
                   Fresh&& fresh, Bar&& bar, Keep&& keep) {
  if (badHilbertState(c, own)) return kBadParam;
  forEachBlock(c, [&](int64_t b0, int nb) {
    double values[NOut];
    forEachHilbertBar(c, b0, nb, warmup, lookback, own, fresh,
      [&](HilbertCore& core, const double* x, int64_t origin, int64_t t, bool emit) {
        bar(core, x, origin, t, values);
        for (int k = 0; k < NOut; ++k)
          for (int j = 0; j < nb; ++j) out.put(k, t, b0 + j, emit ? values[k] : kNaN);
      },
      keep, [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// fresh() and keep() for an indicator without numbers of its own.
inline constexpr auto noOwnState = [](int, auto*) {};

}  // namespace tagrid::cycle
