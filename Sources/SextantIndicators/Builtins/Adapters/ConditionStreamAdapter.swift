/// A `ConditionStream` behind the builtin interface: input 0 is the condition, true where it is 1.
struct ConditionStreamAdapter<Base: ConditionStream>: BuiltinStream where Base.Output: BuiltinStreamOutput {
    /// The typed stream.
    var base: Base

    var lookback: Int { base.lookback }

    mutating func reset() { base.reset() }

    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>) {
        // Unsafe buffers are unchecked in release builds: a miscounted call must trap, not read past.
        precondition(inputs.count == 1 && outputs.count == Base.Output.columnCount, "wrong column count")
        base.update(inputs[0] == 1).write(into: outputs)
    }
}
