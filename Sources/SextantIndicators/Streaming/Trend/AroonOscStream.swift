/// Aroon oscillator, one bar at a time: the streaming twin of `AroonOsc`
/// (`(100/n)·(highestIndex − lowestIndex)`, as TA-Lib computes it); reads high and low.
///
/// State: an `AroonStream`, whose `StreamArgExtremes` gives the ages of the window's extremes.
public struct AroonOscStream: BarStream {
    /// The look-back length `n` (windows of `n + 1` bars).
    public let length: Int
    private let factor: Double
    private var core: AroonStream

    /// The Aroon oscillator over `length + 1` bars; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        factor = 100.0 / Double(length)
        core = AroonStream(length: length)
    }

    /// `AroonOsc.lookback(length:)`.
    public var lookback: Int { AroonOsc.lookback(length: length) }

    /// The oscillator at this bar; NaN during the warm-up and when high or low is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard let window = core.next(high: high, low: low) else { return .nan }
        // `highestIndex − lowestIndex`, as the batch kernel computes it, from the two ages.
        return factor * Double(window.lowest - window.highest)
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
