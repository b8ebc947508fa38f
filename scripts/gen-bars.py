#!/usr/bin/env python3
"""Writes a synthetic OHLCV CSV for benchmarking the bar reader (not for testing values).

    scripts/gen-bars.py --rows 10000000 --time datetime > /tmp/bars-10m.csv

A seeded random walk of one-minute bars with two-decimal prices and integer volumes, the shape that
exchange and broker exports have. --time picks the time column: date (one bar a day), datetime
(ISO-8601 with Z), epoch (seconds) or epoch-ms. --noisy writes prices with 17 significant digits (as
float32-to-float64 conversions leave them), which defeats the reader's exact fast path.
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
    args = parser.parse_args()

    rng = random.Random(args.seed)
    step = 86_400 if args.time == "date" else 60
    start = 946_684_800  # 2000-01-01T00:00:00Z
    price = 100.0
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
