// momentum.fisher: Ehlers' Fisher transform of hl2. inputs high, low; outputs
// fisher = 0.5 * ln((1 + v) / (1 - v)) + 0.5 * previous fisher, and trigger =
// previous fisher. Both chains start at 0 on the first full window.
// scratch: hl2 (T) + ranges
#pragma once
#include <cmath>
#include <cstring>
#include "common.h"

namespace tagrid::momentum::fisher {

// ln(x) as musl's log.c (fdlibm's algorithm), written out so that the native
// build, the WebAssembly build (asm/momentum/fisher.ts) and the stream
// stepper (src/stream/steppers/fisher.ts) give the same bits: the C
// library's log (glibc picks an FMA variant by CPU) and AssemblyScript's
// Math.log (musl's table-driven one) may differ in the last bit, and the
// Fisher value feeds itself back.
inline double portableLog(double x) {
  constexpr double kLn2Hi = 0x1.62e42feep-1, kLn2Lo = 0x1.a39ef35793c76p-33;
  constexpr double kLg1 = 0x1.5555555555593p-1, kLg2 = 0x1.999999997fa04p-2, kLg3 = 0x1.2492494229359p-2,
                   kLg4 = 0x1.c71c51d8e78afp-3, kLg5 = 0x1.7466496cb03dep-3, kLg6 = 0x1.39a09d078c69fp-3,
                   kLg7 = 0x1.2f112df3e5244p-3;
  uint64_t u;
  std::memcpy(&u, &x, 8);
  uint32_t hx = static_cast<uint32_t>(u >> 32);
  int k = 0;
  if (hx < 0x00100000 || (hx >> 31) != 0) {
    if ((u << 1) == 0) return -1 / (x * x);        // log(+-0) = -inf
    if ((hx >> 31) != 0) return (x - x) / 0.0;      // log(-x) = NaN
    k -= 54;                                        // subnormal: scaled up
    x *= 0x1p54;
    std::memcpy(&u, &x, 8);
    hx = static_cast<uint32_t>(u >> 32);
  } else if (hx >= 0x7ff00000) {
    return x;
  } else if (hx == 0x3ff00000 && (u << 32) == 0) {
    return 0;
  }
  // x reduced into [sqrt(2)/2, sqrt(2)]: its high word's mantissa moved, the exponent into k.
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += static_cast<int>(hx >> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  u = (static_cast<uint64_t>(hx) << 32) | (u & 0xffffffff);
  std::memcpy(&x, &u, 8);
  const double f = x - 1.0;
  const double hfsq = 0.5 * f * f;
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const double r = t2 + t1;
  const double dk = k;
  return s * (hfsq + r) + dk * kLn2Lo - hfsq + f + dk * kLn2Hi;
}

// One step of Ehlers' smoothed position: hl2 mapped to [-0.5, 0.5] within the
// window's range (0 when the range is empty), 0.33 * 2 * that + 0.67 * the
// previous value, clamped to +-0.999 so the transform stays finite.
inline double fisherValue(double x, double highest, double lowest, double prev) {
  const double range = highest - lowest;
  const double position = range != 0.0 ? (x - lowest) / range - 0.5 : 0.0;
  const double v = 0.66 * position + 0.67 * prev;
  return v > 0.999 ? 0.999 : (v < -0.999 ? -0.999 : v);
}

inline int64_t scratch(int64_t T) { return T + RollingRange::scratch(T); }

// Kernel state (per variant, kFisherState numbers): [lead, age, smoothed
// position, Fisher value]. The stream steps the call's first `lead` bars
// itself (lead >= window - 1: every window is in the call); `age` counts the
// valid bars of the run through bar lead - 1, where the two chains stand.
// stateOut: the same after the last bar (age 0 after a gap), the chains as
// the last run left them (0 from its first bar until its first full window).
constexpr int kFisherState = 4;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  LeadState state;
  if (state.read(c, kFisherState, static_cast<int64_t>(maxParam(c, 0)) - 1) != kOk) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  double* hl2 = c.scratch;
  for (int64_t t = 0; t < c.T; ++t) hl2[t] = (high[t] + low[t]) / 2.0;
  RollingRange range;
  range.build(hl2, hl2, c.T, callWindow(c, {0}), c.scratch + c.T);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    RollingRange::Window win[kBlock];
    range.windows(c.param[0], b0, nb, w, win);
    double value[kBlock], fish[kBlock];
    state.startBlock(c, kFisherState, b0, nb);
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        const LeadState::Run r = state.run(s, e);
        for (int64_t t = s; t < r.from; ++t) out.putNaNAll(t, b0, nb);
        if (r.from == e) return;
        for (int j = 0; j < nb; ++j) {
          value[j] = r.goesOn ? c.stateIn[kFisherState * (b0 + j) + 2] : 0.0;
          fish[j] = r.goesOn ? c.stateIn[kFisherState * (b0 + j) + 3] : 0.0;
        }
        for (int64_t t = r.from; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            double f = kNaN, trigger = kNaN;
            if (t - r.origin >= w[j] - 1) {
              if (t - r.origin >= w[j]) trigger = fish[j];
              const double v = fisherValue(hl2[t], win[j].upper(t), win[j].lower(t), value[j]);
              value[j] = v;
              fish[j] = 0.5 * portableLog((1.0 + v) / (1.0 - v)) + 0.5 * fish[j];
              f = fish[j];
            }
            out.put(0, t, b0 + j, f);
            out.put(1, t, b0 + j, trigger);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = state.keep(c, kFisherState, b0 + j, r.origin, e);
          to[2] = value[j];
          to[3] = fish[j];
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::fisher
