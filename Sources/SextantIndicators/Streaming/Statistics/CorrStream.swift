/// Rolling Pearson correlation, one bar at a time: the streaming twin of `Corr`.
///
/// State: a `StreamCovariance` in correlation mode, the running sums `Corr` shares with `Correl`.
public struct CorrStream: PairStream {
    /// The window length.
    public let length: Int
    private var core: StreamCovariance

    /// The `length`-bar correlation; `length` < 2 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = StreamCovariance(length: length, output: .correlation)
    }

    /// `Corr.lookback(length:)`.
    public var lookback: Int { Corr.lookback(length: length) }

    /// The correlation of the windows ending at this bar; NaN during the warm-up and when either input
    /// is NaN.
    public mutating func update(_ first: Double, _ second: Double) -> Double {
        guard !(first.isNaN || second.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 2 else { return .nan }
        return core.next(first, second) ?? .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
