/// Rolling Hurst exponent, one bar at a time: the streaming twin of `Hurst`.
///
/// State: the window in a `StreamWindow` and the estimator's scratch (increments and log points),
/// both allocated in `init`. The batch kernel recomputes the rescaled ranges of every window, so the
/// stream calls the same per-window function, `Hurst.estimate`, on the same values: O(length) per
/// bar, as the batch.
public struct HurstStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var window: StreamWindow
    private var scratch: ContiguousArray<Double>

    /// The `length`-bar Hurst exponent; `length` below `Hurst.minimumLength` gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        window = StreamWindow(capacity: length)
        scratch = ContiguousArray(repeating: 0, count: Hurst.scratchCount(length: Swift.max(length, 1)))
    }

    /// `Hurst.lookback(length:)`.
    public var lookback: Int { Hurst.lookback(length: length) }

    /// The Hurst exponent of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= Hurst.minimumLength else { return .nan }
        window.push(value)
        guard window.isFull else { return .nan }
        let count = length
        return window.withWindow { values in
            scratch.withUnsafeMutableBufferPointer { buffer in
                // The scratch holds `Hurst.scratchCount(length:)` ≥ 1 values, so its base exists.
                guard let base = buffer.baseAddress else { return .nan }
                return Hurst.estimate(values, count: count, scratch: base)
            }
        }
    }

    /// Forgets every bar seen (the scratch is rewritten before it is read).
    public mutating func reset() { window.reset() }
}
