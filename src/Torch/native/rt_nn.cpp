// torch.nn.functional losses and layers, and torch.nn.init, over libtorch's own kernels.
#include "rt_common.h"

namespace {
c10::optional<at::Tensor> opt(rt_tensor t) {
  if (!t) return c10::nullopt;
  return *t;
}

/// Reduction codes, mirrored by RnnTorch.Reduction: 0 none, 1 mean, 2 sum.
int64_t reduction(int32_t r) {
  switch (r) {
    case 0: return at::Reduction::None;
    case 1: return at::Reduction::Mean;
    case 2: return at::Reduction::Sum;
    default: throw std::invalid_argument("unknown reduction " + std::to_string(r));
  }
}

torch::nn::init::FanModeType fan_mode(int32_t m) {
  if (m == 0) return torch::kFanIn;
  if (m == 1) return torch::kFanOut;
  throw std::invalid_argument("unknown fan mode " + std::to_string(m));
}

torch::nn::init::NonlinearityType nonlinearity(int32_t n) {
  switch (n) {
    case 0: return torch::kLeakyReLU;
    case 1: return torch::kReLU;
    case 2: return torch::kTanh;
    case 3: return torch::kSigmoid;
    case 4: return torch::kLinear;
    default: throw std::invalid_argument("unknown nonlinearity " + std::to_string(n));
  }
}
}  // namespace

// ---- layers -------------------------------------------------------------------------------

RT_TENSOR_FN(rt_linear, (rt_tensor x, rt_tensor w, rt_tensor b, rt_tensor* out), at::linear(*x, *w, opt(b)))
RT_TENSOR_FN(rt_embedding, (rt_tensor w, rt_tensor idx, int64_t padding_idx, rt_tensor* out), at::embedding(*w, *idx, padding_idx))
RT_TENSOR_FN(rt_dropout, (rt_tensor x, double p, int32_t train, rt_tensor* out), at::dropout(*x, p, train != 0))
RT_TENSOR_FN(rt_layer_norm, (rt_tensor x, const int64_t* shape, int64_t n, rt_tensor w, rt_tensor b, double eps, rt_tensor* out),
             at::layer_norm(*x, rt::dims(shape, n), opt(w), opt(b), eps))

// ---- losses --------------------------------------------------------------------------------

RT_TENSOR_FN(rt_cross_entropy, (rt_tensor x, rt_tensor target, rt_tensor weight, int32_t red, int64_t ignore_index,
                                 double label_smoothing, rt_tensor* out),
             at::cross_entropy_loss(*x, *target, opt(weight), reduction(red), ignore_index, label_smoothing))
RT_TENSOR_FN(rt_nll_loss, (rt_tensor x, rt_tensor target, rt_tensor weight, int32_t red, int64_t ignore_index, rt_tensor* out),
             at::nll_loss_nd(*x, *target, opt(weight), reduction(red), ignore_index))
RT_TENSOR_FN(rt_mse_loss, (rt_tensor x, rt_tensor target, int32_t red, rt_tensor* out), at::mse_loss(*x, *target, reduction(red)))
RT_TENSOR_FN(rt_l1_loss, (rt_tensor x, rt_tensor target, int32_t red, rt_tensor* out), at::l1_loss(*x, *target, reduction(red)))
RT_TENSOR_FN(rt_huber_loss, (rt_tensor x, rt_tensor target, int32_t red, double delta, rt_tensor* out),
             at::huber_loss(*x, *target, reduction(red), delta))
RT_TENSOR_FN(rt_bce_with_logits, (rt_tensor x, rt_tensor target, rt_tensor weight, rt_tensor pos_weight, int32_t red, rt_tensor* out),
             at::binary_cross_entropy_with_logits(*x, *target, opt(weight), opt(pos_weight), reduction(red)))

// ---- init (in place, without recording gradients) ---------------------------------------------

RT_API int rt_init_xavier_uniform_(rt_tensor t, double gain) { RT_TRY(torch::nn::init::xavier_uniform_(*t, gain)) }
RT_API int rt_init_xavier_normal_(rt_tensor t, double gain) { RT_TRY(torch::nn::init::xavier_normal_(*t, gain)) }
RT_API int rt_init_kaiming_uniform_(rt_tensor t, double a, int32_t mode, int32_t nonlin) {
  RT_TRY(torch::nn::init::kaiming_uniform_(*t, a, fan_mode(mode), nonlinearity(nonlin)))
}
RT_API int rt_init_kaiming_normal_(rt_tensor t, double a, int32_t mode, int32_t nonlin) {
  RT_TRY(torch::nn::init::kaiming_normal_(*t, a, fan_mode(mode), nonlinearity(nonlin)))
}
RT_API int rt_init_orthogonal_(rt_tensor t, double gain) { RT_TRY(torch::nn::init::orthogonal_(*t, gain)) }
RT_API int rt_init_calculate_gain(int32_t nonlin, double param, double* out) {
  RT_TRY(*out = torch::nn::init::calculate_gain(nonlinearity(nonlin), param))
}
