// Custom autograd functions whose backward is written in managed code (torch.autograd.Function in C#).
//
// The managed side computes the outputs itself (without recording a graph) and calls rt_function_apply, which makes a
// graph node over the inputs and attaches the outputs to it. When autograd reaches the node, its apply calls the
// managed `backward` callback with the output gradients (undefined ones materialised as zeros) and returns the input
// gradients the callback hands back. When the node is freed, `release` tells the managed side to drop its state.
#include "rt_common.h"

#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/functions/utils.h>

extern "C" const char* rt_last_error();

extern "C" {
/// Managed backward: fills grad_inputs[0..n_in) with new handles (NULL: no gradient) and returns 0, or returns -1 after
/// reporting the problem with rt_set_error.
typedef int (*rt_backward_callback)(int64_t id, const rt_tensor* grad_outputs, int64_t n_out, rt_tensor* grad_inputs,
                                    int64_t n_in);
/// Managed release: the node holding `id` is gone.
typedef void (*rt_release_callback)(int64_t id);
}

namespace {
struct ManagedNode : public torch::autograd::Node {
  ManagedNode(int64_t id, rt_backward_callback backward, rt_release_callback release)
      : id_(id), backward_(backward), release_(release) {}

  ~ManagedNode() override { release_variables(); }

  /// Called by the engine after a backward pass that does not keep the graph: the managed state goes at once.
  void release_variables() override {
    if (auto release = release_) {
      release_ = nullptr;
      release(id_);
    }
  }

  std::string name() const override { return "ManagedFunctionBackward"; }

  torch::autograd::variable_list apply(torch::autograd::variable_list&& grads) override {
    std::vector<rt_tensor> gout(grads.size());
    for (size_t i = 0; i < grads.size(); ++i) {
      gout[i] = rt::wrap(grads[i].defined() ? grads[i] : input_metadata(i).zeros_like());
    }
    const auto n_in = num_outputs();
    std::vector<rt_tensor> gin(n_in, nullptr);
    int rc = backward_(id_, gout.data(), static_cast<int64_t>(gout.size()), gin.data(), static_cast<int64_t>(n_in));
    for (auto h : gout) delete h;
    torch::autograd::variable_list result;
    result.reserve(n_in);
    for (auto h : gin) {
      result.push_back(h ? *h : at::Tensor());
      delete h;
    }
    if (rc != 0) {
      const char* message = rt_last_error();
      throw std::runtime_error(std::string("custom autograd Function backward failed: ") +
                               (message ? message : "unknown error"));
    }
    return result;
  }

 private:
  int64_t id_;
  rt_backward_callback backward_;
  rt_release_callback release_;
};
}  // namespace

/// Reports an error from managed code (used by managed callbacks before they return -1).
RT_API void rt_set_error(const char* message) { rt::set_error(message); }

/// Attaches `outputs` (computed without a graph) to a new node over `inputs` and writes new handles for them to `out`.
/// Without any input that requires grad (or with grad mode off) no node is made and `release` runs at once. The state
/// `id` is always released exactly once, also when this call fails.
RT_API int rt_function_apply(const rt_tensor* inputs, int64_t n_in, const rt_tensor* outputs, int64_t n_out, int64_t id,
                             rt_backward_callback backward, rt_release_callback release, rt_tensor* out) {
  RT_TRY({
    // Owns the release from here on: whatever happens, the node's destructor releases the state.
    auto node = std::shared_ptr<ManagedNode>(new ManagedNode(id, backward, release), torch::autograd::deleteNode);
    bool needs_graph = false;
    torch::autograd::edge_list edges;
    for (int64_t i = 0; i < n_in; ++i) {
      const auto& x = *inputs[i];
      if (x.defined() && x.requires_grad()) {
        needs_graph = true;
        edges.push_back(torch::autograd::impl::gradient_edge(x));
      } else {
        edges.emplace_back();
      }
    }
    needs_graph = needs_graph && at::GradMode::is_enabled();
    for (int64_t i = 0; i < n_out; ++i) {
      at::Tensor o = outputs[i]->detach();
      if (needs_graph) {
        if (torch::autograd::isDifferentiableType(o.scalar_type())) {
          torch::autograd::set_history(o, node);
        } else {
          node->add_input_metadata(torch::autograd::Node::undefined_input());
        }
      }
      out[i] = rt::wrap(std::move(o));
    }
    if (needs_graph) node->set_next_edges(std::move(edges));
  })
}
