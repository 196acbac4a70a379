// Output memory owned by the addon: SharedArrayBuffers whose backing store is
// a 2 MiB-aligned anonymous mapping advised for huge pages, recycled when V8
// frees the buffer.
//
// A fresh multi-gigabyte output costs more to fault in than to fill. When a
// result is collected, V8 calls the backing store's deleter once the last
// SharedArrayBuffer over it (in any thread) is gone; the deleter puts the
// mapping, pages still resident, on a bounded free list instead of unmapping
// it, so the next output of a fitting size is written into warm memory.
//
// The free list is process-wide (the deleter runs on whichever thread frees
// the buffer) and guarded by a mutex. A region is either on the free list or
// behind exactly one backing store, never both: it leaves the list under the
// lock before a backing store is made over it, and only its deleter, which
// V8 runs once, puts it back.
#pragma once
#include <napi.h>
#include <v8-version.h>
#include <v8.h>
#include <algorithm>
#include <cstdint>
#include <mutex>
#include <string>
#include <new>
#include <vector>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace tagrid {

class OutputMemory {
 public:
  static constexpr size_t kAlign = size_t{2} << 20;
  /** A free region serves a request up to this much smaller than itself (as the JS pool's FIT_SLACK). */
  static constexpr double kFitSlack = 1.25;
  static constexpr size_t kMaxIdleRegions = 16;

  struct Stats {
    size_t idleBytes, idleRegions, liveBytes, liveRegions, reused, mapped, unmapped, maxIdleBytes;
  };

  static OutputMemory& instance() {
    static OutputMemory* pool = new OutputMemory();  // never destroyed: deleters may run during exit
    return *pool;
  }

  /** Sets the bound of idle bytes and unmaps idle regions, oldest first, down to min(bound, trimTo). */
  void setMaxIdleBytes(size_t bytes, size_t trimTo) {
    std::vector<Region> drop;
    {
      std::lock_guard<std::mutex> lock(mu_);
      maxIdle_ = bytes;
      trimLocked(drop, std::min(bytes, trimTo));
    }
    unmapAll(drop);
  }

  /** Bytes of the idle region take(bytes, true) would hand out, 0 if none fits. */
  size_t fit(size_t bytes) {
    std::lock_guard<std::mutex> lock(mu_);
    const size_t best = bestFitLocked(bytes);
    return best < idle_.size() ? idle_[best].bytes : 0;
  }

  Stats stats() {
    std::lock_guard<std::mutex> lock(mu_);
    return {idleBytes_, idle_.size(), liveBytes_, live_, reused_, mapped_, unmapped_, maxIdle_};
  }

  /**
   * Memory for `bytes`: the smallest idle region that fits, else (unless
   * reuseOnly) a new mapping. null when nothing fits and reuseOnly, or when
   * the mapping fails.
   */
  void* take(size_t bytes, bool reuseOnly, size_t* regionBytes) {
    const size_t want = roundUp(std::max<size_t>(bytes, 1));
    {
      std::lock_guard<std::mutex> lock(mu_);
      const size_t best = bestFitLocked(bytes);
      if (best < idle_.size()) {
        Region r = idle_[best];
        idle_.erase(idle_.begin() + static_cast<std::ptrdiff_t>(best));
        idleBytes_ -= r.bytes;
        liveBytes_ += r.bytes;
        ++live_;
        ++reused_;
        *regionBytes = r.bytes;
        return r.base;
      }
    }
    if (reuseOnly) return nullptr;
    void* base = mapAligned(want);
    if (!base) return nullptr;
    std::lock_guard<std::mutex> lock(mu_);
    liveBytes_ += want;
    ++live_;
    ++mapped_;
    *regionBytes = want;
    return base;
  }

  /** Back from a freed backing store: onto the free list, or unmapped when the list is full. */
  void giveBack(void* base, size_t bytes) {
    std::vector<Region> drop;
    {
      std::lock_guard<std::mutex> lock(mu_);
      liveBytes_ -= bytes;
      --live_;
      idle_.push_back({base, bytes});
      idleBytes_ += bytes;
      trimLocked(drop, maxIdle_);
    }
    unmapAll(drop);
  }

 private:
  struct Region {
    void* base;
    size_t bytes;
  };

  static size_t roundUp(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

  // The smallest idle region that holds `bytes` and is not much larger; idle_.size() if none.
  size_t bestFitLocked(size_t bytes) const {
    const size_t want = roundUp(std::max<size_t>(bytes, 1));
    size_t best = idle_.size();
    for (size_t i = 0; i < idle_.size(); ++i) {
      const size_t n = idle_[i].bytes;
      if (n >= want && n <= want * kFitSlack + kAlign && (best == idle_.size() || n < idle_[best].bytes)) best = i;
    }
    return best;
  }

  // Oldest regions go first, until idle bytes are within `limit` and the count within its bound.
  void trimLocked(std::vector<Region>& drop, size_t limit) {
    while (!idle_.empty() && (idleBytes_ > limit || idle_.size() > kMaxIdleRegions)) {
      drop.push_back(idle_.front());
      idleBytes_ -= idle_.front().bytes;
      idle_.erase(idle_.begin());
      ++unmapped_;
    }
  }

  static void unmapAll(const std::vector<Region>& regions) {
    for (const Region& r : regions) unmap(r.base, r.bytes);
  }

#if defined(__linux__)
  // Over-map by one alignment unit and cut the ends, so the region starts on
  // a 2 MiB boundary; advise huge pages before anything touches it.
  static void* mapAligned(size_t bytes) {
    const size_t span = bytes + kAlign;
    void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    const uintptr_t begin = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = (begin + kAlign - 1) & ~(uintptr_t{kAlign} - 1);
    if (aligned > begin) munmap(raw, aligned - begin);
    const uintptr_t tail = aligned + bytes, end = begin + span;
    if (end > tail) munmap(reinterpret_cast<void*>(tail), end - tail);
#if defined(MADV_HUGEPAGE)
    madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE);
#endif
    return reinterpret_cast<void*>(aligned);
  }
  static void unmap(void* base, size_t bytes) { munmap(base, bytes); }
#else
  static void* mapAligned(size_t bytes) { return ::operator new(bytes, std::nothrow); }
  static void unmap(void* base, size_t) { ::operator delete(base); }
#endif

  std::mutex mu_;
  std::vector<Region> idle_;
  size_t idleBytes_ = 0, liveBytes_ = 0, live_ = 0, reused_ = 0, mapped_ = 0, unmapped_ = 0;
  size_t maxIdle_ = 0;
};

namespace outmem_detail {

struct Lease {
  void* base;
  size_t bytes;
};

inline void freeLease(void*, size_t, void* data) {
  Lease* lease = static_cast<Lease*>(data);
  OutputMemory::instance().giveBack(lease->base, lease->bytes);
  delete lease;
}

}  // namespace outmem_detail

// outputBuffer(bytes, reuseOnly) -> SharedArrayBuffer | null
// Uses V8's API (N-API cannot make a SharedArrayBuffer over external memory):
// the JS side calls it only when the addon was compiled against the V8 it
// runs in (exports.v8Version is a prefix of process.versions.v8).
inline Napi::Value OutputBuffer(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber()) throw Napi::TypeError::New(env, "outputBuffer(bytes, reuseOnly) expects a byte count");
  const double want = info[0].As<Napi::Number>().DoubleValue();
  if (!(want >= 0) || want > 9.0e15) throw Napi::RangeError::New(env, "outputBuffer(): byte count out of range");
  const size_t bytes = static_cast<size_t>(want);
  size_t regionBytes = 0;
  void* base = OutputMemory::instance().take(bytes, info[1].ToBoolean(), &regionBytes);
  if (!base) return env.Null();
  auto* lease = new outmem_detail::Lease{base, regionBytes};
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  std::shared_ptr<v8::BackingStore> store =
      v8::SharedArrayBuffer::NewBackingStore(base, bytes, outmem_detail::freeLease, lease);
  v8::Local<v8::SharedArrayBuffer> sab = v8::SharedArrayBuffer::New(isolate, std::move(store));
  // A napi_value is a v8::Local's slot (node's JsValueFromV8LocalValue).
  return Napi::Value(env, reinterpret_cast<napi_value>(*sab));
}

inline size_t byteCount(const Napi::Value& v) {
  const double n = v.As<Napi::Number>().DoubleValue();
  return n >= 9.0e15 ? size_t{9000000000000000} : n > 0 ? static_cast<size_t>(n) : 0;
}

// outputFit(bytes) -> bytes of the idle region outputBuffer(bytes, true) would use, 0 if none.
inline Napi::Value OutputFit(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) throw Napi::TypeError::New(env, "outputFit(bytes) expects a byte count");
  return Napi::Number::New(env, static_cast<double>(OutputMemory::instance().fit(byteCount(info[0]))));
}

// outputMemory([maxIdleBytes[, trimTo]]) -> stats; with arguments, first sets
// the idle bound and unmaps idle regions down to min(bound, trimTo).
inline Napi::Value OutputMemoryStats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  OutputMemory& pool = OutputMemory::instance();
  if (info.Length() > 0 && info[0].IsNumber()) {
    const size_t bound = byteCount(info[0]);
    pool.setMaxIdleBytes(bound, info.Length() > 1 && info[1].IsNumber() ? byteCount(info[1]) : bound);
  }
  const OutputMemory::Stats s = pool.stats();
  Napi::Object o = Napi::Object::New(env);
  o.Set("idleBytes", static_cast<double>(s.idleBytes));
  o.Set("idleRegions", static_cast<double>(s.idleRegions));
  o.Set("liveBytes", static_cast<double>(s.liveBytes));
  o.Set("liveRegions", static_cast<double>(s.liveRegions));
  o.Set("reused", static_cast<double>(s.reused));
  o.Set("mapped", static_cast<double>(s.mapped));
  o.Set("unmapped", static_cast<double>(s.unmapped));
  o.Set("maxIdleBytes", static_cast<double>(s.maxIdleBytes));
  return o;
}

inline void exportOutputMemory(Napi::Env env, Napi::Object exports) {
  exports.Set("v8Version", Napi::String::New(env, std::to_string(V8_MAJOR_VERSION) + "." + std::to_string(V8_MINOR_VERSION) + "." +
                                                   std::to_string(V8_BUILD_NUMBER) + "."));
  exports.Set("outputBuffer", Napi::Function::New(env, OutputBuffer));
  exports.Set("outputMemory", Napi::Function::New(env, OutputMemoryStats));
  exports.Set("outputFit", Napi::Function::New(env, OutputFit));
}

}  // namespace tagrid
