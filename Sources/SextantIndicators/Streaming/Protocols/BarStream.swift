public import SextantCore

/// A stream over the fields of a bar: `atr(14)`, `stoch(5, 3, 3)`, `obv`, …
///
/// Every bar stream takes all five fields so that a feed can drive any of them the same way, but reads
/// (and applies the NaN policy to) only the fields its batch kernel takes: a NaN volume does not
/// interrupt `ATRStream`, which reads high, low and close.
public protocol BarStream<Output>: StreamingKernel {
    /// What one bar yields: `Double` or a small record.
    associatedtype Output

    /// Takes the next bar and returns the output for that bar.
    mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Output
}

extension BarStream {
    /// Takes the next bar and returns the output for that bar.
    @inlinable
    public mutating func update(_ bar: Bar) -> Output {
        update(open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume)
    }
}
