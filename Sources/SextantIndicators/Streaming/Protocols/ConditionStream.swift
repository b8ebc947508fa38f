/// A stream over a condition (`series<bool>`): `barssince(cond)`.
public protocol ConditionStream<Output>: StreamingKernel {
    /// What one bar yields.
    associatedtype Output

    /// Takes whether the condition holds on the next bar and returns the output for that bar.
    mutating func update(_ condition: Bool) -> Output
}
