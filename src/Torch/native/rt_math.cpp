// Pointwise, reduction, linear-algebra and signal operations.
#include "rt_common.h"

#include <ATen/ScalarOps.h>

namespace {
/// A scalar as a 0-dim "wrapped number" tensor, so type promotion treats it as a Python scalar.
at::Tensor wrapped(const at::Scalar& s, const at::Device& device) {
  auto t = c10::scalar_to_tensor(s, device);
  t.unsafeGetTensorImpl()->set_wrapped_number(true);
  return t;
}

// Binary operation codes, mirrored by RnnTorch.Native.BinaryOp.
at::Tensor binary(int32_t op, const at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case 0: return at::add(a, b);
    case 1: return at::sub(a, b);
    case 2: return at::mul(a, b);
    case 3: return at::div(a, b);
    case 4: return at::pow(a, b);
    case 5: return at::eq(a, b);
    case 6: return at::ne(a, b);
    case 7: return at::lt(a, b);
    case 8: return at::le(a, b);
    case 9: return at::gt(a, b);
    case 10: return at::ge(a, b);
    case 11: return at::maximum(a, b);
    case 12: return at::minimum(a, b);
    case 13: return at::remainder(a, b);
    case 14: return at::logical_and(a, b);
    case 15: return at::logical_or(a, b);
    case 16: return at::tanh_backward(a, b);               // a = grad of tanh's output, b = tanh's output
    case 17: return at::sigmoid_backward(a, b);            // a = grad of sigmoid's output, b = sigmoid's output
    case 18: return at::threshold_backward(a, b, 0);       // relu: a = grad of the output, b = relu's output
    default: throw std::invalid_argument("unknown binary op " + std::to_string(op));
  }
}

at::Tensor binary_scalar(int32_t op, const at::Tensor& a, const at::Scalar& s) {
  switch (op) {
    case 0: return at::add(a, s);
    case 1: return at::sub(a, s);
    case 2: return at::mul(a, s);
    case 3: return at::div(a, s);
    case 4: return at::pow(a, s);
    case 5: return at::eq(a, s);
    case 6: return at::ne(a, s);
    case 7: return at::lt(a, s);
    case 8: return at::le(a, s);
    case 9: return at::gt(a, s);
    case 10: return at::ge(a, s);
    default: return binary(op, a, wrapped(s, a.device()));
  }
}

// Unary operation codes, mirrored by RnnTorch.Native.UnaryOp.
at::Tensor unary(int32_t op, const at::Tensor& a) {
  switch (op) {
    case 0: return at::neg(a);
    case 1: return at::sqrt(a);
    case 2: return at::rsqrt(a);
    case 3: return at::exp(a);
    case 4: return at::log(a);
    case 5: return at::abs(a);
    case 6: return at::tanh(a);
    case 7: return at::sigmoid(a);
    case 8: return at::relu(a);
    case 9: return at::sin(a);
    case 10: return at::cos(a);
    case 11: return at::square(a);
    case 12: return at::sign(a);
    case 13: return at::floor(a);
    case 14: return at::ceil(a);
    case 15: return at::round(a);
    case 16: return at::log1p(a);
    case 17: return at::expm1(a);
    case 18: return at::reciprocal(a);
    case 19: return at::logical_not(a);
    case 20: return at::isnan(a);
    case 21: return at::isinf(a);
    case 22: return at::real(a);
    case 23: return at::imag(a);
    case 24: return at::angle(a);
    case 25: return at::view_as_real(a);
    case 26: return at::isfinite(a);
    case 27: return at::log2(a);
    case 28: return at::log10(a);
    default: throw std::invalid_argument("unknown unary op " + std::to_string(op));
  }
}

c10::optional<at::Scalar> opt_scalar(rt_scalar s) {
  if (s.kind < 0) return c10::nullopt;
  return rt::to_scalar(s);
}

at::OptionalIntArrayRef opt_dims(const int64_t* dims, int64_t n) {
  if (n < 0) return c10::nullopt;
  return rt::dims(dims, n);
}
}  // namespace

// ---- pointwise ------------------------------------------------------------------

RT_TENSOR_FN(rt_binary, (int32_t op, rt_tensor a, rt_tensor b, rt_tensor* out), binary(op, *a, *b))
RT_TENSOR_FN(rt_binary_scalar, (int32_t op, rt_tensor a, rt_scalar s, rt_tensor* out), binary_scalar(op, *a, rt::to_scalar(s)))
RT_TENSOR_FN(rt_binary_scalar_left, (int32_t op, rt_scalar s, rt_tensor b, rt_tensor* out),
             binary(op, wrapped(rt::to_scalar(s), b->device()), *b))
RT_TENSOR_FN(rt_add_alpha, (rt_tensor a, rt_tensor b, rt_scalar alpha, rt_tensor* out), at::add(*a, *b, rt::to_scalar(alpha)))
RT_TENSOR_FN(rt_unary, (int32_t op, rt_tensor a, rt_tensor* out), unary(op, *a))
RT_TENSOR_FN(rt_clamp, (rt_tensor a, rt_scalar min, rt_scalar max, rt_tensor* out), at::clamp(*a, opt_scalar(min), opt_scalar(max)))
RT_TENSOR_FN(rt_where_scalar, (rt_tensor cond, rt_tensor x, rt_scalar y, rt_tensor* out), at::where(*cond, *x, rt::to_scalar(y)))

// ---- in place ---------------------------------------------------------------------

RT_API int rt_binary_(int32_t op, rt_tensor a, rt_tensor b, rt_scalar alpha) {
  RT_TRY({
    switch (op) {
      case 0: a->add_(*b, rt::to_scalar(alpha)); break;
      case 1: a->sub_(*b, rt::to_scalar(alpha)); break;
      case 2: a->mul_(*b); break;
      case 3: a->div_(*b); break;
      default: throw std::invalid_argument("unknown in-place op " + std::to_string(op));
    }
  })
}
RT_API int rt_binary_scalar_(int32_t op, rt_tensor a, rt_scalar s) {
  RT_TRY({
    auto v = rt::to_scalar(s);
    switch (op) {
      case 0: a->add_(v); break;
      case 1: a->sub_(v); break;
      case 2: a->mul_(v); break;
      case 3: a->div_(v); break;
      default: throw std::invalid_argument("unknown in-place op " + std::to_string(op));
    }
  })
}
RT_API int rt_addcmul_(rt_tensor a, rt_tensor t1, rt_tensor t2, rt_scalar v) { RT_TRY(a->addcmul_(*t1, *t2, rt::to_scalar(v))) }
RT_API int rt_addcdiv_(rt_tensor a, rt_tensor t1, rt_tensor t2, rt_scalar v) { RT_TRY(a->addcdiv_(*t1, *t2, rt::to_scalar(v))) }
RT_API int rt_zero_(rt_tensor a) { RT_TRY(a->zero_()) }
RT_API int rt_fill_(rt_tensor a, rt_scalar v) { RT_TRY(a->fill_(rt::to_scalar(v))) }
RT_API int rt_copy_(rt_tensor a, rt_tensor src) { RT_TRY(a->copy_(*src)) }
RT_API int rt_clamp_(rt_tensor a, rt_scalar min, rt_scalar max) { RT_TRY(a->clamp_(opt_scalar(min), opt_scalar(max))) }
RT_API int rt_uniform_(rt_tensor a, double from, double to) { RT_TRY(a->uniform_(from, to)) }
RT_API int rt_normal_(rt_tensor a, double mean, double std) { RT_TRY(a->normal_(mean, std)) }
RT_API int rt_masked_fill_(rt_tensor a, rt_tensor mask, rt_scalar v) { RT_TRY(a->masked_fill_(*mask, rt::to_scalar(v))) }

// ---- linear algebra -------------------------------------------------------------------

RT_TENSOR_FN(rt_matmul, (rt_tensor a, rt_tensor b, rt_tensor* out), at::matmul(*a, *b))
RT_TENSOR_FN(rt_mm, (rt_tensor a, rt_tensor b, rt_tensor* out), at::mm(*a, *b))
RT_TENSOR_FN(rt_bmm, (rt_tensor a, rt_tensor b, rt_tensor* out), at::bmm(*a, *b))
RT_TENSOR_FN(rt_addmm, (rt_tensor self, rt_tensor m1, rt_tensor m2, rt_scalar beta, rt_scalar alpha, rt_tensor* out),
             at::addmm(*self, *m1, *m2, rt::to_scalar(beta), rt::to_scalar(alpha)))

// ---- reductions -------------------------------------------------------------------------

RT_TENSOR_FN(rt_sum, (rt_tensor a, const int64_t* dims, int64_t n, int32_t keepdim, int32_t dtype, rt_tensor* out),
             n < 0 ? at::sum(*a, rt::opt_dtype(dtype)) : at::sum(*a, rt::dims(dims, n), keepdim != 0, rt::opt_dtype(dtype)))
RT_TENSOR_FN(rt_mean, (rt_tensor a, const int64_t* dims, int64_t n, int32_t keepdim, int32_t dtype, rt_tensor* out),
             n < 0 ? at::mean(*a, rt::opt_dtype(dtype)) : at::mean(*a, rt::dims(dims, n), keepdim != 0, rt::opt_dtype(dtype)))
RT_TENSOR_FN(rt_std, (rt_tensor a, const int64_t* dims, int64_t n, int32_t unbiased, int32_t keepdim, rt_tensor* out),
             at::std(*a, opt_dims(dims, n), unbiased != 0, keepdim != 0))
RT_TENSOR_FN(rt_var, (rt_tensor a, const int64_t* dims, int64_t n, int32_t unbiased, int32_t keepdim, rt_tensor* out),
             at::var(*a, opt_dims(dims, n), unbiased != 0, keepdim != 0))
RT_TENSOR_FN(rt_max_all, (rt_tensor a, rt_tensor* out), at::max(*a))
RT_TENSOR_FN(rt_min_all, (rt_tensor a, rt_tensor* out), at::min(*a))
RT_API int rt_max_dim(rt_tensor a, int64_t dim, int32_t keepdim, rt_tensor* values, rt_tensor* indices) {
  RT_TRY(auto r = at::max(*a, dim, keepdim != 0); *values = rt::wrap(std::get<0>(r)); *indices = rt::wrap(std::get<1>(r)))
}
RT_API int rt_min_dim(rt_tensor a, int64_t dim, int32_t keepdim, rt_tensor* values, rt_tensor* indices) {
  RT_TRY(auto r = at::min(*a, dim, keepdim != 0); *values = rt::wrap(std::get<0>(r)); *indices = rt::wrap(std::get<1>(r)))
}
RT_TENSOR_FN(rt_argmax, (rt_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim, rt_tensor* out),
             at::argmax(*a, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
RT_TENSOR_FN(rt_argmin, (rt_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim, rt_tensor* out),
             at::argmin(*a, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
RT_TENSOR_FN(rt_norm, (rt_tensor a, double p, const int64_t* dims, int64_t n, int32_t keepdim, rt_tensor* out),
             n < 0 ? at::norm(*a, p) : at::norm(*a, p, rt::dims(dims, n), keepdim != 0))
RT_TENSOR_FN(rt_all, (rt_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim, rt_tensor* out),
             has_dim ? at::all(*a, dim, keepdim != 0) : at::all(*a))
RT_TENSOR_FN(rt_any, (rt_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim, rt_tensor* out),
             has_dim ? at::any(*a, dim, keepdim != 0) : at::any(*a))
RT_TENSOR_FN(rt_cumsum, (rt_tensor a, int64_t dim, int32_t dtype, rt_tensor* out), at::cumsum(*a, dim, rt::opt_dtype(dtype)))
RT_TENSOR_FN(rt_softmax, (rt_tensor a, int64_t dim, int32_t dtype, rt_tensor* out), at::softmax(*a, dim, rt::opt_dtype(dtype)))
RT_TENSOR_FN(rt_log_softmax, (rt_tensor a, int64_t dim, int32_t dtype, rt_tensor* out), at::log_softmax(*a, dim, rt::opt_dtype(dtype)))
RT_API int rt_topk(rt_tensor a, int64_t k, int64_t dim, int32_t largest, int32_t sorted, rt_tensor* values, rt_tensor* indices) {
  RT_TRY(auto r = at::topk(*a, k, dim, largest != 0, sorted != 0); *values = rt::wrap(std::get<0>(r)); *indices = rt::wrap(std::get<1>(r)))
}
RT_API int rt_sort(rt_tensor a, int64_t dim, int32_t descending, int32_t stable, rt_tensor* values, rt_tensor* indices) {
  RT_TRY(auto r = at::sort(*a, c10::optional<bool>(stable != 0), dim, descending != 0); *values = rt::wrap(std::get<0>(r));
         *indices = rt::wrap(std::get<1>(r)))
}
RT_TENSOR_FN(rt_multinomial, (rt_tensor a, int64_t n, int32_t replacement, rt_tensor* out), at::multinomial(*a, n, replacement != 0))
RT_TENSOR_FN(rt_one_hot, (rt_tensor a, int64_t num_classes, rt_tensor* out), at::one_hot(*a, num_classes))

// ---- signal ------------------------------------------------------------------------------

/// Short-time Fourier transform (always complex output). `window` may be NULL; `center` pads by n_fft/2 with `pad_mode`
/// (0 reflect, 1 constant, 2 replicate, 3 circular).
RT_TENSOR_FN(rt_stft, (rt_tensor a, int64_t n_fft, int64_t hop, int64_t win_length, rt_tensor window, int32_t center,
                       int32_t pad_mode, int32_t normalized, int32_t onesided, rt_tensor* out),
             ([&] {
               static const char* modes[] = {"reflect", "constant", "replicate", "circular"};
               if (pad_mode < 0 || pad_mode > 3) throw std::invalid_argument("unknown pad mode " + std::to_string(pad_mode));
               return at::stft(*a, n_fft, hop > 0 ? c10::optional<int64_t>(hop) : c10::nullopt,
                               win_length > 0 ? c10::optional<int64_t>(win_length) : c10::nullopt,
                               window ? c10::optional<at::Tensor>(*window) : c10::nullopt, center != 0,
                               modes[pad_mode], normalized != 0, c10::optional<bool>(onesided != 0),
                               c10::optional<bool>(true));
             }()))
