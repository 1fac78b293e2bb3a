#!/usr/bin/env python3
"""One training step of PyTorch's nn.RNN (forward, MSE loss, backward, SGD step) at the shapes of
`./run.sh bench --rnn`, for comparing rnn-torch with Debian's python3-torch on the same libtorch.
Run: /usr/bin/python3 bench/python/bench_rnn.py [--threads N] [--rounds R] [--seconds S]
"""
import argparse
import os
import time

if "OPENBLAS_CORETYPE" not in os.environ:
    os.environ["OPENBLAS_CORETYPE"] = "Haswell"  # rnn-torch's choice on AVX2+FMA CPUs; set yours to override

import torch  # noqa: E402

SHAPES = [(32, 50, 16, 64), (64, 100, 128, 256), (64, 100, 512, 1024), (1, 200, 32, 128)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, OPENBLAS_CORETYPE={os.environ['OPENBLAS_CORETYPE']}")
    print("| (batch, time, input, hidden) | nn.RNN (Python), ms per step |")
    print("|---|---:|")
    for batch, steps, inputs, hidden in SHAPES:
        torch.manual_seed(1)
        rnn = torch.nn.RNN(inputs, hidden, batch_first=True)
        opt = torch.optim.SGD(rnn.parameters(), lr=0.01)
        x = torch.randn(batch, steps, inputs)
        y = torch.randn(batch, steps, hidden)

        def step():
            opt.zero_grad()
            out, _ = rnn(x)
            loss = torch.nn.functional.mse_loss(out, y)
            loss.backward()
            opt.step()

        step()
        t = time.perf_counter()
        step()
        iters = max(1, int(args.seconds / args.rounds / max(time.perf_counter() - t, 1e-6)))
        best = float("inf")
        for _ in range(args.rounds):
            t = time.perf_counter()
            for _ in range(iters):
                step()
            best = min(best, (time.perf_counter() - t) / iters * 1000)
        print(f"| ({batch}, {steps}, {inputs}, {hidden}) | {best:.2f} |")


if __name__ == "__main__":
    main()
