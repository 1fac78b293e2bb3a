// rnn-torch native shim: shared definitions for every translation unit.
//
// The C ABI is uniform (after tch-rs's torch_api.h):
//   * every entry point returns int: 0 on success, -1 on failure;
//   * results are written through out pointers;
//   * tensors cross the boundary as opaque handles (heap-allocated at::Tensor);
//   * every entry point catches everything into one thread-local error slot,
//     read with rt_last_error(); nothing throws across the boundary.
#pragma once

#include <torch/torch.h>
#include <cstdint>
#include <string>

#if defined(_WIN32)
#define RT_API extern "C" __declspec(dllexport)
#else
#define RT_API extern "C" __attribute__((visibility("default")))
#endif

typedef at::Tensor* rt_tensor;

/// A scalar crossing the boundary: kind 0 = int64, 1 = double, 2 = bool.
struct rt_scalar {
  int64_t i;
  double d;
  int32_t kind;
};

namespace rt {

void set_error(const char* message);

inline rt_tensor wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }

inline at::Scalar to_scalar(rt_scalar s) {
  switch (s.kind) {
    case 0: return at::Scalar(s.i);
    case 2: return at::Scalar(s.i != 0);
    default: return at::Scalar(s.d);
  }
}

inline at::IntArrayRef dims(const int64_t* p, int64_t n) {
  return at::IntArrayRef(p, static_cast<size_t>(n));
}

inline c10::optional<at::ScalarType> opt_dtype(int32_t dtype) {
  if (dtype < 0) return c10::nullopt;
  return static_cast<at::ScalarType>(dtype);
}

inline at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index,
                                 bool requires_grad) {
  auto o = at::TensorOptions()
               .dtype(static_cast<at::ScalarType>(dtype))
               .device(at::Device(static_cast<at::DeviceType>(device_type),
                                  static_cast<c10::DeviceIndex>(device_index)));
  return o.requires_grad(requires_grad);
}

}  // namespace rt

/// Wraps a body so that no exception escapes: c10::Error without its backtrace,
/// std::exception with its message, anything else with a generic message.
#define RT_TRY(...)                                               \
  try {                                                           \
    __VA_ARGS__;                                                       \
    return 0;                                                     \
  } catch (const c10::Error& e) {                                 \
    rt::set_error(e.what_without_backtrace());                    \
  } catch (const std::exception& e) {                             \
    rt::set_error(e.what());                                      \
  } catch (...) {                                                 \
    rt::set_error("unknown native exception");                    \
  }                                                               \
  return -1;

/// Entry point returning a new tensor handle through `out`.
#define RT_TENSOR_FN(name, params, ...) \
  RT_API int name params { RT_TRY(*out = rt::wrap(__VA_ARGS__)) }
