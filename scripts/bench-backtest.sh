#!/usr/bin/env bash
# Sextant's backtester against Backtesting.py and vectorbt on the same synthetic bars, in one run.
#
#   scripts/bench-backtest.sh [--bars 1000000,10000000] [--runs N] [--rounds N] [--bt-bars N] [--core K]
#                             [--cash X] [--commission R] [--smoke] [--no-optimize]
#
#   --bars LIST      bar counts, comma-separated (default 1000000,10000000; underscores are ignored)
#   --runs N         timed runs of each Sextant and vectorbt measurement, best taken (default 5)
#   --rounds N       Sextant and the Python tools are timed alternately N times; each number is the best
#                    over all runs of all rounds, so a burst of load from another process has to hit
#                    every round of one side to skew a ratio (default 2)
#   --bt-runs N      timed runs of Backtesting.py a round (default 2; one run at 1M bars takes seconds)
#   --bt-bars N      Backtesting.py runs on the first N bars when a size is larger (default 1,000,000):
#                    at ~6 µs a bar, 10M bars would take a minute a run. Its ns/bar is that prefix's.
#   --core K         the CPU every timed process is pinned to with taskset (default: the last one)
#   --cash X         starting cash of every tool (default 1e9, see below)
#   --commission R   commission rate of every tool (default 0, see below)
#   --smoke          100,000 bars, 1 run, 1 round, Backtesting.py on 20,000: a smoke run, not a measurement
#   --no-optimize    skip the optimizer measurement
#
# What it times, SmaCross (SMA 10/20 crosses; Strategies/sma_cross.yaml) on each size:
#   Sextant, long/short   `sextant backtest Strategies/sma_cross.yaml --json`: `timings.compute_seconds`
#                         (indicators, signals, simulation, statistics) and, in separate runs with
#                         --quiet and no output file, the process's wall time (CSV load included)
#   Backtesting.py 0.6.6  `Backtest(df, SmaCross, cash=, commission=).run()` (the Quick-Start SmaCross,
#                         the reference's), data already in a DataFrame; on the --bt-bars prefix
#   Sextant, long-only    the same with `--direction long --fill close`: vectorbt's semantics
#   vectorbt              MA(10), MA(20), ma_crossed_above/below, Portfolio.from_signals(close, entries,
#                         exits, fees=, init_cash=) (fills at the signal bar's close, fractional size),
#                         timed after a warm-up run so that numba's JIT compilation is left out; once
#                         without and once with pf.stats() (Sextant's time includes its statistics)
# Ratios are Backtesting.py / Sextant long/short and vectorbt / Sextant long-only, both from this run.
# Goal (backtester issue): Sextant ≤ 15 ns/bar. On the shared prefix it checks that Sextant and
# Backtesting.py produce the same trades (count, entry and exit bars, sizes) and prints both counts,
# and prints the long-only trade counts of Sextant and vectorbt.
#
# Optimize: `sextant optimize Strategies/sma_cross.yaml --data examples/data/GOOG.csv --commission
# 0.002 --grid fast=5..50:5 --grid slow=10..100:10` (100 points), wall clock of the whole process on
# every core (and once with --jobs 1 on the pinned core); goal < 1 s.
#
# The bars: scripts/gen-bars.py --walk relative --noisy (one-minute bars from 2000-01-01, seeded; a
# 0.1 %-a-bar relative random walk around 100; prices written with 17 significant digits). Daily bars
# cannot reach 10M rows with valid dates (pandas stops in 2262). Two-decimal prices make exactly tied
# SMAs frequent, where Sextant's running-sum SMA and pandas' compensated rolling mean can round to
# different sides of the tie and report different crosses; full-precision prices make ties
# vanishingly rare, so the trade check compares the fill models, not rounding. Cash 1e9, commission 0
# by default: an all-in SMA cross makes a trade every ~18 bars here, and at 0.2 % a fill the account of
# every tool is below the price of one unit after ~1,400 trades, after which Sextant and
# Backtesting.py only refuse orders and vectorbt trades dust; without commission the huge account
# trades through all ten million bars.
#
# Environment: SEXTANT (a sextant binary to use instead of building one), CLI_SCRATCH (SwiftPM scratch
# path of that build, default .build-bench/cli, as bench-graph.sh), PYTHON (default python3),
# BT_SPEC (default the pins below). Makes .build-bench/venv-bt; keeps the CSV files in .build-bench/
# (10M rows take about two minutes to write, 1.2 GB); writes .build-bench/bench-backtest.json; nothing
# outside .build-bench/ is left changed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

sizes_text=1000000,10000000
runs=5
rounds=2
bt_runs=2
bt_bars=1000000
cash=1e9
commission=0
smoke=0
optimize=1
core=""
given=" "
while [ $# -gt 0 ]; do
  case "$1" in
    --bars) sizes_text="${2:?--bars needs a value}"; given+="bars "; shift 2 ;;
    --runs) runs="${2:?--runs needs a value}"; given+="runs "; shift 2 ;;
    --rounds) rounds="${2:?--rounds needs a value}"; given+="rounds "; shift 2 ;;
    --bt-runs) bt_runs="${2:?--bt-runs needs a value}"; given+="bt_runs "; shift 2 ;;
    --bt-bars) bt_bars="${2:?--bt-bars needs a value}"; given+="bt_bars "; shift 2 ;;
    --core) core="${2:?--core needs a value}"; shift 2 ;;
    --cash) cash="${2:?--cash needs a value}"; shift 2 ;;
    --commission) commission="${2:?--commission needs a value}"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --no-optimize) optimize=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ "$smoke" = 1 ]; then
  [[ "$given" == *" bars "* ]] || sizes_text=100000
  [[ "$given" == *" runs "* ]] || runs=1
  [[ "$given" == *" rounds "* ]] || rounds=1
  [[ "$given" == *" bt_runs "* ]] || bt_runs=1
  [[ "$given" == *" bt_bars "* ]] || bt_bars=20000
fi
IFS=, read -r -a sizes <<<"${sizes_text//_/}"
bt_bars="${bt_bars//[_,]/}"
for value in "${sizes[@]}" "$runs" "$rounds" "$bt_runs" "$bt_bars"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "error: --bars, --runs, --rounds, --bt-runs and --bt-bars take positive integers" >&2; exit 2; }
done
[ "${#sizes[@]}" -ge 1 ] || { echo "error: --bars needs at least one size" >&2; exit 2; }

ensure_packages util-linux  # taskset
python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1 || ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  ensure_packages python3 python3-venv
  python=/usr/bin/python3
fi
[ -n "$core" ] || core=$(($(nproc) - 1))
pin=(taskset -c "$core")

work=.build-bench
mkdir -p "$work"

if [ -n "${SEXTANT:-}" ]; then
  sextant="$SEXTANT"
  [ -x "$sextant" ] || { echo "error: SEXTANT=$sextant is not an executable" >&2; exit 2; }
else
  require_swift
  cli_scratch="${CLI_SCRATCH:-$work/cli}"
  step "building sextant (release) into $cli_scratch"
  swift build -c release --scratch-path "$cli_scratch" --product sextant >"$work/build-cli.log" 2>&1 \
    || { tail -40 "$work/build-cli.log" >&2; exit 1; }
  sextant="$cli_scratch/release/sextant"
fi

# Backtesting.py and vectorbt in a venv of their own (numba pins numpy; the TA-Lib venv of
# bench-indicators.sh stays as it is). numpy and pandas are the versions of shared/reference.
venv="$work/venv-bt"
bt_spec="${BT_SPEC:-backtesting==0.6.6 vectorbt==1.2.0 numba==0.68.1 llvmlite==0.50.0 numpy==2.4.6 pandas==3.1.1}"
if [ ! -x "$venv/bin/python" ]; then
  step "creating $venv"
  "$python" -m venv "$venv"
fi
stamp="$venv/.bench-spec"
if [ "$(cat "$stamp" 2>/dev/null)" != "$bt_spec" ] || ! "$venv/bin/python" -c 'import backtesting, vectorbt' 2>/dev/null; then
  step "pip install $bt_spec"
  # shellcheck disable=SC2086 # the spec is a list of requirements
  "$venv/bin/python" -m pip install -q $bt_spec
  echo "$bt_spec" >"$stamp"
fi

# The bar files: every size and the Backtesting.py prefix. A smaller file is the head of a larger one
# (gen-bars.py is one seeded sequential walk), so it is cut from the largest when that exists.
csv_for() { echo "$work/backtest-bars-$1.csv"; }
largest=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)
needed=("${sizes[@]}")
for size in "${sizes[@]}"; do [ "$size" -gt "$bt_bars" ] && needed+=("$bt_bars"); done
for size in $(printf '%s\n' "${needed[@]}" "$largest" | sort -nru); do
  csv=$(csv_for "$size")
  [ -s "$csv" ] && continue
  if [ "$size" -lt "$largest" ] && [ -s "$(csv_for "$largest")" ]; then
    head -n $((size + 1)) "$(csv_for "$largest")" >"$csv.tmp" && mv "$csv.tmp" "$csv"
  else
    step "writing $csv (scripts/gen-bars.py --rows $size --walk relative --noisy)"
    python3 scripts/gen-bars.py --rows "$size" --walk relative --noisy >"$csv.tmp" && mv "$csv.tmp" "$csv"
  fi
done

if [ "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null | cut -d. -f1)" -ge 1 ] 2>/dev/null; then
  echo "warning: load average $(cut -d' ' -f1-3 /proc/loadavg): other work is running, numbers are indicative" >&2
fi

cat >"$work/bench_backtest.py" <<'PY'
"""The timing and reporting parts of scripts/bench-backtest.sh (one file, three roles)."""
import json
import os
import subprocess
import sys
import time
import warnings

STRATEGY = "Strategies/sma_cross.yaml"


def head_of_result(path):
    """A `sextant backtest --json` document without its per-bar `equity` array (the last key; at 10M
    bars it is most of the file)."""
    lines = []
    with open(path) as f:
        for line in f:
            if line.startswith('"equity"'):
                break
            lines.append(line)
    text = "".join(lines).rstrip().rstrip(",") + "\n}"
    return json.loads(text)


def sextant_side(binary, core, csv, runs, cash, commission, extra, out):
    """Times `sextant backtest` on one file: `runs` runs with --json (compute and load seconds) and
    `runs` with --quiet and no output (process wall time), alternating, after one warm-up run."""
    pin = ["taskset", "-c", core]
    base = [binary, "backtest", STRATEGY, "--data", csv, "--cash", cash, "--commission", commission] + extra
    result_path = out + ".result.json"
    compute, load, wall = [], [], []
    head = None
    for run in range(runs + 1):
        subprocess.run(pin + base + ["--json", result_path, "--quiet"], check=True)
        head = head_of_result(result_path)
        os.remove(result_path)
        start = time.perf_counter()
        subprocess.run(pin + base + ["--quiet"], check=True)
        elapsed = time.perf_counter() - start
        if run == 0:
            continue  # warm-up: page cache, first touch of the binary
        compute.append(head["timings"]["compute_seconds"])
        load.append(head["timings"]["load_seconds"])
        wall.append(elapsed)
    record = {
        "bars": head["bars"], "compute_seconds": compute, "load_seconds": load, "wall_seconds": wall,
        "trades": head["stats"]["trades"], "open_trades": len(head["open_trades"]),
        "equity_final": head["stats"]["equity_final"], "rejections": len(head["rejections"]),
        "warnings": head["warnings"], "options": extra,
        "trade_list": [[t["entry_bar"], t["exit_bar"], t["size"]] for t in head["trades"]],
    }
    json.dump(record, open(out, "w"))


def read_frame(csv, rows=None):
    import pandas as pd
    frame = pd.read_csv(csv, parse_dates=["time"], index_col="time", nrows=rows)
    # A naive index (the times are UTC): with a tz-aware one, pandas 3 turns the index into an array
    # of Timestamp objects wherever numpy asks for it, which costs vectorbt microseconds a bar.
    frame.index = frame.index.tz_localize(None)
    frame.index.name = None
    return frame.rename(columns=str.capitalize)[["Open", "High", "Low", "Close", "Volume"]]


def python_side(csv, bt_csv, runs, bt_runs, cash, commission, out):
    os.environ.setdefault("TQDM_DISABLE", "1")
    warnings.simplefilter("ignore")
    import gc

    import numpy as np
    import pandas as pd
    import backtesting
    import vectorbt as vbt
    from backtesting import Backtest, Strategy
    from backtesting.lib import crossover

    # The Quick-Start SmaCross, as in shared/reference and scripts/reference/backtest_reference.py.
    def SMA(values, n):
        return pd.Series(values).rolling(n).mean()

    class SmaCross(Strategy):
        n1 = 10
        n2 = 20

        def init(self):
            self.sma1 = self.I(SMA, self.data.Close, self.n1)
            self.sma2 = self.I(SMA, self.data.Close, self.n2)

        def next(self):
            if crossover(self.sma1, self.sma2):
                self.position.close()
                self.buy()
            elif crossover(self.sma2, self.sma1):
                self.position.close()
                self.sell()

    def timed(fn, count):
        samples = []
        result = None
        gc.collect()
        for _ in range(count):
            start = time.perf_counter()
            result = fn()
            samples.append(time.perf_counter() - start)
        return samples, result

    record = {"versions": {"backtesting": backtesting.__version__, "vectorbt": vbt.__version__,
                           "numba": __import__("numba").__version__, "numpy": np.__version__,
                           "pandas": pd.__version__, "python": sys.version.split()[0]}}

    bt_frame = read_frame(bt_csv)
    run_bt = lambda: Backtest(bt_frame, SmaCross, cash=cash, commission=commission).run()
    samples, stats = timed(run_bt, bt_runs)
    trades = stats._trades
    record["backtesting"] = {
        "bars": len(bt_frame), "seconds": samples, "trades": int(stats["# Trades"]),
        "open_trades": len(stats._strategy._broker.trades), "equity_final": float(stats["Equity Final [$]"]),
        "trade_list": [[int(a), int(b), float(c)] for a, b, c in
                       zip(trades["EntryBar"], trades["ExitBar"], trades["Size"])],
    }
    del bt_frame, stats, trades

    close = read_frame(csv)["Close"]

    def run_vbt(with_stats):
        fast = vbt.MA.run(close, 10)
        slow = vbt.MA.run(close, 20)
        entries = fast.ma_crossed_above(slow)
        exits = fast.ma_crossed_below(slow)
        pf = vbt.Portfolio.from_signals(close, entries, exits, fees=commission, init_cash=cash)
        if with_stats:
            pf.stats()
        return pf

    start = time.perf_counter()
    run_vbt(True)  # warm-up: numba compiles (or loads from its cache) every kernel it needs
    warmup = time.perf_counter() - start
    plain, pf = timed(lambda: run_vbt(False), runs)
    with_stats, _ = timed(lambda: run_vbt(True), runs)
    record["vectorbt"] = {
        "bars": len(close), "seconds": plain, "seconds_with_stats": with_stats, "warmup_seconds": warmup,
        "trades": int(pf.trades.closed.count()), "open_trades": int(pf.trades.open.count()),
        "equity_final": float(pf.final_value()),
    }
    json.dump(record, open(out, "w"))


def merged(rounds, keys):
    """The first round's record with the timing lists `keys` of every round concatenated."""
    record = dict(rounds[0])
    for key in keys:
        record[key] = [value for r in rounds for value in r[key]]
    return record


def report(config_path, out_path):
    config = json.load(open(config_path))
    flag = lambda good: "ok" if good else "MISS"
    best_ns = lambda seconds, bars: min(seconds) * 1e9 / bars
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    load = os.getloadavg()
    result = {"core": config["core"], "cpu": cpu, "load_average": load, "cash": config["cash"],
              "commission": config["commission"], "runs": config["runs"], "rounds": config["rounds"],
              "bt_runs": config["bt_runs"],
              "sizes": {}, "optimize": None}
    print(f"\nSmaCross (SMA 10/20), cash {float(config['cash']):,.0f}, commission {config['commission']}, "
          f"pinned to core {config['core']}" + (f" ({cpu})" if cpu else "") + f"; best of {config['runs']} runs "
          f"x {config['rounds']} rounds (Backtesting.py: {config['bt_runs']} runs x {config['rounds']} rounds)")
    if load[0] > 1:
        print(f"warning: load average {load[0]:.2f} on {os.cpu_count()} cores: other work shares this machine")
    versions = None
    for size in config["sizes"]:
        n = int(size["bars"])
        both = merged([json.load(open(p)) for p in size["sextant_both"]], ("compute_seconds", "load_seconds", "wall_seconds"))
        long_only = merged([json.load(open(p)) for p in size["sextant_long"]], ("compute_seconds", "load_seconds", "wall_seconds"))
        prefix = json.load(open(size["sextant_prefix"]))
        python_rounds = [json.load(open(p)) for p in size["python"]]
        python = dict(python_rounds[0])
        python["backtesting"] = merged([r["backtesting"] for r in python_rounds], ("seconds",))
        python["vectorbt"] = merged([r["vectorbt"] for r in python_rounds], ("seconds", "seconds_with_stats"))
        versions = python["versions"]
        bt, vb = python["backtesting"], python["vectorbt"]
        s_both = best_ns(both["compute_seconds"], n)
        s_long = best_ns(long_only["compute_seconds"], n)
        s_wall = best_ns(both["wall_seconds"], n)
        s_load = best_ns(both["load_seconds"], n)
        s_long_wall = best_ns(long_only["wall_seconds"], n)
        bt_ns = best_ns(bt["seconds"], bt["bars"])
        vb_ns = best_ns(vb["seconds"], n)
        vb_stats_ns = best_ns(vb["seconds_with_stats"], n)
        prefix_note = "" if bt["bars"] == n else f" (first {bt['bars']:,} bars)"
        print(f"\n{n:,} bars" + (f"; Backtesting.py on the first {bt['bars']:,} of them, its ns/bar is that run's"
                                  if prefix_note else "") + "\n")
        print("| tool | variant | ns/bar | ratio to Sextant | trades (closed + open) |")
        print("| --- | --- | ---: | ---: | ---: |")
        print(f"| Sextant `compute_seconds` | long/short | {s_both:.1f} {flag(s_both <= 15)} | 1 | "
              f"{both['trades']:,} + {both['open_trades']} |")
        print(f"| Sextant process wall (CSV load {s_load:.1f} ns/bar included) | long/short | {s_wall:.1f} | — | |")
        print(f"| Backtesting.py {versions['backtesting']}{prefix_note} | long/short | {bt_ns:,.0f} | "
              f"{bt_ns / s_both:,.0f} | {bt['trades']:,} + {bt['open_trades']} |")
        print(f"| Sextant `compute_seconds` | long-only, fill on close | {s_long:.1f} {flag(s_long <= 15)} | 1 | "
              f"{long_only['trades']:,} + {long_only['open_trades']} |")
        print(f"| Sextant process wall | long-only, fill on close | {s_long_wall:.1f} | — | |")
        print(f"| vectorbt {versions['vectorbt']} (signals + simulation) | long-only | {vb_ns:.1f} | "
              f"{vb_ns / s_long:.1f} | {vb['trades']:,} + {vb['open_trades']} |")
        print(f"| vectorbt {versions['vectorbt']} incl. `pf.stats()` | long-only | {vb_stats_ns:.1f} | "
              f"{vb_stats_ns / s_long:.1f} | |")
        same = prefix["trade_list"] == bt["trade_list"]
        counts = (prefix["trades"], prefix["open_trades"]) == (bt["trades"], bt["open_trades"])
        print(f"\nShared prefix ({bt['bars']:,} bars), long/short: Sextant {prefix['trades']:,} closed + "
              f"{prefix['open_trades']} open, Backtesting.py {bt['trades']:,} closed + {bt['open_trades']} open: "
              f"{'same count' if counts else 'COUNTS DIFFER'}; trade list (entry bar, exit bar, size) "
              f"{'identical' if same else 'DIFFERS'}; equity final {prefix['equity_final']:.6f} vs {bt['equity_final']:.6f}")
        print(f"Long-only over {n:,} bars: Sextant (fill on close, whole units) {long_only['trades']:,} closed + "
              f"{long_only['open_trades']} open, vectorbt (fractional units) {vb['trades']:,} closed + "
              f"{vb['open_trades']} open; vectorbt's warm-up run (numba JIT or cache load) took "
              f"{vb['warmup_seconds']:.1f} s and is not timed")
        if both["rejections"] or long_only["rejections"]:
            print(f"note: Sextant refused {both['rejections']:,} (long/short) and {long_only['rejections']:,} "
                  "(long-only) orders: the account could not buy one unit; raise --cash")
        result["sizes"][str(n)] = {
            "sextant": {"long_short": {k: v for k, v in both.items() if k != "trade_list"},
                        "long_only": {k: v for k, v in long_only.items() if k != "trade_list"},
                        "compute_ns_per_bar": s_both, "wall_ns_per_bar": s_wall, "load_ns_per_bar": s_load,
                        "long_only_compute_ns_per_bar": s_long, "long_only_wall_ns_per_bar": s_long_wall},
            "backtesting": {k: v for k, v in bt.items() if k != "trade_list"} | {"ns_per_bar": bt_ns},
            "vectorbt": vb | {"ns_per_bar": vb_ns, "ns_per_bar_with_stats": vb_stats_ns},
            "ratios": {"backtesting_over_sextant": bt_ns / s_both, "vectorbt_over_sextant_long_only": vb_ns / s_long,
                       "vectorbt_with_stats_over_sextant_long_only": vb_stats_ns / s_long},
            "prefix_check": {"bars": bt["bars"], "sextant_trades": prefix["trades"], "backtesting_trades": bt["trades"],
                             "same_trade_list": same},
        }
    result["versions"] = versions
    print("\nns/bar: Sextant's is `timings.compute_seconds` (indicators, signals, simulation, statistics) per bar;"
          "\nthe wall rows time the whole process with --quiet and no output file. Goal: Sextant <= 15 ns/bar.")
    if config.get("optimize"):
        opt = json.load(open(config["optimize"]))
        best_all, best_one = min(opt["wall_all_cores"]), min(opt["wall_one_job"])
        print(f"\nOptimize: `sextant optimize {STRATEGY} --data examples/data/GOOG.csv --commission 0.002 "
              f"--grid fast=5..50:5 --grid slow=10..100:10` ({opt['points']} points, GOOG {opt['bars']:,} bars): "
              f"wall {best_all:.3f} s on every core {flag(best_all < 1)}, {best_one:.3f} s with --jobs 1 on core "
              f"{config['core']} (goal < 1 s; best of {len(opt['wall_all_cores'])})")
        result["optimize"] = opt | {"best_wall_all_cores": best_all, "best_wall_one_job": best_one}
    json.dump(result, open(out_path, "w"), indent=2)
    print(f"JSON: {out_path}")


def optimize_side(binary, core, runs, out):
    """Wall time of the 100-point grid, on every core and with --jobs 1 pinned."""
    base = [binary, "optimize", STRATEGY, "--data", "examples/data/GOOG.csv", "--commission", "0.002",
            "--grid", "fast=5..50:5", "--grid", "slow=10..100:10"]
    all_cores, one_job = [], []
    output = ""
    for run in range(runs + 1):
        start = time.perf_counter()
        output = subprocess.run(base, check=True, capture_output=True, text=True).stdout
        elapsed = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(["taskset", "-c", core] + base + ["--jobs", "1"], check=True, capture_output=True)
        single = time.perf_counter() - start
        if run:
            all_cores.append(elapsed)
            one_job.append(single)
    first = output.splitlines()[0] if output else ""
    points = int(first.split(":")[1].split("point")[0]) if "point" in first else None
    bars = sum(1 for _ in open("examples/data/GOOG.csv")) - 1
    json.dump({"points": points, "bars": bars, "wall_all_cores": all_cores, "wall_one_job": one_job,
               "first_line": first, "table": output}, open(out, "w"))
    if points != 100:
        sys.exit(f"error: the optimizer ran {points} points, not 100: {first}")


if __name__ == "__main__":
    role = sys.argv[1]
    if role == "sextant":
        sextant_side(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6], sys.argv[7],
                     sys.argv[9:], sys.argv[8])
    elif role == "python":
        python_side(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]),
                    float(sys.argv[7]), sys.argv[8])
    elif role == "optimize":
        optimize_side(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    else:
        report(sys.argv[2], sys.argv[3])
PY

driver="$work/bench_backtest.py"
config_sizes=()
for size in "${sizes[@]}"; do
  csv=$(csv_for "$size")
  prefix_size=$((size < bt_bars ? size : bt_bars))
  bt_csv=$(csv_for "$prefix_size")
  out="$work/bench-backtest-$size"
  both=() long=() python_rounds=()
  for ((round = 1; round <= rounds; round++)); do
    step "$size bars, round $round of $rounds: Sextant long/short, $runs runs (core $core)"
    "$python" "$driver" sextant "$sextant" "$core" "$csv" "$runs" "$cash" "$commission" "$out-sextant-both-$round.json"
    step "$size bars, round $round of $rounds: Sextant long-only (--direction long --fill close), $runs runs"
    "$python" "$driver" sextant "$sextant" "$core" "$csv" "$runs" "$cash" "$commission" "$out-sextant-long-$round.json" \
      --direction long --fill close
    step "round $round of $rounds: Backtesting.py on $prefix_size bars ($bt_runs runs), vectorbt on $size bars ($runs runs after a warm-up)"
    "${pin[@]}" "$venv/bin/python" "$driver" python "$csv" "$bt_csv" "$runs" "$bt_runs" "$cash" "$commission" \
      "$out-python-$round.json"
    both+=("\"$out-sextant-both-$round.json\"") long+=("\"$out-sextant-long-$round.json\"")
    python_rounds+=("\"$out-python-$round.json\"")
  done
  step "$prefix_size bars: Sextant long/short once more, for the trade check against Backtesting.py"
  "$python" "$driver" sextant "$sextant" "$core" "$bt_csv" 1 "$cash" "$commission" "$out-sextant-prefix.json"
  config_sizes+=("{\"bars\": $size, \"sextant_both\": [$(IFS=,; echo "${both[*]}")], \"sextant_long\": [$(IFS=,; echo "${long[*]}")], \"sextant_prefix\": \"$out-sextant-prefix.json\", \"python\": [$(IFS=,; echo "${python_rounds[*]}")]}")
done

optimize_json=null
if [ "$optimize" = 1 ]; then
  step "sextant optimize: 100-point grid on GOOG (best of $runs)"
  "$python" "$driver" optimize "$sextant" "$core" "$runs" "$work/bench-backtest-optimize.json"
  optimize_json="\"$work/bench-backtest-optimize.json\""
fi

sizes_json=$(IFS=,; echo "${config_sizes[*]}")
cat >"$work/bench-backtest-config.json" <<JSON
{"core": "$core", "cash": "$cash", "commission": "$commission", "runs": $runs, "rounds": $rounds, "bt_runs": $bt_runs,
 "sizes": [$sizes_json], "optimize": $optimize_json}
JSON
"$python" "$driver" report "$work/bench-backtest-config.json" "$work/bench-backtest.json"
