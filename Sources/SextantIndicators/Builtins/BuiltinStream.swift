/// The streaming form of a builtin behind one interface: whatever its shape (a series, two series, the
/// bar's fields, a condition…), it takes one bar's input columns and writes that bar's outputs.
///
/// Made by `BuiltinKernel.makeStream(_:)`. The stream evaluator keeps one per graph node and, on every
/// new bar, gathers the node's inputs into a small buffer and calls `update(_:into:)`:
///
/// ```swift
/// guard let kernel = BuiltinTable.lookup("sma")?.kernel else { return }
/// var stream = kernel.makeStream([3])  // length 3
/// var output = [Double.nan]
/// for close in [1.0, 2, 3, 4] {
///     output.withUnsafeMutableBufferPointer { out in
///         [close].withUnsafeBufferPointer { stream.update($0, into: out) }
///     }
///     print(output[0])  // nan, nan, 2.0, 3.0
/// }
/// ```
///
/// Inputs and outputs follow `BuiltinKernel`'s column convention and order: the series, condition and
/// value arguments in parameter order, then the bar fields in the entry's `reads` order; a condition
/// is read as `value == 1`, and a condition output is written as 1 or 0. Each bar's outputs are
/// bit-identical to the batch kernel's for that bar of the whole column.
public protocol BuiltinStream: Sendable {
    /// Bars of an unbroken run before the first valid output (the typed stream's `lookback`).
    var lookback: Int { get }

    /// Forgets every bar seen, keeping the buffers: the stream behaves as if newly made.
    mutating func reset()

    /// Takes one bar's input values and writes that bar's outputs; never allocates.
    ///
    /// - Precondition: `inputs.count` is the kernel's `inputCount` and `outputs.count` its
    ///   `outputCount`.
    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>)
}
