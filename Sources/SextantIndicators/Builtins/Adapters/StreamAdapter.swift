/// A typed stream behind the builtin interface, whatever its input shape.
///
/// The update goes through `step`, written by the shape's builder in `BuiltinKernel+Shapes` where the
/// stream's type is known, so it is compiled for that type: the protocol witness of a generic adapter
/// would run unspecialized code, whose calls to the stream's and its output's witnesses cost about
/// 5 ns an update, a quarter of the goal for a whole stream (decision D36).
struct StreamAdapter<Base: StreamingKernel>: BuiltinStream {
    /// One update of the typed stream from the input columns, written into the output columns.
    typealias Step = @Sendable (inout Base, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void

    private let step: Step
    private let inputCount: Int
    private let outputCount: Int
    /// The typed stream.
    var base: Base

    /// Wraps `base`, which takes `inputs` columns a bar and fills `outputs`, updated by `step`.
    init(_ base: Base, inputs: Int, outputs: Int, step: @escaping Step) {
        self.step = step
        inputCount = inputs
        outputCount = outputs
        self.base = base
    }

    var lookback: Int { base.lookback }

    mutating func reset() { base.reset() }

    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>) {
        // Unsafe buffers are unchecked in release builds: a miscounted call must trap, not read past.
        precondition(inputs.count == inputCount && outputs.count == outputCount, "wrong column count")
        step(&base, inputs, outputs)
    }
}
