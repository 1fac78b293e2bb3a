// Recurrent layers on libtorch's fused kernels (at::rnn_tanh, at::rnn_relu, at::lstm, at::gru), their cells,
// and packed-sequence helpers.
#include "rt_common.h"

namespace {
std::vector<at::Tensor> unwrap(const rt_tensor* ts, int64_t n) {
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v.push_back(*ts[i]);
  return v;
}

c10::optional<at::Tensor> opt(rt_tensor t) {
  if (!t) return c10::nullopt;
  return *t;
}
}  // namespace

/// A whole recurrent layer stack. mode: 0 RNN tanh, 1 RNN relu, 2 LSTM, 3 GRU. `params` holds, per layer and direction,
/// w_ih, w_hh[, b_ih, b_hh]. With `batch_sizes` (a PackedSequence), `input` is the packed data and batch_first is ignored.
/// `cx` is the LSTM cell state (NULL otherwise); `c_n` receives the LSTM's final cell state (NULL for other modes).
RT_API int rt_rnn(int32_t mode, rt_tensor input, rt_tensor batch_sizes, rt_tensor hx, rt_tensor cx, const rt_tensor* params,
                  int64_t n_params, int32_t has_biases, int64_t num_layers, double dropout, int32_t train,
                  int32_t bidirectional, int32_t batch_first, rt_tensor* output, rt_tensor* h_n, rt_tensor* c_n) {
  RT_TRY({
    auto ps = unwrap(params, n_params);
    bool hb = has_biases != 0, tr = train != 0, bi = bidirectional != 0, bf = batch_first != 0;
    *c_n = nullptr;
    if (mode == 2) {
      if (!cx) throw std::invalid_argument("LSTM needs a cell state");
      std::vector<at::Tensor> hxs{*hx, *cx};
      auto r = batch_sizes ? at::lstm(*input, *batch_sizes, hxs, ps, hb, num_layers, dropout, tr, bi)
                           : at::lstm(*input, hxs, ps, hb, num_layers, dropout, tr, bi, bf);
      *output = rt::wrap(std::get<0>(r));
      *h_n = rt::wrap(std::get<1>(r));
      *c_n = rt::wrap(std::get<2>(r));
      return 0;
    }
    std::tuple<at::Tensor, at::Tensor> r;
    switch (mode) {
      case 0:
        r = batch_sizes ? at::rnn_tanh(*input, *batch_sizes, *hx, ps, hb, num_layers, dropout, tr, bi)
                        : at::rnn_tanh(*input, *hx, ps, hb, num_layers, dropout, tr, bi, bf);
        break;
      case 1:
        r = batch_sizes ? at::rnn_relu(*input, *batch_sizes, *hx, ps, hb, num_layers, dropout, tr, bi)
                        : at::rnn_relu(*input, *hx, ps, hb, num_layers, dropout, tr, bi, bf);
        break;
      case 3:
        r = batch_sizes ? at::gru(*input, *batch_sizes, *hx, ps, hb, num_layers, dropout, tr, bi)
                        : at::gru(*input, *hx, ps, hb, num_layers, dropout, tr, bi, bf);
        break;
      default: throw std::invalid_argument("unknown recurrent mode " + std::to_string(mode));
    }
    *output = rt::wrap(std::get<0>(r));
    *h_n = rt::wrap(std::get<1>(r));
  })
}

/// One time step. mode as rt_rnn; `cx` / `c_out` only for the LSTM (c_out is NULL otherwise); biases may be NULL.
RT_API int rt_rnn_cell(int32_t mode, rt_tensor input, rt_tensor hx, rt_tensor cx, rt_tensor w_ih, rt_tensor w_hh,
                       rt_tensor b_ih, rt_tensor b_hh, rt_tensor* h_out, rt_tensor* c_out) {
  RT_TRY({
    *c_out = nullptr;
    switch (mode) {
      case 0: *h_out = rt::wrap(at::rnn_tanh_cell(*input, *hx, *w_ih, *w_hh, opt(b_ih), opt(b_hh))); break;
      case 1: *h_out = rt::wrap(at::rnn_relu_cell(*input, *hx, *w_ih, *w_hh, opt(b_ih), opt(b_hh))); break;
      case 2: {
        if (!cx) throw std::invalid_argument("LSTMCell needs a cell state");
        std::vector<at::Tensor> hxs{*hx, *cx};
        auto r = at::lstm_cell(*input, hxs, *w_ih, *w_hh, opt(b_ih), opt(b_hh));
        *h_out = rt::wrap(std::get<0>(r));
        *c_out = rt::wrap(std::get<1>(r));
        break;
      }
      case 3: *h_out = rt::wrap(at::gru_cell(*input, *hx, *w_ih, *w_hh, opt(b_ih), opt(b_hh))); break;
      default: throw std::invalid_argument("unknown recurrent mode " + std::to_string(mode));
    }
  })
}

/// Packs a padded batch (lengths: int64 on the CPU, sorted decreasingly) into data and batch sizes.
RT_API int rt_pack_padded_sequence(rt_tensor input, rt_tensor lengths, int32_t batch_first, rt_tensor* data,
                                   rt_tensor* batch_sizes) {
  RT_TRY({
    auto r = at::_pack_padded_sequence(*input, *lengths, batch_first != 0);
    *data = rt::wrap(std::get<0>(r));
    *batch_sizes = rt::wrap(std::get<1>(r));
  })
}

/// Unpacks packed data back into a padded batch and the (sorted-order) lengths.
RT_API int rt_pad_packed_sequence(rt_tensor data, rt_tensor batch_sizes, int32_t batch_first, double padding_value,
                                  int64_t total_length, rt_tensor* padded, rt_tensor* lengths) {
  RT_TRY({
    auto r = at::_pad_packed_sequence(*data, *batch_sizes, batch_first != 0, padding_value, total_length);
    *padded = rt::wrap(std::get<0>(r));
    *lengths = rt::wrap(std::get<1>(r));
  })
}

RT_TENSOR_FN(rt_pad_sequence, (const rt_tensor* seqs, int64_t n, int32_t batch_first, double padding_value, rt_tensor* out),
             at::pad_sequence(unwrap(seqs, n), batch_first != 0, padding_value))
