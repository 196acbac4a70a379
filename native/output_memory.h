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
// the buffer) and guarded by a mutex; each idle region belongs to the owner
// (an engine's output pool) it was last handed to. A region is either on the free list or
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
#include <unordered_map>
#include <new>
#include <vector>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace tagrid {

// Each region carries the owner (an engine's output pool) it was last handed
// to; when it is freed it is idle memory of that owner, bounded by that
// owner's budget, so one engine's idle memory never counts against, nor is
// trimmed by, another's.
class OutputMemory {
 public:
  static constexpr size_t kAlign = size_t{2} << 20;
  /** A free region serves a request up to this much smaller than itself (as the JS pool's FIT_SLACK). */
  static constexpr double kFitSlack = 1.25;
  /** Bounds the free list's length over all owners. */
  static constexpr size_t kMaxIdleRegions = 32;

  struct Stats {
    // The owner's idle memory and bound; live memory and counters are process-wide.
    size_t idleBytes, idleRegions, maxIdleBytes, liveBytes, liveRegions, reused, mapped, unmapped;
  };

  static OutputMemory& instance() {
    static OutputMemory* pool = new OutputMemory();  // never destroyed: deleters may run during exit
    return *pool;
  }

  /** Sets an owner's bound of idle bytes and unmaps its idle regions, oldest first, down to min(bound, trimTo). */
  void setMaxIdleBytes(uint32_t owner, size_t bytes, size_t trimTo) {
    std::vector<Region> drop;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (bytes == 0) maxIdle_.erase(owner);
      else maxIdle_[owner] = bytes;
      trimLocked(drop, owner, std::min(bytes, trimTo));
    }
    unmapAll(drop);
  }

  /** Bytes of the idle region take(bytes, true, owner) would hand out, 0 if none fits. */
  size_t fit(size_t bytes, uint32_t owner) {
    std::lock_guard<std::mutex> lock(mu_);
    const size_t best = bestFitLocked(bytes, owner);
    return best < idle_.size() ? idle_[best].bytes : 0;
  }

  Stats stats(uint32_t owner) {
    std::lock_guard<std::mutex> lock(mu_);
    size_t n = 0;
    for (const Region& r : idle_) n += r.owner == owner;
    return {idleBytesLocked(owner), n, maxIdleLocked(owner), liveBytes_, live_, reused_, mapped_, unmapped_};
  }

  /**
   * Memory for `bytes`: the owner's smallest idle region that fits, else
   * (unless reuseOnly) a new mapping. null when nothing fits and reuseOnly,
   * or when the mapping fails.
   */
  void* take(size_t bytes, bool reuseOnly, uint32_t owner, size_t* regionBytes) {
    const size_t want = roundUp(std::max<size_t>(bytes, 1));
    {
      std::lock_guard<std::mutex> lock(mu_);
      const size_t best = bestFitLocked(bytes, owner);
      if (best < idle_.size()) {
        Region r = idle_[best];
        idle_.erase(idle_.begin() + static_cast<std::ptrdiff_t>(best));
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

  /** Back from a freed backing store: onto the owner's free list, or unmapped beyond its bound. */
  void giveBack(void* base, size_t bytes, uint32_t owner) {
    std::vector<Region> drop;
    {
      std::lock_guard<std::mutex> lock(mu_);
      liveBytes_ -= bytes;
      --live_;
      idle_.push_back({base, bytes, owner});
      trimLocked(drop, owner, maxIdleLocked(owner));
    }
    unmapAll(drop);
  }

 private:
  struct Region {
    void* base;
    size_t bytes;
    uint32_t owner;
  };

  static size_t roundUp(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

  size_t maxIdleLocked(uint32_t owner) const {
    const auto it = maxIdle_.find(owner);
    return it == maxIdle_.end() ? 0 : it->second;
  }

  size_t idleBytesLocked(uint32_t owner) const {
    size_t n = 0;
    for (const Region& r : idle_) n += r.owner == owner ? r.bytes : 0;
    return n;
  }

  // The owner's smallest idle region that holds `bytes` and is not much larger; idle_.size() if none.
  size_t bestFitLocked(size_t bytes, uint32_t owner) const {
    const size_t want = roundUp(std::max<size_t>(bytes, 1));
    size_t best = idle_.size();
    for (size_t i = 0; i < idle_.size(); ++i) {
      const size_t n = idle_[i].bytes;
      if (idle_[i].owner == owner && n >= want && n <= want * kFitSlack + kAlign && (best == idle_.size() || n < idle_[best].bytes)) best = i;
    }
    return best;
  }

  // The owner's oldest regions go first until its idle bytes are within
  // `limit`, then the oldest of any owner while the list is too long.
  void trimLocked(std::vector<Region>& drop, uint32_t owner, size_t limit) {
    size_t idle = idleBytesLocked(owner);
    for (size_t i = 0; i < idle_.size() && idle > limit;) {
      if (idle_[i].owner != owner) { ++i; continue; }
      idle -= idle_[i].bytes;
      drop.push_back(idle_[i]);
      idle_.erase(idle_.begin() + static_cast<std::ptrdiff_t>(i));
      ++unmapped_;
    }
    while (idle_.size() > kMaxIdleRegions) {
      drop.push_back(idle_.front());
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
  std::unordered_map<uint32_t, size_t> maxIdle_;
  size_t liveBytes_ = 0, live_ = 0, reused_ = 0, mapped_ = 0, unmapped_ = 0;
};

namespace outmem_detail {

struct Lease {
  void* base;
  size_t bytes;
  uint32_t owner;
};

inline void freeLease(void*, size_t, void* data) {
  Lease* lease = static_cast<Lease*>(data);
  OutputMemory::instance().giveBack(lease->base, lease->bytes, lease->owner);
  delete lease;
}

inline size_t byteCount(const Napi::Value& v) {
  const double n = v.As<Napi::Number>().DoubleValue();
  return n >= 9.0e15 ? size_t{9000000000000000} : n > 0 ? static_cast<size_t>(n) : 0;
}

inline uint32_t ownerAt(const Napi::CallbackInfo& info, size_t i) {
  if (info.Length() <= i || !info[i].IsNumber()) throw Napi::TypeError::New(info.Env(), "output memory: owner must be a number");
  return info[i].As<Napi::Number>().Uint32Value();
}

}  // namespace outmem_detail

// outputBuffer(bytes, reuseOnly, owner) -> SharedArrayBuffer | null
// Uses V8's API (N-API cannot make a SharedArrayBuffer over external memory):
// the JS side calls it only when the addon was compiled against the V8 it
// runs in (exports.v8Version is a prefix of process.versions.v8).
inline Napi::Value OutputBuffer(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsNumber()) throw Napi::TypeError::New(env, "outputBuffer(bytes, reuseOnly, owner) expects a byte count");
  const double want = info[0].As<Napi::Number>().DoubleValue();
  if (!(want >= 0) || want > 9.0e15) throw Napi::RangeError::New(env, "outputBuffer(): byte count out of range");
  const size_t bytes = static_cast<size_t>(want);
  const uint32_t owner = outmem_detail::ownerAt(info, 2);
  size_t regionBytes = 0;
  void* base = OutputMemory::instance().take(bytes, info[1].ToBoolean(), owner, &regionBytes);
  if (!base) return env.Null();
  auto* lease = new outmem_detail::Lease{base, regionBytes, owner};
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  std::shared_ptr<v8::BackingStore> store =
      v8::SharedArrayBuffer::NewBackingStore(base, bytes, outmem_detail::freeLease, lease);
  v8::Local<v8::SharedArrayBuffer> sab = v8::SharedArrayBuffer::New(isolate, std::move(store));
  // A napi_value is a v8::Local's slot (node's JsValueFromV8LocalValue).
  return Napi::Value(env, reinterpret_cast<napi_value>(*sab));
}

// outputFit(bytes, owner) -> bytes of the idle region outputBuffer(bytes, true, owner) would use, 0 if none.
inline Napi::Value OutputFit(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber()) throw Napi::TypeError::New(env, "outputFit(bytes, owner) expects a byte count");
  return Napi::Number::New(env, static_cast<double>(OutputMemory::instance().fit(outmem_detail::byteCount(info[0]), outmem_detail::ownerAt(info, 1))));
}

// outputMemory(owner[, maxIdleBytes[, trimTo]]) -> stats; with a bound, first
// sets the owner's idle bound and unmaps its idle regions down to min(bound, trimTo).
inline Napi::Value OutputMemoryStats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  OutputMemory& pool = OutputMemory::instance();
  const uint32_t owner = outmem_detail::ownerAt(info, 0);
  if (info.Length() > 1 && info[1].IsNumber()) {
    const size_t bound = outmem_detail::byteCount(info[1]);
    pool.setMaxIdleBytes(owner, bound, info.Length() > 2 && info[2].IsNumber() ? outmem_detail::byteCount(info[2]) : bound);
  }
  const OutputMemory::Stats s = pool.stats(owner);
  Napi::Object o = Napi::Object::New(env);
  o.Set("idleBytes", static_cast<double>(s.idleBytes));
  o.Set("idleRegions", static_cast<double>(s.idleRegions));
  o.Set("maxIdleBytes", static_cast<double>(s.maxIdleBytes));
  o.Set("liveBytes", static_cast<double>(s.liveBytes));
  o.Set("liveRegions", static_cast<double>(s.liveRegions));
  o.Set("reused", static_cast<double>(s.reused));
  o.Set("mapped", static_cast<double>(s.mapped));
  o.Set("unmapped", static_cast<double>(s.unmapped));
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
