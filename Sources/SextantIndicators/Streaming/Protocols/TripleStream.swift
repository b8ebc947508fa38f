/// A stream over three series: `clamp(x, low, high)` with series bounds.
public protocol TripleStream<Output>: StreamingKernel {
    /// What one bar yields.
    associatedtype Output

    /// Takes the next bar's values of the three series and returns the output for that bar.
    mutating func update(_ first: Double, _ second: Double, _ third: Double) -> Output
}
