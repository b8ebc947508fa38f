/// A `ConditionalStream` behind the builtin interface: input 0 is the condition (true where it is 1),
/// input 1 the series it samples.
///
/// The update goes through `step`, made by `init` where the stream's type is known (see
/// `SeriesStreamAdapter`).
struct ConditionalStreamAdapter<Base: ConditionalStream>: BuiltinStream where Base.Output: BuiltinStreamOutput {
    /// One update of the typed stream, written into the output columns.
    typealias Step = @Sendable (inout Base, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void

    private let step: Step
    private let outputCount: Int
    /// The typed stream.
    var base: Base

    /// Wraps `base`.
    init(base: Base) {
        step = { base, inputs, outputs in base.update(when: inputs[0] == 1, inputs[1]).write(into: outputs) }
        outputCount = Base.Output.columnCount
        self.base = base
    }

    var lookback: Int { base.lookback }

    mutating func reset() { base.reset() }

    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>) {
        // Unsafe buffers are unchecked in release builds: a miscounted call must trap, not read past.
        precondition(inputs.count == 2 && outputs.count == outputCount, "wrong column count")
        step(&base, inputs, outputs)
    }
}
