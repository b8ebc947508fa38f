/// Triangular moving average, one bar at a time: the streaming twin of `TRIMA` (an SMA of an SMA).
///
/// State: the inner and outer `SMAStream`s (lengths as the batch kernel splits `length`) and the bar's
/// place in the run; the outer SMA is fed from the inner one's first value on.
public struct TRIMAStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var inner: SMAStream
    private var outer: SMAStream
    private var index = 0

    /// A `length`-bar TRIMA; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        inner = SMAStream(length: length % 2 == 0 ? length / 2 : (length + 1) / 2)
        outer = SMAStream(length: length % 2 == 0 ? length / 2 + 1 : (length + 1) / 2)
    }

    /// `TRIMA.lookback(length:)`.
    public var lookback: Int { TRIMA.lookback(length: length) }

    /// The TRIMA at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        let averaged = inner.next(value)
        guard bar >= inner.length - 1 else { return .nan }
        return outer.next(averaged)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        inner.reset()
        outer.reset()
        index = 0
    }
}
