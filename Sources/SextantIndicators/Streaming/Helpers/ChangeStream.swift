/// `source − source[length]`, one bar at a time: the streaming twin of `Change` (TA-Lib's `MOM`).
///
/// State: a `MOMStream`.
public struct ChangeStream: SeriesStream {
    /// How many bars back the value is compared with.
    public let length: Int
    private var core: MOMStream

    /// The `length`-bar change; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = MOMStream(length: length)
    }

    /// `Change.lookback(length:)`.
    public var lookback: Int { Change.lookback(length: length) }

    /// The change at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double { core.update(value) }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
