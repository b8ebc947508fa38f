/// True when the source fell on each of the last `length` bars — the `falling` builtin:
/// `x[i] < x[i−1]`, …, `x[i−length+1] < x[i−length]`.
///
/// Counts consecutive bars that fell; a NaN (a comparison with NaN is false) or an unchanged bar
/// resets the count. False during the first `length` bars and wherever the condition fails.
public enum Falling {
    /// Bars before the first possible true value.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the condition into `output`. `length` < 1 gives all false.
    public static func falling(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Bool>
    ) {
        precondition(input.count == output.count, "input and output must have one length")
        guard input.count > 0, let values = input.baseAddress, let result = output.baseAddress else { return }
        result[0] = false
        var streak = 0
        for index in 1..<input.count {
            streak = values[index] < values[index - 1] ? streak + 1 : 0
            result[index] = length >= 1 && streak >= length
        }
    }

    /// The condition for `input`.
    public static func falling(_ input: [Double], length: Int) -> [Bool] {
        [Bool](unsafeUninitializedCapacity: input.count) { buffer, initialized in
            buffer.initialize(repeating: false)
            input.withUnsafeBufferPointer { falling($0, length: length, into: buffer) }
            initialized = input.count
        }
    }
}
