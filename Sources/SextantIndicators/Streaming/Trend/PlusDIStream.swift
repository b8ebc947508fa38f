/// Plus directional indicator, one bar at a time: the streaming twin of `PlusDI`; reads high, low and close.
///
/// State: a `StreamDirectionalMovement` (the Wilder sums of the directional movements and the true
/// range) with the batch kernel's arithmetic.
public struct PlusDIStream: BarStream {
    /// The smoothing length.
    public let length: Int
    private var core: StreamDirectionalMovement

    /// A `length`-bar PlusDI; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = StreamDirectionalMovement(length: length, output: .plusDI)
    }

    /// `PlusDI.lookback(length:)`.
    public var lookback: Int { PlusDI.lookback(length: length) }

    /// The PlusDI at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        return core.next(high: high, low: low, close: close) ?? .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
