// Shape, view, joining and indexing operations.
#include "rt_common.h"

namespace {
std::vector<at::Tensor> unwrap(const rt_tensor* ts, int64_t n) {
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v.push_back(*ts[i]);
  return v;
}

/// Hands a list of tensors out as a new[]-allocated array of handles (free with rt_free_handles).
void emit(std::vector<at::Tensor> ts, rt_tensor** out, int64_t* count) {
  auto arr = new rt_tensor[ts.size()];
  for (size_t i = 0; i < ts.size(); ++i) arr[i] = rt::wrap(std::move(ts[i]));
  *out = arr;
  *count = static_cast<int64_t>(ts.size());
}

constexpr int64_t kNone = INT64_MIN;

/// Index kinds: 0 integer, 1 slice (start, stop, step; INT64_MIN = absent), 2 ellipsis, 3 None, 4 bool, 5 tensor.
std::vector<at::indexing::TensorIndex> build_index(const int32_t* kinds, const int64_t* ints,
                                                   const rt_tensor* tensors, int64_t n) {
  using namespace at::indexing;
  std::vector<TensorIndex> idx;
  idx.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    const int64_t* v = ints + 3 * i;
    switch (kinds[i]) {
      case 0: idx.emplace_back(v[0]); break;
      case 1: {
        c10::optional<int64_t> start, stop, step;
        if (v[0] != kNone) start = v[0];
        if (v[1] != kNone) stop = v[1];
        if (v[2] != kNone) step = v[2];
        idx.emplace_back(Slice(start, stop, step));
        break;
      }
      case 2: idx.emplace_back(Ellipsis); break;
      case 3: idx.emplace_back(None); break;
      case 4: idx.emplace_back(v[0] != 0); break;
      case 5: idx.emplace_back(*tensors[i]); break;
      default: throw std::invalid_argument("unknown index kind " + std::to_string(kinds[i]));
    }
  }
  return idx;
}
}  // namespace

RT_API void rt_free_handles(rt_tensor* arr) { delete[] arr; }

RT_TENSOR_FN(rt_view, (rt_tensor t, const int64_t* shape, int64_t n, rt_tensor* out), t->view(rt::dims(shape, n)))
RT_TENSOR_FN(rt_reshape, (rt_tensor t, const int64_t* shape, int64_t n, rt_tensor* out), t->reshape(rt::dims(shape, n)))
RT_TENSOR_FN(rt_flatten, (rt_tensor t, int64_t start, int64_t end, rt_tensor* out), t->flatten(start, end))
RT_TENSOR_FN(rt_squeeze, (rt_tensor t, rt_tensor* out), t->squeeze())
RT_TENSOR_FN(rt_squeeze_dim, (rt_tensor t, int64_t dim, rt_tensor* out), t->squeeze(dim))
RT_TENSOR_FN(rt_unsqueeze, (rt_tensor t, int64_t dim, rt_tensor* out), t->unsqueeze(dim))
RT_TENSOR_FN(rt_transpose, (rt_tensor t, int64_t d0, int64_t d1, rt_tensor* out), t->transpose(d0, d1))
RT_TENSOR_FN(rt_permute, (rt_tensor t, const int64_t* dims, int64_t n, rt_tensor* out), t->permute(rt::dims(dims, n)))
RT_TENSOR_FN(rt_t, (rt_tensor t, rt_tensor* out), t->t())
RT_TENSOR_FN(rt_expand, (rt_tensor t, const int64_t* shape, int64_t n, rt_tensor* out), t->expand(rt::dims(shape, n)))
RT_TENSOR_FN(rt_contiguous, (rt_tensor t, rt_tensor* out), t->contiguous())
RT_TENSOR_FN(rt_narrow, (rt_tensor t, int64_t dim, int64_t start, int64_t length, rt_tensor* out), t->narrow(dim, start, length))
RT_TENSOR_FN(rt_select, (rt_tensor t, int64_t dim, int64_t index, rt_tensor* out), t->select(dim, index))
RT_TENSOR_FN(rt_index_select, (rt_tensor t, int64_t dim, rt_tensor index, rt_tensor* out), t->index_select(dim, *index))
RT_TENSOR_FN(rt_gather, (rt_tensor t, int64_t dim, rt_tensor index, rt_tensor* out), t->gather(dim, *index))
RT_TENSOR_FN(rt_scatter, (rt_tensor t, int64_t dim, rt_tensor index, rt_tensor src, rt_tensor* out), t->scatter(dim, *index, *src))
RT_TENSOR_FN(rt_scatter_add, (rt_tensor t, int64_t dim, rt_tensor index, rt_tensor src, rt_tensor* out), t->scatter_add(dim, *index, *src))
RT_TENSOR_FN(rt_cat, (const rt_tensor* ts, int64_t n, int64_t dim, rt_tensor* out), at::cat(unwrap(ts, n), dim))
RT_TENSOR_FN(rt_stack, (const rt_tensor* ts, int64_t n, int64_t dim, rt_tensor* out), at::stack(unwrap(ts, n), dim))
RT_TENSOR_FN(rt_flip, (rt_tensor t, const int64_t* dims, int64_t n, rt_tensor* out), t->flip(rt::dims(dims, n)))
RT_TENSOR_FN(rt_repeat, (rt_tensor t, const int64_t* reps, int64_t n, rt_tensor* out), t->repeat(rt::dims(reps, n)))
RT_TENSOR_FN(rt_masked_fill, (rt_tensor t, rt_tensor mask, rt_scalar value, rt_tensor* out), t->masked_fill(*mask, rt::to_scalar(value)))
RT_TENSOR_FN(rt_where, (rt_tensor cond, rt_tensor x, rt_tensor y, rt_tensor* out), at::where(*cond, *x, *y))
RT_TENSOR_FN(rt_constant_pad, (rt_tensor t, const int64_t* pad, int64_t n, rt_scalar value, rt_tensor* out),
             at::constant_pad_nd(*t, rt::dims(pad, n), rt::to_scalar(value)))

RT_API int rt_split(rt_tensor t, int64_t size, int64_t dim, rt_tensor** out, int64_t* count) {
  RT_TRY(emit(t->split(size, dim), out, count))
}
RT_API int rt_split_sizes(rt_tensor t, const int64_t* sizes, int64_t n, int64_t dim, rt_tensor** out, int64_t* count) {
  RT_TRY(emit(t->split_with_sizes(rt::dims(sizes, n), dim), out, count))
}
RT_API int rt_chunk(rt_tensor t, int64_t chunks, int64_t dim, rt_tensor** out, int64_t* count) {
  RT_TRY(emit(t->chunk(chunks, dim), out, count))
}
RT_API int rt_unbind(rt_tensor t, int64_t dim, rt_tensor** out, int64_t* count) {
  RT_TRY(emit(t->unbind(dim), out, count))
}

RT_API int rt_index(rt_tensor t, const int32_t* kinds, const int64_t* ints, const rt_tensor* tensors, int64_t n,
                    rt_tensor* out) {
  RT_TRY(*out = rt::wrap(t->index(build_index(kinds, ints, tensors, n))))
}
RT_API int rt_index_put_tensor(rt_tensor t, const int32_t* kinds, const int64_t* ints, const rt_tensor* tensors,
                               int64_t n, rt_tensor value) {
  RT_TRY(t->index_put_(build_index(kinds, ints, tensors, n), *value))
}
RT_API int rt_index_put_scalar(rt_tensor t, const int32_t* kinds, const int64_t* ints, const rt_tensor* tensors,
                               int64_t n, rt_scalar value) {
  RT_TRY(t->index_put_(build_index(kinds, ints, tensors, n), rt::to_scalar(value)))
}
