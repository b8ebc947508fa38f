/// Beta of the second series on the first, one bar at a time: the streaming twin of `Beta` (the
/// least-squares slope of one-bar returns over the last `length` returns).
///
/// State: the previous prices of both series, whether the run has them, and a `StreamCovariance` of
/// the returns (the batch kernel's shifted running sums and rebuild schedule).
public struct BetaStream: PairStream {
    /// The number of returns in the window.
    public let length: Int
    private var core: StreamCovariance
    private var previousFirst = 0.0
    private var previousSecond = 0.0
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
        defer {
            previousFirst = first
            previousSecond = second
            started = true
        }
        guard started else { return .nan }
        let x = Self.oneBarReturn(first, previousFirst)
        let y = Self.oneBarReturn(second, previousSecond)
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
        previousFirst = 0
        previousSecond = 0
        started = false
    }
}
