/// Average directional movement rating, one bar at a time: the streaming twin of `ADXR`
/// (`(ADX[i] + ADX[i − (n − 1)])/2`); reads high, low and close.
///
/// State: a `StreamDirectionalMovement` for the ADX, the last `length` ADX values in a ring and the
/// bar's place in the run.
public struct ADXRStream: BarStream {
    /// The smoothing length.
    public let length: Int
    private var core: StreamDirectionalMovement
    private var history: StreamRing
    private var index = 0

    /// A `length`-bar ADXR; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = StreamDirectionalMovement(length: length, output: .adx)
        history = StreamRing(capacity: length)
    }

    /// `ADXR.lookback(length:)`.
    public var lookback: Int { ADXR.lookback(length: length) }

    /// The ADXR at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        guard let adx = core.next(high: high, low: low, close: close) else { return .nan }
        history.push(adx)
        guard bar >= lookback else { return .nan }
        return (adx + history.back(length - 1)) / 2
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        core.reset()
        history.reset()
        index = 0
    }
}
