// Autograd: gradients, backward passes and the thread-local grad mode.
#include "rt_common.h"

RT_API int rt_requires_grad(rt_tensor t, int32_t* out) { RT_TRY(*out = t->requires_grad()) }
RT_API int rt_set_requires_grad(rt_tensor t, int32_t value) { RT_TRY(t->requires_grad_(value != 0)) }
RT_API int rt_is_leaf(rt_tensor t, int32_t* out) { RT_TRY(*out = t->is_leaf()) }
RT_API int rt_retain_grad(rt_tensor t) { RT_TRY(t->retain_grad()) }

/// The gradient, or NULL when none has been accumulated.
RT_API int rt_grad(rt_tensor t, rt_tensor* out) {
  RT_TRY({
    const auto& g = t->grad();
    *out = g.defined() ? rt::wrap(g) : nullptr;
  })
}
RT_API int rt_set_grad(rt_tensor t, rt_tensor g) { RT_TRY(t->mutable_grad() = g ? *g : at::Tensor()) }

RT_TENSOR_FN(rt_detach, (rt_tensor t, rt_tensor* out), t->detach())
RT_API int rt_detach_(rt_tensor t) { RT_TRY(t->detach_()) }

RT_API int rt_backward(rt_tensor t, rt_tensor grad, int32_t retain_graph, int32_t create_graph) {
  RT_TRY(t->backward(grad ? *grad : at::Tensor(), c10::optional<bool>(retain_graph != 0), create_graph != 0))
}

/// Gradients of `outputs` with respect to `inputs`; an unused input gives NULL when allow_unused is set.
RT_API int rt_autograd_grad(const rt_tensor* outputs, int64_t n_out, const rt_tensor* inputs, int64_t n_in,
                            const rt_tensor* grad_outputs, int32_t retain_graph, int32_t create_graph,
                            int32_t allow_unused, rt_tensor* out) {
  RT_TRY({
    std::vector<at::Tensor> outs, ins, gouts;
    for (int64_t i = 0; i < n_out; ++i) {
      outs.push_back(*outputs[i]);
      gouts.push_back(grad_outputs && grad_outputs[i] ? *grad_outputs[i] : at::Tensor());
    }
    for (int64_t i = 0; i < n_in; ++i) ins.push_back(*inputs[i]);
    auto grads = torch::autograd::grad(outs, ins, gouts, c10::optional<bool>(retain_graph != 0), create_graph != 0,
                                       allow_unused != 0);
    for (int64_t i = 0; i < n_in; ++i) out[i] = grads[i].defined() ? rt::wrap(grads[i]) : nullptr;
  })
}

RT_API int rt_is_grad_enabled(int32_t* out) { RT_TRY(*out = at::GradMode::is_enabled()) }
RT_API int rt_set_grad_enabled(int32_t enabled) { RT_TRY(at::GradMode::set_enabled(enabled != 0)) }

/// Replaces the tensor's data (storage, shape, dtype, device) in place, keeping the handle and its autograd identity
/// (PyTorch's `param.data = new`); used to move module parameters between devices and dtypes.
RT_API int rt_set_data(rt_tensor t, rt_tensor src) { RT_TRY(t->set_data(*src)) }
