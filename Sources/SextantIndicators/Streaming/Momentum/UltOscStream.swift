/// Ultimate oscillator, one bar at a time: the streaming twin of `UltOsc`; reads high, low and close.
///
/// State: the previous close, the last `long` bars' buying pressure and true range in two rings, and
/// the three windows' running sums of each. The seed sums cover the same bars in the same order as
/// the batch kernel's, and later bars add the newest value less the one leaving, as it does.
public struct UltOscStream: BarStream {
    /// The three lengths, ascending (weights 4, 2, 1).
    public let lengths: (short: Int, medium: Int, long: Int)
    private var pressures: StreamRing
    private var ranges: StreamRing
    private var index = 0
    private var previousClose = 0.0
    private var a1 = 0.0
    private var b1 = 0.0
    private var a2 = 0.0
    private var b2 = 0.0
    private var a3 = 0.0
    private var b3 = 0.0

    /// ULTOSC over the three lengths, in any order; lengths < 1 give NaN on every bar.
    public init(fastLength: Int, mediumLength: Int, slowLength: Int) {
        let sorted = [fastLength, mediumLength, slowLength].sorted()
        lengths = (sorted[0], sorted[1], sorted[2])
        pressures = StreamRing(capacity: sorted[2] + 1)
        ranges = StreamRing(capacity: sorted[2] + 1)
    }

    /// `UltOsc.lookback(fastLength:mediumLength:slowLength:)`.
    public var lookback: Int {
        UltOsc.lookback(fastLength: lengths.short, mediumLength: lengths.medium, slowLength: lengths.long)
    }

    /// The oscillator at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .nan
        }
        let (short, medium, long) = lengths
        guard short >= 1 else { return .nan }
        let bar = index
        index += 1
        let previous = previousClose
        previousClose = close
        guard bar > 0 else { return .nan }
        let pressure = close - Swift.min(low, previous)
        let range = TRange.value(high, low, previous)
        pressures.push(pressure)
        ranges.push(range)
        if bar <= long {
            // Seed sums: each window's bars up to `long`, in bar order.
            if bar > long - short {
                a1 += pressure
                b1 += range
            }
            if bar > long - medium {
                a2 += pressure
                b2 += range
            }
            a3 += pressure
            b3 += range
            guard bar == long else { return .nan }
        } else {
            a1 += pressure - pressures.back(short)
            b1 += range - ranges.back(short)
            a2 += pressure - pressures.back(medium)
            b2 += range - ranges.back(medium)
            a3 += pressure - pressures.back(long)
            b3 += range - ranges.back(long)
        }
        var total = 0.0
        if b1 != 0 { total += 4 * (a1 / b1) }
        if b2 != 0 { total += 2 * (a2 / b2) }
        if b3 != 0 { total += a3 / b3 }
        return 100 * (total / 7)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        pressures.reset()
        ranges.reset()
        index = 0
        previousClose = 0
        a1 = 0
        b1 = 0
        a2 = 0
        b2 = 0
        a3 = 0
        b3 = 0
    }
}
