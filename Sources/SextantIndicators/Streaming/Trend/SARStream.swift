/// Parabolic stop and reverse, one bar at a time: the streaming twin of `SAR`; reads high and low.
///
/// State: the direction, the SAR, the extreme point, the acceleration factor and the last two bars'
/// highs and lows (the first bar of a run is kept for TA-Lib's bootstrap on the second). Each bar is
/// the batch kernel's step, in its order.
public struct SARStream: BarStream {
    /// The acceleration step (lowered to `maximum` if above it).
    public let acceleration: Double
    /// The largest acceleration factor.
    public let maximum: Double
    private let step: Double
    private var index = 0
    private var isLong = true
    private var factor = 0.0
    private var extreme = 0.0
    private var sar = 0.0
    private var newHigh = 0.0
    private var newLow = 0.0

    /// The parabolic SAR with the given acceleration step and maximum.
    public init(acceleration: Double, maximum: Double) {
        self.acceleration = acceleration
        self.maximum = maximum
        step = Swift.min(acceleration, maximum)
    }

    /// `SAR.lookback()`.
    public var lookback: Int { SAR.lookback() }

    /// The SAR in force at this bar; NaN on a run's first bar and when high or low is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN) else {
            reset()
            return .nan
        }
        let bar = index
        index += 1
        if bar == 0 {
            // Bar 0 only seeds the bootstrap; its values wait in newHigh/newLow.
            newHigh = high
            newLow = low
            return .nan
        }
        if bar == 1 {
            // TA-Lib's bootstrap from bars 0 and 1; the step below then sees bar 1 as its own previous.
            factor = step
            let up = high - newHigh
            let down = newLow - low
            isLong = !(down > 0 && up < down)
            if isLong {
                extreme = high
                sar = newLow
            } else {
                extreme = low
                sar = newHigh
            }
            newLow = low
            newHigh = high
        }
        let previousLow = newLow
        let previousHigh = newHigh
        newLow = low
        newHigh = high
        let output: Double
        if isLong {
            if newLow <= sar {
                // Reverse to short at the extreme point, kept above the last two highs.
                isLong = false
                sar = Swift.max(extreme, previousHigh, newHigh)
                output = sar
                factor = step
                extreme = newLow
                sar += factor * (extreme - sar)
                sar = Swift.max(sar, previousHigh, newHigh)
            } else {
                output = sar
                if newHigh > extreme {
                    extreme = newHigh
                    factor = Swift.min(factor + step, maximum)
                }
                sar += factor * (extreme - sar)
                sar = Swift.min(sar, previousLow, newLow)
            }
        } else if newHigh >= sar {
            // Reverse to long at the extreme point, kept below the last two lows.
            isLong = true
            sar = Swift.min(extreme, previousLow, newLow)
            output = sar
            factor = step
            extreme = newHigh
            sar += factor * (extreme - sar)
            sar = Swift.min(sar, previousLow, newLow)
        } else {
            output = sar
            if newLow < extreme {
                extreme = newLow
                factor = Swift.min(factor + step, maximum)
            }
            sar += factor * (extreme - sar)
            sar = Swift.max(sar, previousHigh, newHigh)
        }
        return output
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        index = 0
        isLong = true
        factor = 0
        extreme = 0
        sar = 0
        newHigh = 0
        newLow = 0
    }
}
