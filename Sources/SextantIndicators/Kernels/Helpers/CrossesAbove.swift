/// True on the bar where `a` goes from below `b` to above it — the `crossesAbove` builtin, strict as Backtesting.py's
/// `crossover`: `a[i−1] < b[i−1] && a[i] > b[i]`.
///
/// A bar where the two are equal breaks the cross (it is not reported at all). Bar 0, and any bar
/// where one of the four values is NaN, is false (a comparison with NaN is false).
public enum CrossesAbove {
    /// Bars before the first value.
    public static func lookback() -> Int { 1 }

    /// Writes the cross condition of `a` and `b` into `output` (all three the same length).
    public static func crossesAbove(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>,
        into output: UnsafeMutableBufferPointer<Bool>
    ) {
        precondition(a.count == b.count && b.count == output.count, "inputs and output must have one length")
        guard output.count > 0, let first = a.baseAddress, let second = b.baseAddress, let result = output.baseAddress
        else { return }
        result[0] = false
        for index in 1..<output.count {
            result[index] = first[index - 1] < second[index - 1] && first[index] > second[index]
        }
    }

    /// The cross condition of `a` and `b`.
    public static func crossesAbove(_ a: [Double], _ b: [Double]) -> [Bool] {
        [Bool](unsafeUninitializedCapacity: a.count) { buffer, initialized in
            buffer.initialize(repeating: false)
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in crossesAbove(a, b, into: buffer) } }
            initialized = a.count
        }
    }
}
