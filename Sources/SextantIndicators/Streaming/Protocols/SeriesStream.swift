/// A stream over one series: `sma(close, 14)`, `rsi(x, 14)`, `highest(x, 20)`, …
///
/// ```swift
/// var sma = SMAStream(length: 3)
/// for close in [1.0, 2, 3, 4] { print(sma.update(close)) }  // nan, nan, 2.0, 3.0
/// ```
public protocol SeriesStream<Output>: StreamingKernel {
    /// What one bar yields: `Double`, `Bool`, or a small record.
    associatedtype Output

    /// Takes the next bar's value and returns the output for that bar.
    mutating func update(_ value: Double) -> Output
}
