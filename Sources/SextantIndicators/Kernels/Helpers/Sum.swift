/// Sum of the last `length` values — the `sum` builtin.
///
/// A running sum (add the newest, drop the oldest), rebuilt exactly every `32·length` bars like
/// `SMA`'s. First valid at bar `length − 1` of each NaN-free run (see `ValidRuns`).
public enum Sum {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar moving sum of `input` into `output`. `length` < 1 gives all NaN.
    public static func sum(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            let values = x[0] + range.lowerBound
            let result = out[0] + range.lowerBound
            // The SMA of the window times its length is the sum; scaling back keeps one code path.
            SMA.run(values, count: range.count, length: length, result)
            guard length >= 1, length - 1 < range.count else { return }
            let n = Double(length)
            for index in (length - 1)..<range.count { result[index] *= n }
        }
    }

    /// The `length`-bar moving sum of `input`.
    public static func sum(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { sum($0, length: length, into: output) }
        }
    }
}
