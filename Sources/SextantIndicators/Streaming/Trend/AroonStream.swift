/// Aroon up and down, one bar at a time: the streaming twin of `Aroon`; reads high and low.
///
/// State: monotonic deques (`StreamDeque`) of the highs and lows of the last `length + 1` bars with
/// their bar indices (on ties the most recent bar counts, as in TA-Lib), and the bar's place in the run.
public struct AroonStream: BarStream {
    /// One bar's Aroon up and down.
    public struct Output: Sendable, Equatable {
        /// `(100/n)·(n − bars since the highest high)`.
        public var up: Double
        /// `(100/n)·(n − bars since the lowest low)`.
        public var down: Double

        /// Both NaN.
        public static let unavailable = Output(up: .nan, down: .nan)
    }

    /// The look-back length `n` (windows of `n + 1` bars).
    public let length: Int
    private let factor: Double
    private var highest: StreamDeque
    private var lowest: StreamDeque
    private var index = 0

    /// Aroon over `length + 1` bars; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        factor = 100.0 / Double(length)
        highest = StreamDeque(window: Swift.max(length, 0) + 1, maximum: true)
        lowest = StreamDeque(window: Swift.max(length, 0) + 1, maximum: false)
    }

    /// `Aroon.lookback(length:)`.
    public var lookback: Int { Aroon.lookback(length: length) }

    /// Aroon up and down at this bar; NaN during the warm-up and when high or low is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Output {
        guard let (highIndex, lowIndex, bar) = next(high: high, low: low) else { return .unavailable }
        return Output(
            up: factor * Double(length - (bar - highIndex)), down: factor * Double(length - (bar - lowIndex)))
    }

    /// Takes the next bar (NaN policy included); returns the indices of the window's highest high and
    /// lowest low and of this bar, or nil during the warm-up. Shared with `AroonOscStream`.
    @inline(__always)
    mutating func next(high: Double, low: Double) -> (highIndex: Int, lowIndex: Int, bar: Int)? {
        guard !(high.isNaN || low.isNaN) else {
            reset()
            return nil
        }
        guard length >= 1 else { return nil }
        let bar = index
        index += 1
        highest.push(bar, high)
        lowest.push(bar, low)
        guard bar >= length else { return nil }
        highest.expire(before: bar - length)
        lowest.expire(before: bar - length)
        return (highest.frontIndex, lowest.frontIndex, bar)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        highest.removeAll()
        lowest.removeAll()
        index = 0
    }
}
