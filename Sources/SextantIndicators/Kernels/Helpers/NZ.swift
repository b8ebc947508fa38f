/// `value`, or `replacement` where it is NaN — the `nz` builtin.
public enum NZ {
    /// `value`, or `replacement` when `value` is NaN.
    @inline(__always)
    public static func nz(_ value: Double, _ replacement: Double = 0) -> Double {
        value.isNaN ? replacement : value
    }

    /// Writes `nz(input[i], replacement)` into `output`.
    public static func nz(
        _ input: UnsafeBufferPointer<Double>, replacement: Double, into output: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(input.count == output.count, "input and output must have one length")
        for index in 0..<input.count { output[index] = nz(input[index], replacement) }
    }

    /// Writes `nz(input[i], replacement[i])` into `output`.
    public static func nz(
        _ input: UnsafeBufferPointer<Double>, replacement: UnsafeBufferPointer<Double>,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(input.count == replacement.count && input.count == output.count, "inputs must have one length")
        for index in 0..<input.count { output[index] = nz(input[index], replacement[index]) }
    }

    /// `input` with NaN replaced by `replacement`.
    public static func nz(_ input: [Double], replacement: Double = 0) -> [Double] {
        input.map { nz($0, replacement) }
    }

    /// `input` with NaN replaced by the same bar of `replacement`.
    public static func nz(_ input: [Double], replacement: [Double]) -> [Double] {
        precondition(input.count == replacement.count, "inputs must have one length")
        return zip(input, replacement).map { nz($0, $1) }
    }
}
