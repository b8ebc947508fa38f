#!/usr/bin/env bash
# Sextant's indicator kernels against TA-Lib's C library, on the same synthetic series, on one core.
#
#   scripts/bench-indicators.sh [--bars N] [--runs N] [--rounds N] [--quick] [--core N]
#
#   --bars N    bars in the series (default 1,000,000; underscores and commas are ignored)
#   --runs N    timed runs per indicator and round, after one warm-up run (default 21)
#   --rounds N  Sextant and TA-Lib are timed alternately N times; each number is the best over all
#               runs of all rounds, so a burst of load from another process would have to hit every
#               run of one side to skew the ratio (default 3)
#   --quick     100,000 bars, 3 runs, 1 round: a smoke run for CI, not a measurement
#   --core N    the CPU both sides are pinned to with taskset (default: the last one)
#
# Steps: builds Benchmarks/Benchmarks/IndicatorTiming in release mode, which generates the series (a
# seeded random walk, see SyntheticBars.swift), writes it to .build-bench/ as little-endian doubles and
# times Sextant's batch kernels (ns/bar) and streams (ns/update); makes a venv in .build-bench/venv with
# the PyPI `ta-lib` wheel (which bundles the TA-Lib C library) and numpy; reads the same series and times
# TA-Lib's C functions through ctypes on preallocated outputs (what the issue's anchors measure) and the
# Python wrappers (which also allocate their outputs). Prints a table; goals: Sextant/TA-Lib C ≤ 1.0 per
# kernel, ≤ 20 ns per stream update. Writes .build-bench/bench-indicators.json. Everything it makes
# stays under .build-bench/ (gitignored); nothing else in the repo is left changed.
#
# Environment: TALIB_SPEC (default ta-lib==0.8.2, the version of shared/reference), PYTHON (default
# python3), BENCH_SCRATCH (the SwiftPM scratch path, default .build-bench/swift, as in bench-graph.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

bars=1000000
runs=21
rounds=3
quick=0
bars_given=0
runs_given=0
rounds_given=0
core=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bars) bars="${2:?--bars needs a value}"; bars_given=1; shift 2 ;;
    --runs) runs="${2:?--runs needs a value}"; runs_given=1; shift 2 ;;
    --rounds) rounds="${2:?--rounds needs a value}"; rounds_given=1; shift 2 ;;
    --quick) quick=1; shift ;;
    --core) core="${2:?--core needs a value}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ "$quick" = 1 ]; then
  [ "$bars_given" = 1 ] || bars=100000
  [ "$runs_given" = 1 ] || runs=3
  [ "$rounds_given" = 1 ] || rounds=1
fi
bars="${bars//[_,]/}"
for value in "$bars" "$runs" "$rounds"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "error: --bars, --runs and --rounds take positive integers" >&2; exit 2; }
done

require_swift
ensure_packages util-linux  # taskset
python="${PYTHON:-python3}"
# The venv module and ensurepip ship with CPython but are split out of Debian's python3.
if ! command -v "$python" >/dev/null 2>&1 || ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  ensure_packages python3 python3-venv
  python=/usr/bin/python3
fi
[ -n "$core" ] || core=$(($(nproc) - 1))
pin=(taskset -c "$core")

work=.build-bench
mkdir -p "$work"
series="$work/series-$bars.f64"
# SwiftPM writes Package.resolved beside the manifest whatever the scratch path; remove it again if this
# run made it (it is gitignored, but the promise is to leave nothing behind), and always drop the series,
# which is 40 bytes a bar.
resolved=Benchmarks/Package.resolved
made_resolved=1
[ -e "$resolved" ] && made_resolved=0
cleanup() {
  rm -f "$series"
  if [ "$made_resolved" = 1 ]; then rm -f "$resolved"; fi
}
trap cleanup EXIT

step "building IndicatorTiming (release)"
bench_scratch="${BENCH_SCRATCH:-$work/swift}"
swift build -c release --package-path Benchmarks --scratch-path "$bench_scratch" --product IndicatorTiming \
  >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
timing="$bench_scratch/release/IndicatorTiming"

venv="$work/venv"
talib_spec="${TALIB_SPEC:-ta-lib==0.8.2}"
if [ ! -x "$venv/bin/python" ]; then
  step "creating $venv"
  "$python" -m venv "$venv"
fi
# A stamp of the spec installed, so a rerun skips pip (and a changed TALIB_SPEC reinstalls).
stamp="$venv/.talib-spec"
if [ "$(cat "$stamp" 2>/dev/null)" != "$talib_spec" ] || ! "$venv/bin/python" -c 'import talib, numpy' 2>/dev/null; then
  step "pip install $talib_spec numpy"
  "$venv/bin/python" -m pip install -q "$talib_spec" numpy
  echo "$talib_spec" >"$stamp"
fi

# The TA-Lib side: `time` times one round, `report` merges the rounds of both sides and prints the table.
cat >"$work/talib_bench.py" <<'PY'
"""TA-Lib timing and the comparison report for scripts/bench-indicators.sh."""
import ctypes
import gc
import glob
import json
import os
import sys
import time

import numpy as np
import talib

# name, TA-Lib lookback, C parameter types between inReal/inHigh… and outBegIdx, number of outputs.
D = ctypes.POINTER(ctypes.c_double)
I = ctypes.c_int
F = ctypes.c_double
INDICATORS = [
    ("SMA", 19, [D, I], 1),
    ("EMA", 19, [D, I], 1),
    ("RSI", 14, [D, I], 1),
    ("ATR", 14, [D, D, D, I], 1),
    ("MACD", 33, [D, I, I, I], 3),
    ("BBANDS", 19, [D, I, F, F, I], 3),
    ("ADX", 27, [D, D, D, I], 1),
    ("STOCH", 8, [D, D, D, I, I, I, I, I], 2),
    ("LINEARREG", 13, [D, I], 1),
    ("LINEARREG_SLOPE", 13, [D, I], 1),
    ("TSF", 13, [D, I], 1),
    ("CCI", 13, [D, D, D, I], 1),
    ("HT_TRENDLINE", 63, [D], 1),
]


def load_c_library():
    """The TA-Lib C library inside the wheel: ta-lib 0.6+ ships it as ta_lib.libs/libta-lib-*.so."""
    here = os.path.dirname(talib.__file__)
    candidates = sorted(glob.glob(os.path.join(here, os.pardir, "ta_lib.libs", "libta-lib*.so*")))
    candidates.append(talib._ta_lib.__file__)  # a wheel that links it statically may still export it
    for path in candidates:
        try:
            lib = ctypes.CDLL(os.path.realpath(path))
        except OSError:
            continue
        if hasattr(lib, "TA_SMA"):
            return lib, os.path.realpath(path)
    return None, None


def best(fn, runs):
    """Every one of `runs` timings of `fn` in ns, after a warm-up call, with the collector off."""
    fn()
    samples = []
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter_ns()
            fn()
            samples.append(time.perf_counter_ns() - start)
    finally:
        gc.enable()
    return samples


def time_round(sextant_path, series_path, runs, out_path):
    with open(sextant_path) as f:
        sextant = json.load(f)
    n = sextant["bars"]
    data = np.fromfile(series_path, dtype="<f8")
    if data.size != 5 * n:
        sys.exit(f"error: {series_path} holds {data.size} doubles, expected 5 x {n}")
    _, h, l, c, _ = (np.ascontiguousarray(column) for column in data.reshape(5, n))
    if c[0] != sextant["first_close"] or c[-1] != sextant["last_close"]:
        sys.exit("error: the series file does not match the one Sextant timed")
    wrappers = {
        "SMA": lambda: talib.SMA(c, 20),
        "EMA": lambda: talib.EMA(c, 20),
        "RSI": lambda: talib.RSI(c, 14),
        "ATR": lambda: talib.ATR(h, l, c, 14),
        "MACD": lambda: talib.MACD(c, 12, 26, 9),
        "BBANDS": lambda: talib.BBANDS(c, 20, 2.0, 2.0, 0),
        "ADX": lambda: talib.ADX(h, l, c, 14),
        "STOCH": lambda: talib.STOCH(h, l, c, 5, 3, 0, 3, 0),
        "LINEARREG": lambda: talib.LINEARREG(c, 14),
        "LINEARREG_SLOPE": lambda: talib.LINEARREG_SLOPE(c, 14),
        "TSF": lambda: talib.TSF(c, 14),
        "CCI": lambda: talib.CCI(h, l, c, 14),
        "HT_TRENDLINE": lambda: talib.HT_TRENDLINE(c),
    }
    ph, pl, pc = (x.ctypes.data_as(D) for x in (h, l, c))
    parameters = {
        "SMA": [pc, 20], "EMA": [pc, 20], "RSI": [pc, 14], "ATR": [ph, pl, pc, 14],
        "MACD": [pc, 12, 26, 9], "BBANDS": [pc, 20, 2.0, 2.0, 0], "ADX": [ph, pl, pc, 14],
        "STOCH": [ph, pl, pc, 5, 3, 0, 3, 0], "LINEARREG": [pc, 14], "LINEARREG_SLOPE": [pc, 14],
        "TSF": [pc, 14], "CCI": [ph, pl, pc, 14], "HT_TRENDLINE": [pc],
    }
    # Outputs allocated and written once, so that no timed call pays first-touch page faults (as on the
    # Swift side); the Python wrappers allocate theirs on every call, which is why they are a column apart.
    outputs = [np.full(n, np.nan) for _ in range(3)]
    out_pointers = [x.ctypes.data_as(D) for x in outputs]
    begin, count = ctypes.c_int(), ctypes.c_int()
    lib, lib_path = load_c_library()
    if lib is not None and lib.TA_Initialize() != 0:
        sys.exit("error: TA_Initialize failed")
    results = {}
    for name, lookback, types, outs in INDICATORS:
        row = {}
        wrapper = wrappers[name]
        if lib is not None:
            function = getattr(lib, "TA_" + name)
            function.restype = ctypes.c_int
            function.argtypes = [I, I] + types + [ctypes.POINTER(I)] * 2 + [D] * outs
            args = [0, n - 1] + parameters[name] + [ctypes.byref(begin), ctypes.byref(count)] + out_pointers[:outs]
            call = lambda function=function, args=args: function(*args)
            code = call()
            if code != 0 or begin.value != lookback or count.value != n - lookback:
                sys.exit(f"error: TA_{name} returned {code}, begin {begin.value}, count {count.value}")
            # A wrong prototype would still run: check the packed C output against the wrapper's,
            # which is aligned to the input behind a NaN lead.
            first = wrapper()
            first = first[0] if isinstance(first, tuple) else first
            if not np.allclose(outputs[0][: n - lookback], first[lookback:], rtol=1e-12, atol=1e-9):
                sys.exit(f"error: TA_{name} through ctypes disagrees with talib.{name}")
            row["c_ns"] = best(call, runs)
        row["py_ns"] = best(wrapper, runs)
        results[name] = row
    version = talib.__ta_version__
    with open(out_path, "w") as f:
        json.dump({
            "bars": n,
            "talib": talib.__version__,
            "talib_c": version.decode() if isinstance(version, bytes) else str(version),
            "library": lib_path,
            "numpy": np.__version__,
            "results": results,
        }, f)


def report(core, runs, out_path, sextant_paths, talib_paths):
    sextant_rounds = [json.load(open(p)) for p in sextant_paths]
    talib_rounds = [json.load(open(p)) for p in talib_paths]
    n = sextant_rounds[0]["bars"]
    first_talib = talib_rounds[0]
    rows = {}
    for name, *_ in INDICATORS:
        batch = [r["batch"][name] for r in sextant_rounds if name in r["batch"]]
        stream = [r["stream"][name] for r in sextant_rounds if name in r["stream"]]
        c_ns = [t for r in talib_rounds for t in r["results"][name].get("c_ns", [])]
        py_ns = [t for r in talib_rounds for t in r["results"][name]["py_ns"]]
        row = {
            "call": batch[0]["call"] if batch else None,
            "sextant_ns_per_bar": min(b["ns_per_bar"] for b in batch) if batch else None,
            "talib_c_ns_per_bar": min(c_ns) / n if c_ns else None,
            "talib_c_ns_per_bar_median": sorted(c_ns)[len(c_ns) // 2] / n if c_ns else None,
            "talib_py_ns_per_bar": min(py_ns) / n,
            "sextant_stream_ns_per_update": min(s["ns_per_update"] for s in stream) if stream else None,
            "talib_anchor_ns_per_bar": batch[0]["talib_anchor_ns_per_bar"] if batch else None,
        }
        if row["sextant_ns_per_bar"] is not None and row["talib_c_ns_per_bar"]:
            row["ratio"] = row["sextant_ns_per_bar"] / row["talib_c_ns_per_bar"]
        rows[name] = row
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    load = os.getloadavg()
    with open(out_path, "w") as f:
        json.dump({
            "bars": n, "runs": runs, "rounds": len(sextant_rounds), "core": int(core), "cpu": cpu,
            "seed": sextant_rounds[0]["seed"], "stream_updates": sextant_rounds[0]["stream_updates"],
            "load_average": load, "talib": first_talib["talib"], "talib_c": first_talib["talib_c"],
            "talib_library": first_talib["library"], "numpy": first_talib["numpy"], "indicators": rows,
        }, f, indent=2)

    print(f"\nIndicators on {n:,} synthetic bars, best of {runs} runs x {len(sextant_rounds)} rounds, "
          f"pinned to core {core}" + (f" ({cpu})" if cpu else ""))
    print(f"TA-Lib: Python wrapper {first_talib['talib']}, C library {first_talib['talib_c']}; "
          f"numpy {first_talib['numpy']}")
    if first_talib["library"] is None:
        print("note: the TA-Lib C library was not found in the wheel; only the Python wrappers were timed")
    if load[0] > 0.5:
        print(f"warning: load average {load[0]:.2f} on {os.cpu_count()} cores: "
              "other work shares this machine, numbers are noisy")
    print()
    header = (f"{'indicator':<15} {'TA-Lib call':<42} {'Sextant':>8} {'TA-Lib C':>9} {'ratio':>6}      "
              f"{'TA-Lib py':>9} {'stream':>8}      {'anchor':>6}")
    print(header)
    print(f"{'':<15} {'':<42} {'ns/bar':>8} {'ns/bar':>9} {'S/C':>6}      {'ns/bar':>9} {'ns/upd':>8}      "
          f"{'ns/bar':>6}")
    print("-" * len(header))

    def number(value, width, digits):
        return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"

    def goal(value, limit, width, digits):
        if value is None:
            return f"{'-':>{width}}     "
        return f"{value:>{width}.{digits}f} " + ("ok  " if value <= limit else "MISS")

    for name, row in rows.items():
        print(" ".join([
            f"{name:<15}",
            f"{row['call'] or '':<42}",
            number(row["sextant_ns_per_bar"], 8, 3),
            number(row["talib_c_ns_per_bar"], 9, 3),
            goal(row.get("ratio"), 1.0, 6, 2),
            number(row["talib_py_ns_per_bar"], 9, 3),
            goal(row["sextant_stream_ns_per_update"], 20, 8, 2),
            number(row["talib_anchor_ns_per_bar"], 6, 1),
        ]))
    print(f"\nratio = Sextant / TA-Lib C (goal <= 1.0); stream = Sextant streaming update (goal <= 20 ns, "
          f"{sextant_rounds[0]['stream_updates']:,} updates); anchor = TA-Lib C ns/bar at 1M bars from the issue.")
    print(f"JSON: {out_path}")


if __name__ == "__main__":
    if sys.argv[1] == "time":
        time_round(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    else:
        split = sys.argv.index("--")
        report(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:split], sys.argv[split + 1:])
PY

sextant_results=()
talib_results=()
for ((round = 1; round <= rounds; round++)); do
  step "round $round of $rounds: Sextant, then TA-Lib, on $bars bars, best of $runs, core $core"
  write=()
  [ "$round" = 1 ] && write=(--write-series "$series")
  "${pin[@]}" "$timing" --bars "$bars" --runs "$runs" "${write[@]}" >"$work/sextant-$round.json"
  "${pin[@]}" "$venv/bin/python" "$work/talib_bench.py" time "$work/sextant-$round.json" "$series" "$runs" \
    "$work/talib-$round.json"
  sextant_results+=("$work/sextant-$round.json")
  talib_results+=("$work/talib-$round.json")
done
"$venv/bin/python" "$work/talib_bench.py" report "$core" "$runs" "$work/bench-indicators.json" \
  "${sextant_results[@]}" -- "${talib_results[@]}"
