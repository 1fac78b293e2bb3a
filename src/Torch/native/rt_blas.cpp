// Which BLAS libtorch is running on, and which OpenBLAS kernels it chose.
#include "rt_common.h"

#include <dlfcn.h>
#include <climits>
#include <cstdlib>

namespace {
void* blas_handle() {
  // libtorch links libblas.so.3 (Debian's alternatives pick OpenBLAS or the reference BLAS); it is already loaded.
  for (const char* name : {"libblas.so.3", "libopenblas.so.0", "libopenblas.so"}) {
    if (void* h = dlopen(name, RTLD_LAZY | RTLD_NOLOAD)) return h;
  }
  return nullptr;
}
}  // namespace

/// BLAS facts: `library` the path of the loaded BLAS, `corename` OpenBLAS's kernel family (empty if not OpenBLAS),
/// `config` OpenBLAS's build configuration, `threads` its thread count (-1 if unknown). Strings are thread-local.
RT_API int rt_blas_info(const char** library, const char** corename, const char** config, int32_t* threads) {
  thread_local std::string lib, core, conf;
  RT_TRY({
    lib.clear(); core.clear(); conf.clear();
    *threads = -1;
    if (void* h = blas_handle()) {
      if (void* sym = dlsym(h, "sgemm_")) {
        Dl_info info{};
        if (dladdr(sym, &info) && info.dli_fname) {
          // Resolve the alternatives' symlinks so the path names the real library (e.g. openblas-openmp/libblas.so.3).
          char* real = realpath(info.dli_fname, nullptr);
          lib = real ? real : info.dli_fname;
          free(real);
        }
      }
      using str_fn = char* (*)();
      using int_fn = int (*)();
      if (auto f = reinterpret_cast<str_fn>(dlsym(h, "openblas_get_corename"))) core = f();
      if (auto f = reinterpret_cast<str_fn>(dlsym(h, "openblas_get_config"))) conf = f();
      if (auto f = reinterpret_cast<int_fn>(dlsym(h, "openblas_get_num_threads"))) *threads = f();
    }
    *library = lib.c_str();
    *corename = core.c_str();
    *config = conf.c_str();
  })
}
