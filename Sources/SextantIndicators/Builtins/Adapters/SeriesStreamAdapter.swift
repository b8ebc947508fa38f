/// A `SeriesStream` behind the builtin interface: input 0 is the series.
///
/// The update goes through `step`, made by `init` where the stream's type is known: the protocol
/// witness of a generic type runs unspecialized code, whose calls to `Base`'s and its output's
/// witnesses cost about 5 ns an update, a quarter of the goal for a whole stream (decision D36).
struct SeriesStreamAdapter<Base: SeriesStream>: BuiltinStream where Base.Output: BuiltinStreamOutput {
    /// One update of the typed stream, written into the output columns.
    typealias Step = @Sendable (inout Base, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void

    private let step: Step
    private let outputCount: Int
    /// The typed stream.
    var base: Base

    /// Wraps `base`.
    init(base: Base) {
        step = { base, inputs, outputs in base.update(inputs[0]).write(into: outputs) }
        outputCount = Base.Output.columnCount
        self.base = base
    }

    var lookback: Int { base.lookback }

    mutating func reset() { base.reset() }

    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>) {
        // Unsafe buffers are unchecked in release builds: a miscounted call must trap, not read past.
        precondition(inputs.count == 1 && outputs.count == outputCount, "wrong column count")
        step(&base, inputs, outputs)
    }
}
