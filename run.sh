#!/usr/bin/env bash
# rnn-torch's entry point: installs what is missing (scripts/setup.sh), then builds and runs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

usage() {
  cat <<'EOF'
usage: ./run.sh COMMAND [ARGS...]     (as root, or with sudo when packages are missing)

  main [ARGS]    install what is missing, then run the rnn-torch command (src/Cli) with ARGS;
                 no ARGS runs the main job, 'rnn-torch compare'; e.g. './run.sh main train --help'
                 ('demo' is the same command)
  test           install what is missing, then build and run every test (rnn-torch.sln);
                 ends with a line 'N passed, N failed[, N skipped]'
  bench [ARGS]   install what is missing, then run the benchmarks (bench/RnnTorch.Bench) with ARGS;
                 '--quick' runs a short Stopwatch loop instead of BenchmarkDotNet,
                 '--filter "*"' runs every BenchmarkDotNet benchmark
  setup          only install what is missing
  help           print this help

Environment: LIBTORCH or Torch_DIR builds against another libtorch (for example a CUDA one);
RNNTORCH_SETUP_LOG is where apt's output goes (default /tmp/rnn-torch-setup.log).
EOF
}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

setup() {
  # shellcheck source=scripts/setup.sh
  source "$ROOT/scripts/setup.sh"
  rnntorch_setup
}

# Prints 'N passed, N failed[, N skipped]' from the .trx files under $1 (one per test project).
count_trx() {
  local dir="$1"
  if [[ -z "$(find "$dir" -name '*.trx' -type f 2>/dev/null)" ]]; then
    echo "0 passed, 0 failed"
    return
  fi
  # Each <UnitTestResult .../> carries outcome="Passed|Failed|NotExecuted|..."; attributes stay on one line.
  find "$dir" -name '*.trx' -type f -exec awk '
    {
      line = $0
      while (match(line, /<UnitTestResult [^>]*>/)) {
        tag = substr(line, RSTART, RLENGTH)
        line = substr(line, RSTART + RLENGTH)
        if (!match(tag, / outcome="[A-Za-z]*"/)) continue
        outcome = substr(tag, RSTART + 10, RLENGTH - 11)
        if (outcome == "Passed") p++
        else if (outcome == "NotExecuted" || outcome == "Inconclusive" || outcome == "Pending" || outcome == "NotRunnable") s++
        else f++
      }
    }
    END {
      out = sprintf("%d passed, %d failed", p, f)
      if (s > 0) out = out sprintf(", %d skipped", s)
      print out
    }' {} +
}

run_tests() {
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local rc=0
  dotnet test "$ROOT/rnn-torch.sln" -c Release --nologo \
    --logger "console;verbosity=normal" --logger trx --results-directory "$results" "$@" </dev/null || rc=$?
  local summary
  summary=$(count_trx "$results")
  if [[ $rc -ne 0 && -z "$(find "$results" -name '*.trx' -type f)" ]]; then
    echo "run.sh: dotnet test failed before any test ran (exit $rc; build error?)" >&2
  elif [[ $rc -eq 0 && "$summary" == "0 passed, 0 failed" ]]; then
    echo "run.sh: no test ran" >&2
    rc=1
  elif [[ $rc -eq 0 && "$summary" != *" 0 failed"* ]]; then
    rc=1
  fi
  echo "$summary"
  return $rc
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  main | demo)
    setup
    exec dotnet run --project "$ROOT/src/Cli" -c Release -- "$@"
    ;;
  test)
    setup
    run_tests "$@"
    ;;
  bench)
    setup
    exec dotnet run -c Release --project "$ROOT/bench/RnnTorch.Bench" -- "$@"
    ;;
  setup)
    setup
    ;;
  help | -h | --help)
    usage
    ;;
  "")
    usage >&2
    exit 2
    ;;
  *)
    echo "run.sh: unknown command '$cmd'" >&2
    usage >&2
    exit 2
    ;;
esac
