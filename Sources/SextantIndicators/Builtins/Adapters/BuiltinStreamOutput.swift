/// What a typed stream yields for one bar, written as the builtin interface's output columns.
///
/// `Double` is one column, `Bool` one column of 1 or 0, and the multi-output records one column per
/// field in the order of the table's `.record` fields (a coverage test checks the counts).
protocol BuiltinStreamOutput {
    /// How many output columns one value fills.
    static var columnCount: Int { get }

    /// Writes the value into `outputs[0..<columnCount]`.
    func write(into outputs: UnsafeMutableBufferPointer<Double>)
}

extension Double: BuiltinStreamOutput {
    static var columnCount: Int { 1 }

    @inline(__always)
    func write(into outputs: UnsafeMutableBufferPointer<Double>) { outputs[0] = self }
}

extension Bool: BuiltinStreamOutput {
    static var columnCount: Int { 1 }

    @inline(__always)
    func write(into outputs: UnsafeMutableBufferPointer<Double>) { outputs[0] = self ? 1 : 0 }
}

extension MACDStream.Output: BuiltinStreamOutput {
    static var columnCount: Int { 3 }

    /// `.macd .signal .hist`.
    func write(into outputs: UnsafeMutableBufferPointer<Double>) {
        outputs[0] = macd
        outputs[1] = signal
        outputs[2] = hist
    }
}

extension BBandsStream.Output: BuiltinStreamOutput {
    static var columnCount: Int { 3 }

    /// `.upper .middle .lower`.
    func write(into outputs: UnsafeMutableBufferPointer<Double>) {
        outputs[0] = upper
        outputs[1] = middle
        outputs[2] = lower
    }
}

extension StochStream.Output: BuiltinStreamOutput {
    static var columnCount: Int { 2 }

    /// `.k .d`.
    func write(into outputs: UnsafeMutableBufferPointer<Double>) {
        outputs[0] = k
        outputs[1] = d
    }
}

extension StochFStream.Output: BuiltinStreamOutput {
    static var columnCount: Int { 2 }

    /// `.k .d` (also `stochrsi`'s).
    func write(into outputs: UnsafeMutableBufferPointer<Double>) {
        outputs[0] = k
        outputs[1] = d
    }
}

extension AroonStream.Output: BuiltinStreamOutput {
    static var columnCount: Int { 2 }

    /// `.up .down`.
    func write(into outputs: UnsafeMutableBufferPointer<Double>) {
        outputs[0] = up
        outputs[1] = down
    }
}
