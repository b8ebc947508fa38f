/// A `SeriesStream` behind the builtin interface: input 0 is the series.
struct SeriesStreamAdapter<Base: SeriesStream>: BuiltinStream where Base.Output: BuiltinStreamOutput {
    /// The typed stream.
    var base: Base

    var lookback: Int { base.lookback }

    mutating func reset() { base.reset() }

    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>) {
        // Unsafe buffers are unchecked in release builds: a miscounted call must trap, not read past.
        precondition(inputs.count == 1 && outputs.count == Base.Output.columnCount, "wrong column count")
        base.update(inputs[0]).write(into: outputs)
    }
}
