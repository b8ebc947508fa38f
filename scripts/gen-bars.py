#!/usr/bin/env python3
"""Writes a synthetic OHLCV CSV for benchmarking the bar reader (not for testing values).

    scripts/gen-bars.py --rows 10000000 --time datetime > /tmp/bars-10m.csv

A seeded random walk of one-minute bars with two-decimal prices and integer volumes, the shape that
exchange and broker exports have. --time picks the time column: date (one bar a day), datetime
(ISO-8601 with Z), epoch (seconds) or epoch-ms. --noisy writes prices with 17 significant digits (as
float32-to-float64 conversions leave them), which defeats the reader's exact fast path.

--walk picks the price process. `additive` (the default, what the reader benchmarks use): each close
is the previous one plus a normal step of 0.5, floored at 1.00, so over millions of bars the price
spends long stretches near the floor, where one step can double it. `relative`: each close is the
previous one times (1 + v·z), z standard normal and v = --volatility (default 0.001, 0.1 % a bar, about
a one-minute bar's), plus a pull of 0.001 % of the distance back to 100, so that ten million bars stay
within about 50…260 (1st–99th percentile 58…193 with the default seed); high and low lie a uniform fraction of up to v/2 beyond the body. Backtests over
millions of bars need `relative`: on the additive walk an all-in short is wiped out by the first jump
off the floor, which ends the run.
"""
import argparse
import datetime
import random
import sys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--time", choices=["date", "datetime", "epoch", "epoch-ms"], default="datetime")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--noisy", action="store_true")
    parser.add_argument("--walk", choices=["additive", "relative"], default="additive")
    parser.add_argument("--volatility", type=float, default=0.001, help="the relative walk's step, a fraction")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    step = 86_400 if args.time == "date" else 60
    start = 946_684_800  # 2000-01-01T00:00:00Z
    price = 100.0
    relative = args.walk == "relative"
    out = sys.stdout
    out.write("time,open,high,low,close,volume\n")
    chunk = []
    for index in range(args.rows):
        seconds = start + index * step
        if args.time == "date":
            stamp = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%d")
        elif args.time == "datetime":
            stamp = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        elif args.time == "epoch":
            stamp = str(seconds)
        else:
            stamp = str(seconds * 1000)
        open_ = price
        if relative:
            close = open_ * (1 + args.volatility * rng.gauss(0, 1)) + 0.00001 * (100 - open_)
            high = max(open_, close) * (1 + args.volatility / 2 * rng.random())
            low = min(open_, close) * (1 - args.volatility / 2 * rng.random())
        else:
            close = max(1.0, open_ + rng.gauss(0, 0.5))
            high = max(open_, close) + abs(rng.gauss(0, 0.2))
            low = min(open_, close) - abs(rng.gauss(0, 0.2))
        volume = rng.randint(100, 5_000_000)
        price = close
        if args.noisy:
            fields = [repr(v + 1e-13) for v in (open_, high, low, close)]
        else:
            fields = [f"{v:.2f}" for v in (open_, high, low, close)]
        chunk.append(f"{stamp},{fields[0]},{fields[1]},{fields[2]},{fields[3]},{volume}\n")
        if len(chunk) >= 100_000:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))


if __name__ == "__main__":
    main()
