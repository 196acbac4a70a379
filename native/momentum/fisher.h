// momentum.fisher: Ehlers' Fisher transform of hl2. inputs high, low; outputs
// fisher = 0.5 * ln((1 + v) / (1 - v)) + 0.5 * previous fisher, and trigger =
// previous fisher. Both chains start at 0 on the first full window.
// scratch: hl2 (T + W - 1) + ranges
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

// hl2 at bars 1 - W .. T - 1 (the state's last W - 1 before bar 0), and their ranges.
inline int64_t scratch(int64_t T, int64_t W) {
  const int64_t n = T + std::max<int64_t>(W, 1) - 1;
  return n + RollingRange::scratch(n);
}

// Kernel state (per variant, S numbers, S itself first: the tail's length is
// the stream's longest window - 1, unknown to a call): [S, the run's age at
// bar -1 (its valid bars; 0 after a NaN bar), the smoothed position and the
// Fisher value as the run's last bar left them, then the last P = S - 4
// bars' hl2, oldest first, P >= the call's longest window - 1]. The call
// reads its first windows' highest and lowest hl2 from that tail, so they
// are those of a call over every bar. stateOut: the same after the last bar
// (age 0 after a gap, the chains as the last run left them: 0 from its
// first bar until its first full window).
constexpr int kStateHead = 4;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t W = std::max<int64_t>(callWindow(c, {0}), 1);
  int64_t S = 0;
  if (c.stateIn || c.stateOut) {
    if (!c.stateIn || c.stateLen < 1) return kBadParam;
    const double size = c.stateIn[0];
    if (size != std::floor(size) || size < kStateHead + W - 1 || size * static_cast<double>(c.v1) > static_cast<double>(c.stateLen)) return kBadParam;
    S = static_cast<int64_t>(size);
  }
  if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  // hl2[-Q .. T): with state the tail's last Q = W - 1 bars first (every bar a window of the call reaches before bar 0).
  const int64_t Q = S > 0 ? W - 1 : 0, n = Q + c.T;
  double* ext = c.scratch;
  double* hl2 = ext + Q;
  int64_t carried = 0;  // bars of bar 0's run before the call
  if (S > 0) {
    const double* tail = c.stateIn + S * c.v0 + kStateHead + (S - kStateHead - Q);
    std::copy(tail, tail + Q, ext);
    if (c.T > 0 && validAt(c.in, 2, 0)) carried = static_cast<int64_t>(c.stateIn[S * c.v0 + 1]);
  }
  for (int64_t t = 0; t < c.T; ++t) hl2[t] = (high[t] + low[t]) / 2.0;
  RollingRange range;
  range.build(ext, ext, n, W, c.scratch + n);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    RollingRange::Window win[kBlock];
    range.windows(c.param[0], b0, nb, w, win);
    double value[kBlock], fish[kBlock];
    if (c.stateOut) leaveTailState(c, S, kStateHead, 1, b0, nb, &hl2);
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t origin = s == 0 ? -carried : s;  // the run's first bar
        for (int j = 0; j < nb; ++j) {
          value[j] = origin < s ? c.stateIn[S * (b0 + j) + 2] : 0.0;
          fish[j] = origin < s ? c.stateIn[S * (b0 + j) + 3] : 0.0;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            double f = kNaN, trigger = kNaN;
            if (t - origin >= w[j] - 1) {
              if (t - origin >= w[j]) trigger = fish[j];
              const double v = fisherValue(hl2[t], win[j].upper(t + Q), win[j].lower(t + Q), value[j]);
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
          double* to = c.stateOut + S * (b0 + j);
          if (e == c.T) to[1] = static_cast<double>(e - origin);
          to[2] = value[j];
          to[3] = fish[j];
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::fisher
