// Errors, tensor lifetime, metadata, data transfer, devices, threads and seeds.
#include "rt_common.h"

#include <atomic>
#include <cstring>

namespace {
thread_local std::string last_error;
thread_local bool has_error = false;
std::atomic<int64_t> live_handles{0};
}  // namespace

void rt::set_error(const char* message) {
  last_error = message ? message : "unknown native error";
  has_error = true;
}

/// The last error on this thread, or NULL; valid until the next failing call on this thread.
RT_API const char* rt_last_error() { return has_error ? last_error.c_str() : nullptr; }

RT_API void rt_clear_error() {
  has_error = false;
  last_error.clear();
}

RT_API void rt_tensor_free(rt_tensor t) { delete t; }

RT_API int rt_version(const char** out) { RT_TRY(*out = TORCH_VERSION) }

// ---- metadata ---------------------------------------------------------------

RT_API int rt_dim(rt_tensor t, int64_t* out) { RT_TRY(*out = t->dim()) }
RT_API int rt_numel(rt_tensor t, int64_t* out) { RT_TRY(*out = t->numel()) }
RT_API int rt_shape(rt_tensor t, int64_t* out) {
  RT_TRY(auto s = t->sizes(); std::memcpy(out, s.data(), s.size() * sizeof(int64_t)))
}
RT_API int rt_stride(rt_tensor t, int64_t* out) {
  RT_TRY(auto s = t->strides(); std::memcpy(out, s.data(), s.size() * sizeof(int64_t)))
}
RT_API int rt_dtype(rt_tensor t, int32_t* out) { RT_TRY(*out = static_cast<int32_t>(t->scalar_type())) }
RT_API int rt_device(rt_tensor t, int32_t* type, int32_t* index) {
  RT_TRY(*type = static_cast<int32_t>(t->device().type()); *index = t->device().index())
}
RT_API int rt_is_contiguous(rt_tensor t, int32_t* out) { RT_TRY(*out = t->is_contiguous()) }
RT_API int rt_defined(rt_tensor t, int32_t* out) { RT_TRY(*out = t->defined()) }

// ---- data in and out ----------------------------------------------------------

/// Copies `nbytes` of host data into a new CPU tensor of the given shape and dtype.
RT_API int rt_from_blob(const void* data, const int64_t* shape, int64_t ndim, int32_t dtype,
                        int64_t nbytes, int32_t requires_grad, rt_tensor* out) {
  RT_TRY({
    auto t = at::empty(rt::dims(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
    if (static_cast<int64_t>(t.nbytes()) != nbytes)
      throw std::invalid_argument("data length " + std::to_string(nbytes) + " bytes does not match shape " +
                                  c10::str(t.sizes()) + " (" + std::to_string(t.nbytes()) + " bytes)");
    if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
    if (requires_grad) t.requires_grad_(true);
    *out = rt::wrap(std::move(t));
  })
}

/// Copies the tensor's values (moved to CPU, made contiguous) into `dst` (`nbytes` long).
RT_API int rt_copy_to_host(rt_tensor t, void* dst, int64_t nbytes) {
  RT_TRY({
    auto c = t->detach().to(at::kCPU).contiguous();
    if (static_cast<int64_t>(c.nbytes()) != nbytes)
      throw std::invalid_argument("destination holds " + std::to_string(nbytes) + " bytes, tensor has " +
                                  std::to_string(c.nbytes()));
    if (nbytes > 0) std::memcpy(dst, c.data_ptr(), static_cast<size_t>(nbytes));
  })
}

/// The single value of a one-element tensor, as double, int64 or bool (per `kind`).
RT_API int rt_item(rt_tensor t, rt_scalar* out) {
  RT_TRY({
    auto s = t->item();
    if (s.isBoolean()) { out->kind = 2; out->i = s.toBool(); out->d = out->i; }
    else if (s.isIntegral(false)) { out->kind = 0; out->i = s.toLong(); out->d = static_cast<double>(out->i); }
    else { out->kind = 1; out->d = s.toDouble(); out->i = static_cast<int64_t>(out->d); }
  })
}

// ---- conversion and devices ---------------------------------------------------

RT_TENSOR_FN(rt_to, (rt_tensor t, int32_t device_type, int32_t device_index, int32_t dtype, int32_t copy, rt_tensor* out),
             t->to(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)),
                   dtype < 0 ? t->scalar_type() : static_cast<at::ScalarType>(dtype), false, copy != 0))
RT_TENSOR_FN(rt_clone, (rt_tensor t, rt_tensor* out), t->clone())
RT_TENSOR_FN(rt_shallow_copy, (rt_tensor t, rt_tensor* out), at::Tensor(*t))

RT_API int rt_cuda_is_available(int32_t* out) { RT_TRY(*out = torch::cuda::is_available()) }
RT_API int rt_cuda_device_count(int64_t* out) { RT_TRY(*out = static_cast<int64_t>(torch::cuda::device_count())) }
RT_API int rt_cuda_synchronize(int64_t device) {
  RT_TRY({
    if (torch::cuda::is_available()) torch::cuda::synchronize(device);
  })
}

// ---- global state -------------------------------------------------------------

RT_API int rt_manual_seed(int64_t seed) { RT_TRY(torch::manual_seed(static_cast<uint64_t>(seed))) }
/// Sets libtorch's default dtype (used where it infers a floating type: int / int, int + 1.5, float arange).
RT_API int rt_set_default_dtype(int32_t dtype) {
  RT_TRY(c10::set_default_dtype(caffe2::TypeMeta::fromScalarType(static_cast<at::ScalarType>(dtype))))
}
RT_API int rt_set_num_threads(int32_t n) { RT_TRY(at::set_num_threads(n)) }
RT_API int rt_get_num_threads(int32_t* out) { RT_TRY(*out = at::get_num_threads()) }
RT_API int rt_set_num_interop_threads(int32_t n) { RT_TRY(at::set_num_interop_threads(n)) }
RT_API int rt_parallel_info(const char** out) {
  thread_local std::string info;
  RT_TRY(info = at::get_parallel_info(); *out = info.c_str())
}
RT_API int rt_config_info(const char** out) {
  thread_local std::string info;
  RT_TRY(info = at::show_config(); *out = info.c_str())
}

// ---- random number generator state ---------------------------------------------------

/// The CPU generator's state as a uint8 tensor (to save in checkpoints).
RT_API int rt_get_rng_state(rt_tensor* out) {
  RT_TRY({
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    *out = rt::wrap(gen.get_state());
  })
}

/// Restores the CPU generator's state from a tensor made by rt_get_rng_state.
RT_API int rt_set_rng_state(rt_tensor state) {
  RT_TRY({
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(*state);
  })
}
