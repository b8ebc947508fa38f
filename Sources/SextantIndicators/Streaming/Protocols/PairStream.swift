/// A stream over two series: `correl(a, b, 30)`, `crosses_above(a, b)`, `max(a, b)`, …
public protocol PairStream<Output>: StreamingKernel {
    /// What one bar yields: `Double` or `Bool`.
    associatedtype Output

    /// Takes the next bar's values of both series and returns the output for that bar.
    mutating func update(_ first: Double, _ second: Double) -> Output
}
