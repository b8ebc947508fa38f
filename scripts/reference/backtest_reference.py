#!/usr/bin/env python3
"""Independent reference runs of Backtesting.py 0.6.6 for Sextant's backtester settings.

Writes Tests/SextantBacktestTests/Reference/backtesting_variants_GOOG.json: the Quick-Start SmaCross
(the strategy of shared/reference/backtesting_SmaCross_GOOG.json, whose default run that file holds)
on shared/data/GOOG.csv under settings that Sextant's `BacktestSettings` models identically:

    trade_on_close      trade_on_close=True                 -> fill = .close
    spread              spread=0.001                        -> spread = 0.001
    commission_fixed    commission=(2.0, 0.001)             -> commission = Commission(rate: 0.001, fixed: 2)
    finalize_trades     finalize_trades=True                -> closeAtEnd = true, except for the exit
                                                               price of the trade closed at the end
    finalize_trades_at_close                                -> closeAtEnd = true, compared whole
                        finalize_trades=True on GOOG whose last bar opens at its close
    cash_1m_no_fees     cash=1_000_000, commission=0        -> cash = 1_000_000, commission = Commission()
    fast5_slow30        SmaCross(n1=5, n2=30)               -> params fast = 5, slow = 30

Sextant's `closeAtEnd` closes the trades still open at the last bar's close, Backtesting.py's
`finalize_trades` at its open (it queues a close order per trade after the last `next()` and runs the
broker once more on the last bar): a documented departure (docs/decisions.md, D14). The tests account
for it in `finalize_trades` explicitly, and `finalize_trades_at_close` removes it on Backtesting.py's
side: the last bar's Open is set to its Close, which nothing else reads (the script checks that its
trades are those of `finalize_trades` but for that one exit price; no statistic reads Open), so that
run is what Sextant must reproduce whole. Its `data_change` records the edit.

Every variant not named otherwise keeps the reference's cash 10,000 and commission 0.002. Each
variant holds `settings` (every Backtest argument), `params`, `stats` (every non-underscore field of
the stats Series: timestamps ISO-8601, durations as pandas prints them, NaN as null; a key missing
from the Series is missing here too, e.g. `Commissions [$]` when no commission was paid), `trades`
(all columns of `stats._trades`), `open_trades_at_end`, `equity_curve` (`Equity` and `DrawdownPct`
per bar) and the `warnings` Backtesting.py issued: the same shape as the default run's file.

Usage (from the repository root; the venv that scripts/bench-backtest.sh makes has these pins):
    python3 -m venv /tmp/btvenv
    /tmp/btvenv/bin/pip install backtesting==0.6.6 pandas==3.1.1 numpy==2.4.6
    /tmp/btvenv/bin/python scripts/reference/backtest_reference.py
"""

from __future__ import annotations

import json
import math
import os
import sys
import warnings
from pathlib import Path

os.environ.setdefault("TQDM_DISABLE", "1")  # Backtest.run's progress bar

import numpy as np
import pandas as pd

import backtesting
from backtesting import Backtest, Strategy
from backtesting.lib import crossover

ROOT = Path(__file__).resolve().parents[2]
DATA_CANDIDATES = [ROOT.parent / "shared" / "data" / "GOOG.csv", ROOT / "Tests" / "SextantBacktestTests" / "Reference" / "GOOG.csv"]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference" / "backtesting_SmaCross_GOOG.json"
OUTPUT = ROOT / "Tests" / "SextantBacktestTests" / "Reference" / "backtesting_variants_GOOG.json"
EXPECTED_VERSION = "0.6.6"

STRATEGY_SOURCE = '''\
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
'''
exec(STRATEGY_SOURCE)  # defines SMA and SmaCross exactly as recorded in the JSON

DEFAULTS = {
    "cash": 10_000,
    "commission": 0.002,
    "spread": 0.0,
    "margin": 1.0,
    "trade_on_close": False,
    "hedging": False,
    "exclusive_orders": False,
    "finalize_trades": False,
}

# name, description, Backtest() overrides, SmaCross params
VARIANTS = [
    ("trade_on_close", "market orders fill at the signal bar's close (Sextant: fill = .close)",
     {"trade_on_close": True}, {}),
    ("spread", "bid-ask spread of 0.1% moving each entry price once (Sextant: spread = 0.001)",
     {"spread": 0.001}, {}),
    ("commission_fixed", "commission of 2.0 per fill plus 0.1% of its value "
     "(Sextant: Commission(rate: 0.001, fixed: 2))", {"commission": (2.0, 0.001)}, {}),
    ("finalize_trades", "the trade open at the end is closed and counted (Sextant: closeAtEnd)",
     {"finalize_trades": True}, {}),
    ("finalize_trades_at_close", "finalize_trades=True on GOOG whose last bar opens at its close: the end-of-data "
     "fill happens at the last close, as Sextant's closeAtEnd (docs/decisions.md, D14)",
     {"finalize_trades": True}, {}),
    ("cash_1m_no_fees", "cash 1,000,000 and no commission", {"cash": 1_000_000, "commission": 0.0}, {}),
    ("fast5_slow30", "SmaCross with n1 = 5, n2 = 30 (Sextant params fast = 5, slow = 30)", {}, {"n1": 5, "n2": 30}),
]


def load_goog() -> tuple[pd.DataFrame, Path]:
    path = next((p for p in DATA_CANDIDATES if p.is_file()), None)
    if path is None:
        sys.exit(f"error: GOOG.csv not found in {[str(p) for p in DATA_CANDIDATES]}")
    frame = pd.read_csv(path, index_col="time", parse_dates=["time"])
    frame = frame.rename(columns=str.capitalize)[["Open", "High", "Low", "Close", "Volume"]]
    frame.index.name = None
    return frame, path


def plain(value):
    """A JSON-safe value: timestamps ISO-8601, durations as pandas prints them, NaN as None."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, pd.Timedelta):
        return str(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        value = float(value)
        return None if math.isnan(value) else value
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (int, str)):
        return value
    if value is pd.NaT:
        return None
    return str(value)


def run_variant(frame: pd.DataFrame, overrides: dict, params: dict) -> dict:
    settings = dict(DEFAULTS, **overrides)
    caught: list[str] = []
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        bt = Backtest(frame, SmaCross, **settings)
        stats = bt.run(**params)
        caught = [str(r.message) for r in records]
    trades = stats._trades
    open_trades = [
        {"size": int(t.size), "entry_bar": int(t.entry_bar), "entry_time": plain(t.entry_time),
         "entry_price": float(t.entry_price)}
        for t in stats._strategy._broker.trades
    ]
    return {
        "settings": {k: (list(v) if isinstance(v, tuple) else v) for k, v in settings.items()},
        "params": {"n1": params.get("n1", SmaCross.n1), "n2": params.get("n2", SmaCross.n2)},
        "warnings": sorted(set(caught)),
        "stats": {k: plain(v) for k, v in stats.items() if not k.startswith("_")},
        "open_trades_at_end": open_trades,
        # `Tag` (None: SmaCross tags nothing) is left out, as in the default run's file.
        "trades": [{k: plain(v) for k, v in row.items() if k != "Tag"} for row in trades.to_dict(orient="records")],
        "equity_curve": {
            "Equity": [float(x) for x in stats._equity_curve["Equity"]],
            "DrawdownPct": [float(x) for x in stats._equity_curve["DrawdownPct"]],
        },
    }


def main() -> None:
    if backtesting.__version__ != EXPECTED_VERSION:
        sys.exit(f"error: backtesting {backtesting.__version__} installed, the reference needs {EXPECTED_VERSION}")
    frame, path = load_goog()
    # The default settings must give the shared reference run exactly, or this script's setup (data
    # parsing, SMA, strategy) is not the one that produced it.
    if DEFAULT_REFERENCE.is_file():
        default = run_variant(frame, {}, {})
        shared = json.loads(DEFAULT_REFERENCE.read_text())
        for key in ("stats", "trades", "equity_curve", "open_trades_at_end"):
            if default[key] != shared[key]:
                sys.exit(f"error: the default run's {key} differs from {DEFAULT_REFERENCE}")
        print(f"default settings reproduce {DEFAULT_REFERENCE.name} exactly", file=sys.stderr)
    variants = {}
    # The last bar opening at its close: Backtesting.py's finalize fill then lands where Sextant's does.
    last = len(frame) - 1
    at_close = frame.copy()
    at_close.iloc[last, at_close.columns.get_loc("Open")] = at_close["Close"].iloc[last]
    for name, description, overrides, params in VARIANTS:
        data = at_close if name == "finalize_trades_at_close" else frame
        variant = run_variant(data, overrides, params)
        variant["description"] = description
        if data is at_close:
            variant["data_change"] = {"bar": last, "column": "Open", "from": float(frame["Open"].iloc[last]),
                                      "to": float(at_close["Open"].iloc[last])}
        variants[name] = variant
        stats = variant["stats"]
        print(f"{name:<18} trades {stats['# Trades']:>3}  open {len(variant['open_trades_at_end'])}  "
              f"equity final {stats['Equity Final [$]']:.6f}  return {stats['Return [%]']:.6f} %", file=sys.stderr)
    # The edited Open must change the end-of-data exit price and nothing else.
    plain_run, edited = variants["finalize_trades"]["trades"], variants["finalize_trades_at_close"]["trades"]
    same_but_last_exit = (
        len(plain_run) == len(edited) and plain_run[:-1] == edited[:-1]
        and all(plain_run[-1][k] == edited[-1][k] for k in ("Size", "EntryBar", "ExitBar", "EntryPrice"))
        and plain_run[-1]["ExitPrice"] == frame["Open"].iloc[last]
        and edited[-1]["ExitPrice"] == frame["Close"].iloc[last]
        and variants["finalize_trades"]["equity_curve"]["Equity"][:-1]
        == variants["finalize_trades_at_close"]["equity_curve"]["Equity"][:-1])
    if not same_but_last_exit:
        sys.exit("error: the edited last Open changed more than the end-of-data exit price")
    document = {
        "generator": "scripts/reference/backtest_reference.py",
        "versions": {"backtesting": backtesting.__version__, "pandas": pd.__version__, "numpy": np.__version__,
                     "python": sys.version.split()[0]},
        "data": "shared/data/GOOG.csv" if path.parent.name == "data" else str(path.relative_to(ROOT)),
        "bars": len(frame),
        "strategy_source": STRATEGY_SOURCE,
        "defaults": DEFAULTS,
        "variants": variants,
    }
    OUTPUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
