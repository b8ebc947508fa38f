/// A stream over a condition and a series that it samples: `valuewhen(cond, source, n)`.
public protocol ConditionalStream<Output>: StreamingKernel {
    /// What one bar yields.
    associatedtype Output

    /// Takes the next bar's condition and series value and returns the output for that bar.
    mutating func update(when condition: Bool, _ value: Double) -> Output
}
