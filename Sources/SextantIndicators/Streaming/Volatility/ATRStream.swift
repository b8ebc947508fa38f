/// Average true range, one bar at a time: the streaming twin of `ATR` (and, as `NATRStream`'s core, of
/// `NATR`); reads high, low and close.
///
/// State: the previous close, the seed sum of true ranges, the ATR at the start of the current group of
/// four bars, the running ATR inside the group and the group's first three true ranges. The batch
/// kernel advances four bars per step (`WilderAverage.step4`), the three bars in between computed one
/// step at a time; the stream keeps that grouping, counted from the first bar after the seed, so every
/// output has the batch's bit pattern.
public struct ATRStream: BarStream {
    /// The period.
    public let length: Int
    private let normalized: Bool
    private let wilder: WilderAverage
    private var index = 0
    private var previousClose = 0.0
    private var seedSum = 0.0
    private var groupStart = 0.0
    private var average = 0.0
    private var group: (Double, Double, Double) = (0, 0, 0)

    /// A `length`-bar ATR; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.init(length: length, normalized: false)
    }

    /// An ATR, or with `normalized` NATR's `(atr/close)·100` (0 when close is 0).
    init(length: Int, normalized: Bool) {
        self.length = length
        self.normalized = normalized
        wilder = WilderAverage(length: Swift.max(length, 1))
    }

    /// `ATR.lookback(length:)`.
    public var lookback: Int { ATR.lookback(length: length) }

    /// The ATR at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        let previous = previousClose
        previousClose = close
        guard bar > 0 else { return .nan }
        let range = TRange.value(high, low, previous)
        if bar <= length {
            seedSum += range
            guard bar == length else { return .nan }
            average = seedSum / Double(length)
            groupStart = average
            return output(close)
        }
        switch (bar - length - 1) & 3 {
        case 0:
            group.0 = range
            average = wilder.step(average, range)
        case 1:
            group.1 = range
            average = wilder.step(average, range)
        case 2:
            group.2 = range
            average = wilder.step(average, range)
        default:
            // The fourth bar of a group comes off the chain from the group's start.
            average = wilder.step4(groupStart, group.0, group.1, group.2, range)
            groupStart = average
        }
        return output(close)
    }

    @inline(__always)
    private func output(_ close: Double) -> Double {
        guard normalized else { return average }
        return close != 0 ? (average / close) * 100 : 0
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        index = 0
        previousClose = 0
        seedSum = 0
        groupStart = 0
        average = 0
        group = (0, 0, 0)
    }
}
