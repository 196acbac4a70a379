// The kernel ABI shared by every indicator (mirrored in asm/abi.ts).
//
// A kernel computes a range of variants [v0, v1) of one indicator over T bars.
// Inputs are float64 columns; each parameter is a float64 array indexed by the
// global variant number; each output is written at
//   out[k][t * timeStride + v * variantStride]
// so the same kernel fills a time-major (T x V) or a variant-major (V x T)
// tensor. Outputs the caller did not select are null and are skipped.
// Scratch is supplied by the caller; kernels never allocate.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <limits>
#include <type_traits>

namespace tagrid {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Variants are processed in blocks: every time step updates a block of
// independent recurrences, so the CPU is not waiting on a single dependency
// chain. kBlock is the capacity of per-block state arrays and the width used
// for time-major output, where a wide block writes one long contiguous run
// per bar (a narrow one would touch a new page on every bar). Variant-major
// output uses kNarrowBlock: each variant is a sequential write stream and
// a few streams keep the prefetchers happy.
constexpr int kBlock = 256;
constexpr int kNarrowBlock = 16;

// Largest window a parameter may take (WINDOW_MAX in src/indicators/params.ts),
// TA-Lib's limit. Kernels that keep per-variant windows in scratch (rings,
// deques) size them from the longest window of the request, W, passed to
// scratch(T, W), and reject longer windows.
constexpr int64_t kMaxWindow = 100000;

enum Status : int32_t {
  kOk = 0,
  kScratchTooSmall = 1,
  kBadParam = 2,
};

struct KernelCall {
  const double* const* in;    // input columns, each of length T
  int64_t T;
  const double* const* param; // param[p][v], v global
  int64_t v0, v1;             // variant range
  double* scratch;
  int64_t scratchLen;         // in doubles
  int64_t blockWidth = kBlock; // variants per block, <= kBlock (set from the layout)
  // Set to non-zero by another thread to stop the kernel at the next block
  // (cancellation, timeout); null when the caller cannot cancel.
  const volatile int32_t* cancel = nullptr;
  // State carried across calls, so a stream continues a series through the
  // batch kernel (docs/adding-an-indicator.md, "Kernel state"): the kernel
  // starts from stateIn as if the bars before the call had been in it, and
  // leaves in stateOut the state after its last bar (stateLen doubles each;
  // the layout is the kernel's, per variant (indexed by global variant, as
  // params) or per call). Null: start fresh / not wanted. Kernels without a
  // state ignore them; the stream passes them only to kernels that take one.
  const double* stateIn = nullptr;
  double* stateOut = nullptr;
  int64_t stateLen = 0;
  // Beside a per-variant stateIn, the state of the call's source run, which
  // every variant of the run reads (ma.trima's prefix pairs): kept once per
  // run instead of once per variant. The stream passes runStateOut to one
  // call of each run only (every call leaves the same). Null: none.
  const double* runStateIn = nullptr;
  double* runStateOut = nullptr;
  int64_t runStateLen = 0;
};

// A per-variant state whose variants need parts of lengths of their own
// (ADXR's ring of its last `window` ADX values) lays each part out at one
// stride, the grid's longest part; a call gets the parts of variants
// [0, v1) (the native backend passes no more, wasm a block's from its
// variant 0), so the stride is stateLen / v1.
inline int64_t stateStride(const KernelCall& c) { return c.v1 > 0 ? c.stateLen / c.v1 : 0; }

// Two float64 lanes, for rows computed two variants at a time
// (OutView::putRowPairs): one SSE2 register on x86-64, two doubles elsewhere.
// Each operation rounds lane by lane as the scalar one does.
struct F64x2 {
#if defined(__SSE2__)
  __m128d v;
  static F64x2 load(const double* p) { return {_mm_loadu_pd(p)}; }
  static F64x2 splat(double x) { return {_mm_set1_pd(x)}; }
  void store(double* p) const { _mm_storeu_pd(p, v); }
  friend F64x2 operator+(F64x2 a, F64x2 b) { return {_mm_add_pd(a.v, b.v)}; }
  friend F64x2 operator-(F64x2 a, F64x2 b) { return {_mm_sub_pd(a.v, b.v)}; }
  friend F64x2 operator*(F64x2 a, F64x2 b) { return {_mm_mul_pd(a.v, b.v)}; }
#else
  double lo, hi;
  static F64x2 load(const double* p) { return {p[0], p[1]}; }
  static F64x2 splat(double x) { return {x, x}; }
  void store(double* p) const { p[0] = lo, p[1] = hi; }
  friend F64x2 operator+(F64x2 a, F64x2 b) { return {a.lo + b.lo, a.hi + b.hi}; }
  friend F64x2 operator-(F64x2 a, F64x2 b) { return {a.lo - b.lo, a.hi - b.hi}; }
  friend F64x2 operator*(F64x2 a, F64x2 b) { return {a.lo * b.lo, a.hi * b.hi}; }
#endif
};

// Thrown by OutView when the cancel flag is raised mid-block; caught by the binding.
struct Cancelled {};

template <typename Out>
struct OutView {
  Out* const* ptr;            // ptr[k] or nullptr when output k is not selected
  int nOut;
  int64_t timeStride, variantStride;
  // Cancellation inside a block: every kCheckEvery values written, the flag
  // is read; once raised, Cancelled unwinds the kernel to the binding (kernels
  // hold no resources, so there is nothing to release). A block can be a
  // whole series of 256 variants, far too long to wait for.
  const volatile int32_t* cancel = nullptr;
  static constexpr int64_t kCheckEvery = int64_t{1} << 13;
  mutable int64_t untilCheck = kCheckEvery;

  inline void written(int64_t n) const {
    if ((untilCheck -= n) > 0) return;
    untilCheck = kCheckEvery;
    if (cancel && *cancel) throw Cancelled{};
  }

  inline void put(int k, int64_t t, int64_t v, double x) const {
    written(1);
    Out* p = ptr[k];
    if (p) p[t * timeStride + v * variantStride] = static_cast<Out>(x);
  }
  // NaN for every selected output of variants [b0, b0 + nb) at bar t.
  inline void putNaNAll(int64_t t, int64_t b0, int nb) const {
    for (int k = 0; k < nOut; ++k)
      for (int j = 0; j < nb; ++j) put(k, t, b0 + j, kNaN);
  }
  // Output k of variants [b0, b0 + nb) at bar t from row[0..nb): one
  // contiguous run in time-major layout, so block kernels that compute a row
  // of state first get a vectorized copy.
  inline void putRow(int k, int64_t t, int64_t b0, int nb, const double* row) const {
    putRowPairs(k, t, b0, nb, [row](int j) { return F64x2::load(row + j); }, [row](int j) { return row[j]; });
  }
  // putRow for a row computed as it is stored: pair(j) gives lanes j and
  // j + 1 (an F64x2), one(j) lane j alone (the ragged ends and strided
  // layouts), with the same operations. A cheap row (SMA: three adds and a
  // multiply per lane) then skips the round trip through a row buffer, which
  // costs about as much as its arithmetic.
  template <typename Pair, typename One>
  inline void putRowPairs(int k, int64_t t, int64_t b0, int nb, Pair&& pair, One&& one) const {
    written(nb);
    Out* p = ptr[k];
    if (!p) return;
    p += t * timeStride + b0 * variantStride;
    int j = 0;
    if (variantStride != 1) {
      for (; j < nb; ++j) p[j * variantStride] = static_cast<Out>(one(j));
      return;
    }
#if defined(__SSE2__)
    if constexpr (sizeof(Out) == 4) {
      // Output rows are written once and not read back: streaming stores skip
      // the read-for-ownership of every cache line, which otherwise doubles
      // the memory traffic of a large grid. (The binding fences after the call.)
      // Only whole 64-byte lines are streamed: a partial line written with a
      // streaming store costs a read-modify-write in memory, so the ragged
      // ends of a block's run (chunks split rows) take ordinary stores.
      const uintptr_t addr = reinterpret_cast<uintptr_t>(p);
      if ((addr & 3) == 0) {
        j = std::min(nb, static_cast<int>(((64 - (addr & 63)) & 63) / 4));
        for (int i = 0; i < j; ++i) p[i] = static_cast<Out>(one(i));
        const int end = j + (nb - j) / 16 * 16;
        for (; j < end; j += 4) {
          const __m128 lo = _mm_cvtpd_ps(pair(j).v), hi = _mm_cvtpd_ps(pair(j + 2).v);
          _mm_stream_ps(reinterpret_cast<float*>(p + j), _mm_movelh_ps(lo, hi));
        }
      }
    } else {
      for (; j + 2 <= nb; j += 2) _mm_storeu_pd(reinterpret_cast<double*>(p + j), pair(j).v);
    }
#endif
    for (; j < nb; ++j) p[j] = static_cast<Out>(one(j));
  }
};

template <typename Out>
using KernelFn = int32_t (*)(const KernelCall&, const OutView<Out>&);

// One row of the kernel table (native/kernels.h, generated).
struct KernelEntry {
  const char* id;
  int nIn, nParam, nOut;
  KernelFn<float> f32;
  KernelFn<double> f64;
  int64_t (*scratch)(int64_t T, int64_t W);  // doubles of scratch for T bars and windows up to W
};

// A table row for the kernel in namespace `ns` (tagrid::<group>::<name>),
// which defines `template <typename Out> int32_t run(...)` and
// `int64_t scratch(int64_t T, int64_t W)`, or `scratch(int64_t T)` when its
// scratch does not depend on the window.
template <auto Scratch>
int64_t scratchFor(int64_t T, int64_t W) {
  if constexpr (std::is_invocable_v<decltype(Scratch), int64_t, int64_t>) return Scratch(T, W);
  else return Scratch(T);
}

#define TAGRID_KERNEL(id, nIn, nParam, nOut, ns) \
  ::tagrid::KernelEntry { id, nIn, nParam, nOut, &ns::run<float>, &ns::run<double>, &::tagrid::scratchFor<&ns::scratch> }

}  // namespace tagrid
