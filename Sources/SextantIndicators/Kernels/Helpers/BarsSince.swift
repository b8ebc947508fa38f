/// Bars since `condition` was last true — the `barssince` builtin.
///
/// 0 on a true bar, then 1, 2, …; NaN before the first true bar.
public enum BarsSince {
    /// Bars before the first value (none: it depends on the data).
    public static func lookback() -> Int { 0 }

    /// Writes the count into `output`.
    public static func barssince(
        _ condition: UnsafeBufferPointer<Bool>, into output: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(condition.count == output.count, "input and output must have one length")
        var since = Double.nan
        for index in 0..<condition.count {
            since = condition[index] ? 0 : since + 1
            output[index] = since
        }
    }

    /// The bars since `condition` was last true.
    public static func barssince(_ condition: [Bool]) -> [Double] {
        KernelColumns.make(count: condition.count) { output in
            condition.withUnsafeBufferPointer { barssince($0, into: output) }
        }
    }
}
