#!/usr/bin/env python3
"""Reference values for Sextant's statistics kernels (Sources/SextantIndicators/Statistics).

Writes Tests/SextantIndicatorsTests/Reference/statistics_reference.json from statsmodels, numpy and
scipy on deterministic inputs: the GOOG bars of Tests/SextantIndicatorsTests/Reference/GOOG.csv
(closes, log closes, simple returns, highs, lows) and synthetic series drawn from numpy's seeded
Generator (an AR(1), random walks, a cointegrated pair, Student-t returns). The synthetic inputs and
the derived GOOG columns are written into the JSON too, so the Swift tests read exactly the bits
numpy produced.

Each rolling case holds the expected value at a sample of bars (every `stride`-th bar from the
first full window, plus the last bar); the Swift test computes the whole column and compares there.
The definitions implemented here with numpy are the ones docs/statistics.md states; the ADF and
Engle-Granger values come from statsmodels itself, normal quantiles from scipy (and mpmath at 50
digits and beyond, when installed, as the exact value).

Usage (from the repository root):
    python3 -m venv /tmp/statsvenv && /tmp/statsvenv/bin/pip install statsmodels numpy scipy mpmath
    /tmp/statsvenv/bin/python scripts/reference/statistics_reference.py
"""

from __future__ import annotations

import csv
import json
import math
import sys
import warnings
from pathlib import Path

import numpy as np
import scipy
import scipy.stats
import statsmodels
from statsmodels.tsa.adfvalues import mackinnonp
from statsmodels.tsa.stattools import adfuller, coint

try:
    import mpmath
except ImportError:  # the exact quantiles are optional; scipy's are always written
    mpmath = None

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "Tests" / "SextantIndicatorsTests" / "Reference"
OUTPUT = REFERENCE / "statistics_reference.json"

SEED = 20240601
SYNTHETIC_COUNT = 1200
HURST_MIN_CHUNK = 8
# Read by the tests from GOOG.csv itself; every other input is written into the JSON.
GOOG_CSV_COLUMNS = ("goog_close", "goog_high", "goog_low")
MASK64 = (1 << 64) - 1

warnings.simplefilter("ignore")  # statsmodels' FutureWarning about adfuller's return type


# ---------------------------------------------------------------------------------------------
# Inputs


def goog_columns() -> dict[str, np.ndarray]:
    with open(REFERENCE / "GOOG.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {name: np.array([float(row[name]) for row in rows]) for name in ("open", "high", "low", "close")}


def make_inputs() -> dict[str, np.ndarray]:
    goog = goog_columns()
    close = goog["close"]
    returns = np.full(close.shape, np.nan)
    returns[1:] = close[1:] / close[:-1] - 1
    rng = np.random.default_rng(SEED)
    n = SYNTHETIC_COUNT
    shocks = rng.standard_normal(n)
    ar1 = np.empty(n)
    ar1[0] = 10.0
    for t in range(1, n):
        ar1[t] = 10.0 + 0.8 * (ar1[t - 1] - 10.0) + shocks[t]
    random_walk = 100.0 + np.cumsum(rng.standard_normal(n))
    pair_b = 50.0 + np.cumsum(rng.standard_normal(n))
    noise = rng.standard_normal(n)
    spread = np.empty(n)
    spread[0] = noise[0]
    for t in range(1, n):
        spread[t] = 0.5 * spread[t - 1] + noise[t]
    pair_a = 2.0 + 1.5 * pair_b + spread
    independent = 80.0 + np.cumsum(rng.standard_normal(n))
    t_returns = 0.01 * rng.standard_t(4, n)
    equity = 100.0 * np.exp(np.cumsum(0.01 * rng.standard_normal(n)))
    return {
        "goog_close": close,
        "goog_log": np.log(close),
        "goog_returns": returns,
        "goog_high": goog["high"],
        "goog_low": goog["low"],
        "ar1": ar1,
        "random_walk": random_walk,
        "pair_a": pair_a,
        "pair_b": pair_b,
        "independent": independent,
        "t_returns": t_returns,
        "equity": equity,
    }


def first_all_numbers(columns: list[np.ndarray]) -> int:
    valid = np.all([~np.isnan(c) for c in columns], axis=0)
    return int(np.argmax(valid))


def sample_bars(columns: list[np.ndarray], window: int, stride: int) -> list[int]:
    start = first_all_numbers(columns) + window - 1
    count = len(columns[0])
    bars = list(range(start, count, stride))
    if bars and bars[-1] != count - 1:
        bars.append(count - 1)
    return bars


# ---------------------------------------------------------------------------------------------
# Definitions (docs/statistics.md) written with numpy


def linear_quantile(values: np.ndarray, q: float) -> float:
    return float(np.quantile(values, q))  # numpy's default method, "linear" (Hyndman-Fan 7)


def var_hist(r: np.ndarray, confidence: float) -> float:
    return -linear_quantile(r, 1 - confidence)


def cvar_hist(r: np.ndarray, confidence: float) -> float:
    q = linear_quantile(r, 1 - confidence)
    return float(-r[r <= q].mean())


def var_param(r: np.ndarray, confidence: float) -> float:
    return float(-(r.mean() + r.std(ddof=1) * scipy.stats.norm.ppf(1 - confidence)))


def hurst_rs(window: np.ndarray) -> float:
    increments = np.diff(window)
    m = len(increments)
    log_sizes, log_rs = [], []
    size = m
    level = 0
    while size >= HURST_MIN_CHUNK:
        chunks = m // size
        block = increments[m - chunks * size :].reshape(chunks, size)
        ratios = []
        for chunk in block:
            if chunk.max() == chunk.min():
                continue
            deviations = np.cumsum(chunk - chunk.mean())
            ratios.append((deviations.max() - deviations.min()) / chunk.std())
        if ratios:
            log_sizes.append(math.log(size))
            log_rs.append(math.log(float(np.mean(ratios))))
        level += 1
        size = m >> level
    if len(log_sizes) < 2:
        return math.nan
    return float(np.polyfit(log_sizes, log_rs, 1)[0])


def half_life(window: np.ndarray) -> float:
    lagged = window[:-1]
    change = np.diff(window)
    design = np.column_stack([np.ones(len(lagged)), lagged])
    slope = np.linalg.lstsq(design, change, rcond=None)[0][1]
    return float(-math.log(2) / slope) if slope < 0 else math.nan


def sharpe(r: np.ndarray, periods: float) -> float:
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(r.mean()) / np.float64(r.std(ddof=1)) * math.sqrt(periods))


def sortino(r: np.ndarray, periods: float) -> float:
    downside = math.sqrt(float(np.mean(np.minimum(r, 0) ** 2)))
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(r.mean()) / np.float64(downside) * math.sqrt(periods))


def omega(r: np.ndarray, threshold: float) -> float:
    gains = np.maximum(r - threshold, 0).sum()
    losses = np.maximum(threshold - r, 0).sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(gains) / np.float64(losses))


def drawdown_of_path(path: np.ndarray) -> float:
    return float(np.max(1 - path / np.maximum.accumulate(path)))


def calmar(r: np.ndarray, periods: float) -> float:
    if np.any(r <= -1):
        return math.nan
    equity = np.concatenate([[1.0], np.cumprod(1 + r)])
    annual = equity[-1] ** (periods / len(r)) - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(annual) / np.float64(drawdown_of_path(equity)))


def max_drawdown(x: np.ndarray) -> float:
    return math.nan if np.any(x <= 0) else drawdown_of_path(x)


def drawdown_duration(x: np.ndarray) -> float:
    under = x < np.maximum.accumulate(x)
    longest = run = 0
    for flag in under:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    return float(longest)


def kelly(r: np.ndarray) -> float:
    wins, losses = r[r > 0], r[r < 0]
    win_rate = len(wins) / len(r)
    if len(wins) == 0:
        return math.nan
    if len(losses) == 0:
        return win_rate
    payoff = wins.mean() / -losses.mean()
    return float(win_rate - (1 - win_rate) / payoff)


def zscore(x: np.ndarray) -> float:
    std = x.std(ddof=1)
    return math.nan if std == 0 else float((x[-1] - x.mean()) / std)


def regression(y: np.ndarray, x: np.ndarray) -> tuple[float, float]:
    design = np.column_stack([np.ones(len(x)), x])
    intercept, slope = np.linalg.lstsq(design, y, rcond=None)[0]
    return float(intercept), float(slope)


# ---------------------------------------------------------------------------------------------
# Cases


def rolling_case(kind, series, columns, window, stride, params, compute) -> dict:
    bars = sample_bars(columns, window, stride)
    outputs: dict[str, list] = {}
    for bar in bars:
        windows = [c[bar - window + 1 : bar + 1] for c in columns]
        for name, value in compute(*windows).items():
            outputs.setdefault(name, []).append(value)
    return {"kind": kind, "series": series, "window": window, "params": params, "bars": bars, "expected": outputs}


def adf_values(w: np.ndarray) -> dict:
    result = adfuller(w, regression="c", autolag="AIC", result_object=True)
    return {"statistic": float(result.statistic), "pvalue": float(result.pvalue), "lag": result.lags}


def coint_values(a: np.ndarray, b: np.ndarray) -> dict:
    result = coint(a, b, trend="c", autolag="aic")
    statistic, pvalue = float(result[0]), float(result[1])
    lag = None
    if math.isfinite(statistic):
        # coint does not report the lag: rerun its ADF step (statsmodels' own code path) for it.
        design = np.column_stack([b, np.ones(len(b))])
        residuals = a - design @ np.linalg.lstsq(design, a, rcond=None)[0]
        lag = adfuller(residuals, regression="n", autolag="AIC", result_object=True).lags
    return {"statistic": statistic, "pvalue": pvalue, "lag": lag}


def cases(inputs: dict[str, np.ndarray]) -> list[dict]:
    out = []

    def add(kind, series_names, windows, stride, compute, params=None):
        for series in series_names:
            columns = [inputs[name] for name in series.split("~")]
            for window in windows:
                out.append(rolling_case(kind, series, columns, window, stride, params or {}, compute))

    add("adf", ["goog_close", "goog_log", "ar1", "random_walk"], [20, 60, 250], 6, adf_values)
    add("coint", ["pair_a~pair_b", "independent~pair_b", "goog_high~goog_low"], [30, 120, 250], 7, coint_values)
    add("hurst", ["goog_log", "ar1", "random_walk"], [17, 100, 256], 7, lambda w: {"value": hurst_rs(w)})
    add("half_life", ["goog_log", "ar1", "random_walk"], [3, 20, 100, 250], 9, lambda w: {"value": half_life(w)})
    for confidence in (0.95, 0.99):
        params = {"confidence": confidence}
        for kind, function in (("var_hist", var_hist), ("cvar_hist", cvar_hist), ("var_param", var_param)):
            add(kind, ["goog_returns", "t_returns"], [5, 20, 100, 250], 13,
                lambda w, f=function, c=confidence: {"value": f(w, c)}, params)
    for confidence, paths, seed in ((0.95, 10000, 1), (0.99, 1000, 42)):
        draws = normal_draws(seed, paths)
        params = {"confidence": confidence, "paths": paths, "seed": seed}

        def monte_carlo(w, z=draws, c=confidence):
            simulated = w.mean() + w.std(ddof=1) * z  # every bar reuses the seed's draws
            return {"value": -linear_quantile(simulated, 1 - c)}

        add("var_mc", ["goog_returns", "t_returns"], [20, 250], 25, monte_carlo, params)
    for periods in (252, 12):
        params = {"periods": periods}
        add("sharpe", ["goog_returns", "t_returns"], [2, 20, 252], 11,
            lambda w, p=periods: {"value": sharpe(w, p)}, params)
        add("sortino", ["goog_returns", "t_returns"], [2, 20, 252], 11,
            lambda w, p=periods: {"value": sortino(w, p)}, params)
        add("calmar", ["goog_returns", "t_returns"], [2, 20, 252], 11,
            lambda w, p=periods: {"value": calmar(w, p)}, params)
    for threshold in (0.0, 0.001):
        add("omega", ["goog_returns", "t_returns"], [5, 20, 252], 11,
            lambda w, t=threshold: {"value": omega(w, t)}, {"threshold": threshold})
    add("kelly", ["goog_returns", "t_returns"], [5, 20, 252], 11, lambda w: {"value": kelly(w)})
    add("max_drawdown", ["goog_close", "equity"], [2, 5, 20, 250], 9, lambda w: {"value": max_drawdown(w)})
    add("drawdown_duration", ["goog_close", "equity"], [2, 5, 20, 250], 9,
        lambda w: {"value": drawdown_duration(w)})
    add("mean", ["goog_close", "ar1"], [1, 20, 100], 11, lambda w: {"value": float(w.mean())})
    add("std", ["goog_close", "ar1"], [2, 20, 100], 11, lambda w: {"value": float(w.std(ddof=1))})
    add("zscore", ["goog_close", "ar1", "goog_returns"], [2, 20, 100], 11, lambda w: {"value": zscore(w)})
    add("corr", ["goog_high~goog_low", "pair_a~pair_b"], [3, 20, 100], 11,
        lambda a, b: {"value": float(np.corrcoef(a, b)[0, 1])})
    add("cov", ["goog_high~goog_low", "pair_a~pair_b"], [2, 20, 100], 11,
        lambda a, b: {"value": float(np.cov(a, b, ddof=1)[0, 1])})

    def linreg(y, x):
        intercept, slope = regression(y, x)
        return {"intercept": intercept, "slope": slope}

    add("linreg", ["goog_high~goog_low", "pair_a~pair_b"], [3, 20, 100], 11, linreg)
    add("beta", ["goog_high~goog_low", "pair_a~pair_b"], [2, 20, 100], 11,
        lambda y, x: {"value": regression(y, x)[1]})
    return out


# ---------------------------------------------------------------------------------------------
# Random numbers: SplitMix64 seeding xoshiro256**, Box-Muller (docs/statistics.md)


def splitmix64(state: int) -> tuple[int, int]:
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def rotl(x: int, k: int) -> int:
    return ((x << k) | (x >> (64 - k))) & MASK64


class Xoshiro256StarStar:
    def __init__(self, seed: int):
        state = seed & MASK64
        self.s = []
        for _ in range(4):
            state, value = splitmix64(state)
            self.s.append(value)

    def next(self) -> int:
        s = self.s
        result = (rotl((s[1] * 5) & MASK64, 7) * 9) & MASK64
        t = (s[1] << 17) & MASK64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self) -> float:
        return (self.next() >> 11) * 2.0**-53


def normal_draws(seed: int, count: int) -> np.ndarray:
    generator = Xoshiro256StarStar(seed)
    draws = []
    while len(draws) < count:
        u1 = 1.0 - generator.uniform()  # (0, 1]: log never sees 0
        u2 = generator.uniform()
        radius = math.sqrt(-2.0 * math.log(u1))
        angle = 2.0 * math.pi * u2
        draws.append(radius * math.cos(angle))
        draws.append(radius * math.sin(angle))
    return np.array(draws[:count])


def random_section() -> dict:
    published = Xoshiro256StarStar(0)
    published.s = [1, 2, 3, 4]
    vector = [published.next() for _ in range(10)]
    assert vector[:4] == [11520, 0, 1509978240, 1215971899390074240], vector
    state, splitmix = 1234567, []
    for _ in range(5):
        state, value = splitmix64(state)
        splitmix.append(value)
    assert splitmix[0] == 6457827717110365317, splitmix
    seeded = Xoshiro256StarStar(1)
    return {
        "xoshiro_state_1234": [str(v) for v in vector],
        "splitmix_1234567": [str(v) for v in splitmix],
        "xoshiro_seed_1": [str(seeded.next()) for _ in range(8)],
        "normals_seed_1": list(normal_draws(1, 9)),
    }


# ---------------------------------------------------------------------------------------------
# Distributions and MacKinnon


def distribution_section() -> dict:
    probabilities = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02, 0.02425, 0.025, 0.05, 0.075, 0.1,
                     0.2, 0.3, 0.4, 0.425, 0.45, 0.49, 0.5, 0.5 + 1e-12, 0.51, 0.6, 0.75, 0.9, 0.95, 0.975,
                     0.99, 0.999, 1 - 1e-10, 1 - 2**-52]
    quantiles = {"p": probabilities, "scipy": [float(scipy.stats.norm.ppf(p)) for p in probabilities]}
    if mpmath is not None:
        mpmath.mp.dps = 400  # 1 − 2p must keep p = 1e-300
        exact = []
        for p in probabilities:
            exact.append(float(-mpmath.sqrt(2) * mpmath.erfinv(1 - 2 * mpmath.mpf(p))))
        quantiles["exact"] = exact
    points = [-38.0, -20.0, -8.0, -5.0, -3.0, -1.5, -0.7071, -0.5, -0.1, 0.0, 0.1, 0.5, 0.7071, 1.0, 2.0, 4.0, 9.0]
    cdf = {"x": points, "scipy": [float(scipy.stats.norm.cdf(x)) for x in points]}
    if mpmath is not None:
        cdf["exact"] = [float(mpmath.ncdf(x)) for x in points]
    statistics = [-30.0, -19.0, -18.5, -10.0, -5.0, -4.0, -3.5, -3.13, -2.62, -2.0, -1.61, -1.0, 0.0, 0.5, 0.9,
                  1.5, 2.7, 3.0]
    mackinnon = []
    for regression, n in (("c", 1), ("c", 2), ("n", 1), ("ct", 1), ("c", 6), ("ctt", 3), ("n", 2)):
        mackinnon.append({"regression": regression, "N": n, "statistic": statistics,
                          "pvalue": [float(mackinnonp(s, regression=regression, N=n)) for s in statistics]})
    return {"normal_quantile": quantiles, "normal_cdf": cdf, "mackinnon": mackinnon}


def full_sample_section(inputs: dict[str, np.ndarray]) -> list[dict]:
    out = []
    for series in ("goog_log", "ar1", "random_walk"):
        x = inputs[series]
        out.append({"kind": "adf", "series": series, **adf_values(x[~np.isnan(x)])})
    for series in ("pair_a~pair_b", "independent~pair_b"):
        a, b = (inputs[name] for name in series.split("~"))
        out.append({"kind": "coint", "series": series, **coint_values(a, b)})
    return out


# ---------------------------------------------------------------------------------------------


def clean(value):
    """NaN as null, numpy scalars as Python numbers (repr: shortest round-trip decimal)."""
    if isinstance(value, dict):
        return {key: clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [clean(item) for item in value]
    if isinstance(value, (np.integer, int)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, (np.floating, float)):
        value = float(value)
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    return value


def main() -> None:
    inputs = make_inputs()
    document = {
        "generator": "scripts/reference/statistics_reference.py",
        "versions": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__,
            "mpmath": None if mpmath is None else mpmath.__version__,
        },
        "seed": SEED,
        "inputs": {name: column for name, column in inputs.items() if name not in GOOG_CSV_COLUMNS},
        "full_sample": full_sample_section(inputs),
        "random": random_section(),
        "distributions": distribution_section(),
        "cases": cases(inputs),
    }
    OUTPUT.write_text(json.dumps(clean(document), separators=(",", ":"), allow_nan=False) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size} bytes, {len(document['cases'])} cases)")


if __name__ == "__main__":
    main()
