import SextantCore

/// A `BarStream` behind the builtin interface: the inputs are the bar fields the builtin reads, in its
/// `reads` order.
///
/// A field the builtin does not read is passed as NaN: a `BarStream` reads (and applies the NaN policy
/// to) only the fields its batch kernel takes, so the value never matters.
struct BarStreamAdapter<Base: BarStream>: BuiltinStream where Base.Output: BuiltinStreamOutput {
    /// The typed stream.
    var base: Base
    /// Where each field sits among the inputs; −1 when it is not read.
    private let open: Int
    private let high: Int
    private let low: Int
    private let close: Int
    private let volume: Int
    private let fieldCount: Int

    /// Wraps `base`, whose inputs will be `reads` in that order.
    init(_ base: Base, reads: [BarField]) {
        self.base = base
        func position(_ field: BarField) -> Int { reads.firstIndex(of: field) ?? -1 }
        open = position(.open)
        high = position(.high)
        low = position(.low)
        close = position(.close)
        volume = position(.volume)
        fieldCount = reads.count
    }

    var lookback: Int { base.lookback }

    mutating func reset() { base.reset() }

    mutating func update(_ inputs: UnsafeBufferPointer<Double>, into outputs: UnsafeMutableBufferPointer<Double>) {
        // Unsafe buffers are unchecked in release builds: a miscounted call must trap, not read past.
        precondition(inputs.count == fieldCount && outputs.count == Base.Output.columnCount, "wrong column count")
        base.update(
            open: field(open, inputs), high: field(high, inputs), low: field(low, inputs),
            close: field(close, inputs), volume: field(volume, inputs)
        ).write(into: outputs)
    }

    @inline(__always)
    private func field(_ position: Int, _ inputs: UnsafeBufferPointer<Double>) -> Double {
        position < 0 ? .nan : inputs[position]
    }
}
