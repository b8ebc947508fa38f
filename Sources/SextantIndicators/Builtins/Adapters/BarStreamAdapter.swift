import SextantCore

/// A `BarStream` behind the builtin interface: the inputs are the bar fields the builtin reads, in its
/// `reads` order.
///
/// A field the builtin does not read is passed as NaN: a `BarStream` reads (and applies the NaN policy
/// to) only the fields its batch kernel takes, so the value never matters. The update goes through
/// `step`, made by `init` where the stream's type is known (see `SeriesStreamAdapter`).
struct BarStreamAdapter<Base: BarStream>: BuiltinStream where Base.Output: BuiltinStreamOutput {
    /// One update of the typed stream from the inputs in `reads` order, written into the output columns.
    typealias Step = @Sendable (inout Base, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void

    private let step: Step
    private let fieldCount: Int
    private let outputCount: Int
    /// The typed stream.
    var base: Base

    /// Wraps `base`, whose inputs will be `reads` in that order.
    init(_ base: Base, reads: [BarField]) {
        // Where each field sits among the inputs; −1 when it is not read.
        func position(_ field: BarField) -> Int { reads.firstIndex(of: field) ?? -1 }
        let (open, high, low, close, volume) = (
            position(.open), position(.high), position(.low), position(.close), position(.volume)
        )
        step = { base, inputs, outputs in
            func field(_ position: Int) -> Double { position < 0 ? .nan : inputs[position] }
            base.update(
                open: field(open), high: field(high), low: field(low), close: field(close), volume: field(volume)
            ).write(into: outputs)
        }
        fieldCount = reads.count
        outputCount = Base.Output.columnCount
        self.base = base
    }

    var lookback: Int { base.lookback }

    mutating func reset() { base.reset() }

    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>) {
        // Unsafe buffers are unchecked in release builds: a miscounted call must trap, not read past.
        precondition(inputs.count == fieldCount && outputs.count == outputCount, "wrong column count")
        step(&base, inputs, outputs)
    }
}
