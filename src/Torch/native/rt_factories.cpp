// Tensor factories. The torch:: variants honour TensorOptions::requires_grad (the at:: ones silently drop it).
#include "rt_common.h"

#define RT_OPTS rt::options(dtype, device_type, device_index, requires_grad != 0)
#define RT_OPT_PARAMS int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad

RT_TENSOR_FN(rt_zeros, (const int64_t* shape, int64_t ndim, RT_OPT_PARAMS, rt_tensor* out),
             torch::zeros(rt::dims(shape, ndim), RT_OPTS))
RT_TENSOR_FN(rt_ones, (const int64_t* shape, int64_t ndim, RT_OPT_PARAMS, rt_tensor* out),
             torch::ones(rt::dims(shape, ndim), RT_OPTS))
RT_TENSOR_FN(rt_empty, (const int64_t* shape, int64_t ndim, RT_OPT_PARAMS, rt_tensor* out),
             torch::empty(rt::dims(shape, ndim), RT_OPTS))
RT_TENSOR_FN(rt_full, (const int64_t* shape, int64_t ndim, rt_scalar value, RT_OPT_PARAMS, rt_tensor* out),
             torch::full(rt::dims(shape, ndim), rt::to_scalar(value), RT_OPTS))
RT_TENSOR_FN(rt_randn, (const int64_t* shape, int64_t ndim, RT_OPT_PARAMS, rt_tensor* out),
             torch::randn(rt::dims(shape, ndim), RT_OPTS))
RT_TENSOR_FN(rt_rand, (const int64_t* shape, int64_t ndim, RT_OPT_PARAMS, rt_tensor* out),
             torch::rand(rt::dims(shape, ndim), RT_OPTS))
RT_TENSOR_FN(rt_randint, (int64_t low, int64_t high, const int64_t* shape, int64_t ndim, RT_OPT_PARAMS, rt_tensor* out),
             torch::randint(low, high, rt::dims(shape, ndim), RT_OPTS))
RT_TENSOR_FN(rt_arange, (rt_scalar start, rt_scalar end, rt_scalar step, RT_OPT_PARAMS, rt_tensor* out),
             dtype < 0 ? torch::arange(rt::to_scalar(start), rt::to_scalar(end), rt::to_scalar(step),
                                    at::TensorOptions()
                                        .device(at::Device(static_cast<at::DeviceType>(device_type),
                                                           static_cast<c10::DeviceIndex>(device_index)))
                                        .requires_grad(requires_grad != 0))
                       : torch::arange(rt::to_scalar(start), rt::to_scalar(end), rt::to_scalar(step), RT_OPTS))
RT_TENSOR_FN(rt_linspace, (double start, double end, int64_t steps, RT_OPT_PARAMS, rt_tensor* out),
             torch::linspace(start, end, steps, RT_OPTS))
RT_TENSOR_FN(rt_eye, (int64_t n, int64_t m, RT_OPT_PARAMS, rt_tensor* out), torch::eye(n, m, RT_OPTS))
RT_TENSOR_FN(rt_zeros_like, (rt_tensor t, int32_t dtype, rt_tensor* out),
             at::zeros_like(*t, t->options().dtype(dtype < 0 ? t->scalar_type() : static_cast<at::ScalarType>(dtype))))
RT_TENSOR_FN(rt_ones_like, (rt_tensor t, int32_t dtype, rt_tensor* out),
             at::ones_like(*t, t->options().dtype(dtype < 0 ? t->scalar_type() : static_cast<at::ScalarType>(dtype))))
RT_TENSOR_FN(rt_randn_like, (rt_tensor t, int32_t dtype, rt_tensor* out),
             at::randn_like(*t, t->options().dtype(dtype < 0 ? t->scalar_type() : static_cast<at::ScalarType>(dtype))))
RT_TENSOR_FN(rt_hann_window, (int64_t length, int32_t periodic, RT_OPT_PARAMS, rt_tensor* out),
             torch::hann_window(length, periodic != 0, RT_OPTS))
