// Thin N-API binding: argument checks and a table lookup, nothing else.
// The one mutable global is the process-wide, locked pool of output memory
// (output_memory.h); the addon loads in the main thread and in every worker.
#include <napi.h>
#include <cerrno>
#include <cstdint>
#include <string>
#include <vector>
#include "kernels.h"
#include "output_memory.h"
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace {

using namespace tagrid;

const KernelEntry& entryAt(const Napi::Env& env, const Napi::Value& v) {
  if (!v.IsNumber()) throw Napi::TypeError::New(env, "kernel index must be a number");
  const KernelEntry* k = kernelAt(v.As<Napi::Number>().Int32Value());
  if (!k) throw Napi::RangeError::New(env, "kernel index out of range");
  return *k;
}

// [{ id, inputs, params, outputs }] in table order.
Napi::Value Kernels(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const int n = kernelCount();
  Napi::Array list = Napi::Array::New(env, n);
  for (int i = 0; i < n; ++i) {
    const KernelEntry* k = kernelAt(i);
    Napi::Object o = Napi::Object::New(env);
    o.Set("id", k->id);
    o.Set("inputs", k->nIn);
    o.Set("params", k->nParam);
    o.Set("outputs", k->nOut);
    list.Set(i, o);
  }
  return list;
}

Napi::Value ScratchSize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const KernelEntry& k = entryAt(env, info[0]);
  const int64_t T = info[1].As<Napi::Number>().Int64Value();
  const int64_t W = info[2].As<Napi::Number>().Int64Value();  // longest window of the request
  return Napi::Number::New(env, static_cast<double>(k.scratch(T, W)));
}

// Element pointer of a typed array; works for SharedArrayBuffer-backed arrays too.
void* dataOf(Napi::Env env, const Napi::TypedArray& ta) {
  napi_typedarray_type type;
  size_t length, offset;
  void* data = nullptr;
  napi_value buffer;
  NAPI_THROW_IF_FAILED(env, napi_get_typedarray_info(env, ta, &type, &length, &data, &buffer, &offset), nullptr);
  return data;
}

Napi::Float64Array float64Of(Napi::Env env, const Napi::Value& v, const char* what, int64_t minLen) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array)
    throw Napi::TypeError::New(env, std::string(what) + " must be a Float64Array");
  Napi::Float64Array f = v.As<Napi::Float64Array>();
  if (static_cast<int64_t>(f.ElementLength()) < minLen)
    throw Napi::RangeError::New(env, std::string(what) + " is shorter than required");
  return f;
}

Napi::Float64Array float64At(Napi::Env env, const Napi::Array& a, uint32_t i, const char* what, int64_t minLen) {
  return float64Of(env, a.Get(i), what, minLen);
}

template <typename Out>
int32_t runTyped(const KernelEntry& k, const KernelCall& call, const Napi::Array& outs,
                 int64_t ts, int64_t vs, int64_t need, Napi::Env env) {
  constexpr napi_typedarray_type want = sizeof(Out) == 4 ? napi_float32_array : napi_float64_array;
  std::vector<Out*> ptrs(k.nOut, nullptr);
  for (int i = 0; i < k.nOut; ++i) {
    Napi::Value v = outs.Get(static_cast<uint32_t>(i));
    if (v.IsNull() || v.IsUndefined()) continue;
    if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != want)
      throw Napi::TypeError::New(env, "every output must be a typed array of the requested dtype");
    Napi::TypedArray ta = v.As<Napi::TypedArray>();
    if (static_cast<int64_t>(ta.ElementLength()) < need)
      throw Napi::RangeError::New(env, "output array is smaller than the strides require");
    ptrs[i] = static_cast<Out*>(dataOf(env, ta));
  }
  OutView<Out> view{ptrs.data(), k.nOut, ts, vs};
  view.cancel = call.cancel;
  try {
    if constexpr (sizeof(Out) == 4) return k.f32(call, view);
    else return k.f64(call, view);
  } catch (const Cancelled&) {
    return kOk;  // stopped on request: the caller discards the outputs
  }
}

// Arguments `at` and at + 1: an optional state input and its output, which
// must be at least as long (null or absent: none).
void statePair(const Napi::CallbackInfo& info, size_t at, const char* inWhat, const char* outWhat, const double*& in, double*& out, int64_t& len) {
  const auto given = [&](size_t i) { return info.Length() > i && !info[i].IsNull() && !info[i].IsUndefined(); };
  if (!given(at)) return;
  const Napi::Float64Array input = float64Of(info.Env(), info[at], inWhat, 0);
  in = input.Data();
  len = static_cast<int64_t>(input.ElementLength());
  if (given(at + 1)) out = float64Of(info.Env(), info[at + 1], outWhat, len).Data();
}

// run(kernel, inputs[], T, params[], v0, v1, outputs[], float64?, timeStride, variantStride, scratch[, cancel[, stateIn, stateOut[, runStateIn, runStateOut]]])
Napi::Value Run(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 11) throw Napi::TypeError::New(env, "run() expects 11 arguments");
  const KernelEntry& k = entryAt(env, info[0]);
  const Napi::Array inArr = info[1].As<Napi::Array>();
  const int64_t T = info[2].As<Napi::Number>().Int64Value();
  const Napi::Array paramArr = info[3].As<Napi::Array>();
  const int64_t v0 = info[4].As<Napi::Number>().Int64Value();
  const int64_t v1 = info[5].As<Napi::Number>().Int64Value();
  const Napi::Array outArr = info[6].As<Napi::Array>();
  const bool f64 = info[7].ToBoolean();
  const int64_t ts = info[8].As<Napi::Number>().Int64Value();
  const int64_t vs = info[9].As<Napi::Number>().Int64Value();
  if (T < 0 || v0 < 0 || v1 < v0 || ts < 0 || vs < 0) throw Napi::RangeError::New(env, "negative size or stride");
  if (static_cast<int>(inArr.Length()) != k.nIn || static_cast<int>(paramArr.Length()) != k.nParam ||
      static_cast<int>(outArr.Length()) != k.nOut)
    throw Napi::TypeError::New(env, std::string("wrong number of inputs, params or outputs for ") + k.id);
  if (T == 0 || v1 == v0) return env.Undefined();

  std::vector<const double*> in(k.nIn), param(k.nParam);
  for (int i = 0; i < k.nIn; ++i) in[i] = float64At(env, inArr, i, "input", T).Data();
  for (int i = 0; i < k.nParam; ++i) param[i] = float64At(env, paramArr, i, "param", v1).Data();
  double* scratch = nullptr;
  int64_t scratchLen = 0;
  if (!info[10].IsNull() && !info[10].IsUndefined()) {
    Napi::Float64Array s = info[10].As<Napi::Float64Array>();
    scratch = s.Data();
    scratchLen = static_cast<int64_t>(s.ElementLength());
  }
  KernelCall call{in.data(), T, param.data(), v0, v1, scratch, scratchLen};
  call.blockWidth = (vs == 1 && ts > 1) ? kBlock : kNarrowBlock;
  if (info.Length() > 11 && info[11].IsTypedArray()) {
    Napi::TypedArray flag = info[11].As<Napi::TypedArray>();
    if (flag.TypedArrayType() != napi_int32_array || flag.ElementLength() < 1)
      throw Napi::TypeError::New(env, "cancel flag must be an Int32Array");
    call.cancel = static_cast<const volatile int32_t*>(dataOf(env, flag));
  }
  // Kernel state (KernelCall::stateIn / stateOut), and the source run's state beside a per-variant one
  // (KernelCall::runStateIn / runStateOut).
  statePair(info, 12, "state input", "state output", call.stateIn, call.stateOut, call.stateLen);
  statePair(info, 14, "run state input", "run state output", call.runStateIn, call.runStateOut, call.runStateLen);
  const int64_t need = (T - 1) * ts + (v1 - 1) * vs + 1;
  const int32_t status = f64 ? runTyped<double>(k, call, outArr, ts, vs, need, env)
                             : runTyped<float>(k, call, outArr, ts, vs, need, env);
#if defined(__SSE2__)
  _mm_sfence();  // streaming stores of the kernel are visible before we return
#endif
  if (status == kScratchTooSmall) throw Napi::RangeError::New(env, "scratch buffer too small");
  if (status != kOk) throw Napi::Error::New(env, std::string("kernel failed: ") + k.id + " (status " + std::to_string(status) + ")");
  return env.Undefined();
}

// adviseHugePages(typedArray) -> { supported, advisedBytes, errno }
// Asks Linux to back the 2 MiB-aligned interior of the view's memory with
// transparent huge pages (MADV_HUGEPAGE), before anything touches it: one
// fault per 2 MiB instead of 512. Only the interior, so no page outside the
// view is affected. A hint: the kernel's THP mode decides what happens.
Napi::Value AdviseHugePages(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsTypedArray()) throw Napi::TypeError::New(env, "adviseHugePages() expects a typed array");
  Napi::TypedArray ta = info[0].As<Napi::TypedArray>();
  Napi::Object r = Napi::Object::New(env);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const uintptr_t begin = reinterpret_cast<uintptr_t>(dataOf(env, ta));
  const uintptr_t end = begin + ta.ByteLength();
  const uintptr_t lo = (begin + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t hi = end & ~(kHuge - 1);
  int err = 0;
  if (hi > lo && madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE) != 0) err = errno;
  r.Set("supported", true);
  r.Set("advisedBytes", static_cast<double>(hi > lo && err == 0 ? hi - lo : 0));
  r.Set("errno", err);
#else
  r.Set("supported", false);
  r.Set("advisedBytes", 0);
  r.Set("errno", 0);
#endif
  return r;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("kernels", Napi::Function::New(env, Kernels));
  exports.Set("scratchSize", Napi::Function::New(env, ScratchSize));
  exports.Set("run", Napi::Function::New(env, Run));
  exports.Set("adviseHugePages", Napi::Function::New(env, AdviseHugePages));
  exports.Set("kernelState", Napi::Boolean::New(env, true));  // run() takes stateIn / stateOut
  exports.Set("runState", Napi::Boolean::New(env, true));     // and runStateIn / runStateOut
  exportOutputMemory(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(ta_grid, Init)
