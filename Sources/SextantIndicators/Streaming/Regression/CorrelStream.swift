/// Pearson correlation of two series over a window, one bar at a time: the streaming twin of `Correl`.
///
/// State: a `StreamCovariance` (the batch kernel's shifted running sums and rebuild schedule).
public struct CorrelStream: PairStream {
    /// The window length.
    public let length: Int
    private var core: StreamCovariance

    /// The `length`-bar correlation; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = StreamCovariance(length: length, output: .correlation)
    }

    /// `Correl.lookback(length:)`.
    public var lookback: Int { Correl.lookback(length: length) }

    /// The correlation of the windows ending at this bar; NaN during the warm-up and when either input
    /// is NaN.
    public mutating func update(_ first: Double, _ second: Double) -> Double {
        guard !(first.isNaN || second.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        return core.next(first, second) ?? .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
