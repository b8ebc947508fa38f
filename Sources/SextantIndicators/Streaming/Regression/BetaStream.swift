/// Beta of the second series on the first, one bar at a time: the streaming twin of `Beta` (the
/// least-squares slope of one-bar returns over the last `length` returns).
///
/// State: the previous prices of both series, whether the run has them, and a `StreamCovariance` of
/// the returns (the batch kernel's shifted running sums and rebuild schedule).
public struct BetaStream: PairStream {
    /// The number of returns in the window.
    public let length: Int
    private var core: StreamCovariance
    /// The previous prices of both series, stored as one pair: the next update loads them as one, and
    /// a load the processor cannot forward from the stores that wrote it waits for them to reach the
    /// cache (≈ 4 ns an update when they were two stores).
    private var previous = SIMD2<Double>()
    private var started = false

    /// Beta over `length` returns; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = StreamCovariance(length: length, output: .slope)
    }

    /// `Beta.lookback(length:)`.
    public var lookback: Int { Beta.lookback(length: length) }

    /// Beta at this bar; NaN during the warm-up and when either input is NaN.
    public mutating func update(_ first: Double, _ second: Double) -> Double {
        guard !(first.isNaN || second.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let previous = self.previous
        defer {
            self.previous = SIMD2(first, second)
            started = true
        }
        guard started else { return .nan }
        let x = Self.oneBarReturn(first, previous[0])
        let y = Self.oneBarReturn(second, previous[1])
        return core.next(x, y) ?? .nan
    }

    /// `(price − previous)/previous`, 0 when `previous` is 0 (as `Beta`).
    @inline(__always)
    private static func oneBarReturn(_ price: Double, _ previous: Double) -> Double {
        previous != 0 ? (price - previous) / previous : 0
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        core.reset()
        previous = SIMD2()
        started = false
    }
}
