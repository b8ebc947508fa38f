/// A `TripleStream` behind the builtin interface: inputs 0, 1 and 2 are the three series.
struct TripleStreamAdapter<Base: TripleStream>: BuiltinStream where Base.Output: BuiltinStreamOutput {
    /// The typed stream.
    var base: Base

    var lookback: Int { base.lookback }

    mutating func reset() { base.reset() }

    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>) {
        // Unsafe buffers are unchecked in release builds: a miscounted call must trap, not read past.
        precondition(inputs.count == 3 && outputs.count == Base.Output.columnCount, "wrong column count")
        base.update(inputs[0], inputs[1], inputs[2]).write(into: outputs)
    }
}
