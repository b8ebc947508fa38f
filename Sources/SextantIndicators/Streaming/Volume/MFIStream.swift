/// Money flow index, one bar at a time: the streaming twin of `MFI`; reads high, low, close and volume.
///
/// State: the previous typical price, the last `length` bars' positive and negative flows in rings,
/// their running sums and the count of bars in a row that added no flow (a whole window of them
/// zeroes the sums, TA-Lib 0.8's residue rule), all as the batch kernel keeps them.
public struct MFIStream: BarStream {
    /// The window length.
    public let length: Int
    private var positives: StreamRing
    private var negatives: StreamRing
    private var index = 0
    private var previous = 0.0
    private var positiveSum = 0.0
    private var negativeSum = 0.0
    private var emptyRun = 0

    /// A `length`-bar MFI; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        positives = StreamRing(capacity: length)
        negatives = StreamRing(capacity: length)
    }

    /// `MFI.lookback(length:)`.
    public var lookback: Int { MFI.lookback(length: length) }

    /// The MFI at this bar; NaN during the warm-up and when an input is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN || volume.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        let typical = (high + low + close) / 3
        guard bar > 0 else {
            previous = typical
            return .nan
        }
        let change = typical - previous
        let flow =
            Swift.abs(change) <= 1e-14 * (Swift.abs(typical) + Swift.abs(previous)) ? 0 : typical * volume
        previous = typical
        let up = change < 0 ? 0 : flow
        let down = change < 0 ? flow : 0
        // The flows of bar − length leave the window (the ring holds exactly `length` bars).
        let leavingUp = positives.push(up)
        let leavingDown = negatives.push(down)
        if bar > length {
            positiveSum -= leavingUp
            negativeSum -= leavingDown
        }
        positiveSum += up
        negativeSum += down
        emptyRun = flow == 0 ? emptyRun + 1 : 0
        if emptyRun >= length {
            emptyRun = length
            positiveSum = 0
            negativeSum = 0
        }
        guard bar >= length else { return .nan }
        let total = positiveSum + negativeSum
        let clamped = Swift.min(Swift.max(positiveSum, 0), total)
        return total <= 0 ? 0 : 100 * (clamped / total)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        positives.reset()
        negatives.reset()
        index = 0
        previous = 0
        positiveSum = 0
        negativeSum = 0
        emptyRun = 0
    }
}
