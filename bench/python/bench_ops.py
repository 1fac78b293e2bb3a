#!/usr/bin/python3
"""The two measurements of `./run.sh bench --quick`, with Debian's python3-torch.

    /usr/bin/python3 bench/python/bench_ops.py [--threads N] [--rounds R] [--seconds S] [--match-coretype]

Prints the same lines as the C# quick mode (bench/RnnTorch.Bench/QuickBench.cs), so that both run
on the same libtorch 1.13 and OpenBLAS:
  TinyAdd:   ns per `a + b` on two 1-element float32 tensors, freeing of the result included;
  Matmul512: GFLOP/s of a 512x512 float32 matmul (2 * 512^3 flops per call).
Each figure is the best of R rounds, each round about S / R seconds long.

--match-coretype sets OPENBLAS_CORETYPE the way rnn-torch does (SkylakeX where the CPU has
AVX-512 F/CD/BW/DQ/VL, Haswell where it has AVX2 and FMA) unless it is set already; it must happen before
OpenBLAS loads, so before `import torch`.
"""

import argparse
import ctypes
import ctypes.util
import os
import sys
import time

MATMUL_N = 512


def cpu_flags():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def rnntorch_coretype():
    flags = cpu_flags()
    if {"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"} <= flags:
        return "SkylakeX"
    if "avx2" in flags and "fma" in flags:
        return "Haswell"
    return None


def blas_corename():
    """OpenBLAS's kernel set, from the libblas.so.3 that libtorch uses (None if not OpenBLAS)."""
    for name in ("libblas.so.3", ctypes.util.find_library("blas")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        try:
            fn = lib.openblas_get_corename
        except AttributeError:
            return "not OpenBLAS (%s)" % name
        fn.restype = ctypes.c_char_p
        config = ""
        try:
            cfg = lib.openblas_get_config
            cfg.restype = ctypes.c_char_p
            config = cfg().decode()
        except AttributeError:
            pass
        core = fn().decode()
        return "OpenBLAS %s (%s)" % (core, config) if config else "OpenBLAS " + core
    return "unknown"


def best_ns_per_op(op, rounds, seconds):
    """Calibrates a loop length so that one round lasts seconds / rounds; returns the best ns/op."""
    for _ in range(3):  # warm-up
        op()
    n = 1
    while True:
        t0 = time.perf_counter_ns()
        for _ in range(n):
            op()
        dt = time.perf_counter_ns() - t0
        if dt >= 20_000_000 or n >= 1 << 24:
            break
        n *= 2
    per_round_ns = seconds * 1e9 / rounds
    iters = max(1, int(n * per_round_ns / max(dt, 1)))
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter_ns()
        for _ in range(iters):
            op()
        best = min(best, (time.perf_counter_ns() - t0) / iters)
    return best, iters


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=0, help="torch.set_num_threads(N) first (0: leave as is)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=2.0, help="time per benchmark, all rounds together")
    ap.add_argument("--match-coretype", action="store_true", help="set OPENBLAS_CORETYPE as rnn-torch does")
    args = ap.parse_args()

    if args.match_coretype and not os.environ.get("OPENBLAS_CORETYPE"):
        core = rnntorch_coretype()
        if core:
            os.environ["OPENBLAS_CORETYPE"] = core

    import torch  # after OPENBLAS_CORETYPE, which OpenBLAS reads when it loads

    if args.threads > 0:
        torch.set_num_threads(args.threads)

    print("impl:      Python %s, torch %s" % (sys.version.split()[0], torch.__version__))
    print("threads:   %d" % torch.get_num_threads())
    print("blas:      %s" % blas_corename())
    print("coretype:  OPENBLAS_CORETYPE=%s" % os.environ.get("OPENBLAS_CORETYPE", "(unset)"))

    a = torch.randn(1, dtype=torch.float32)
    b = torch.randn(1, dtype=torch.float32)

    def tiny_add():
        c = a + b
        del c  # the result is freed here, as `using var c` does in C#

    ns, iters = best_ns_per_op(tiny_add, args.rounds, args.seconds)
    print("TinyAdd:   %.1f ns/op (best of %d rounds x %d)" % (ns, args.rounds, iters))

    x = torch.randn(MATMUL_N, MATMUL_N, dtype=torch.float32)
    y = torch.randn(MATMUL_N, MATMUL_N, dtype=torch.float32)

    def matmul():
        c = torch.matmul(x, y)
        del c

    ns, iters = best_ns_per_op(matmul, args.rounds, args.seconds)
    gflops = 2.0 * MATMUL_N ** 3 / ns
    print("Matmul512: %.1f GFLOP/s (%.3f ms/op, best of %d rounds x %d)" % (gflops, ns / 1e6, args.rounds, iters))


if __name__ == "__main__":
    main()
