/// `source` on the bar where `condition` was true, `occurrence` true bars back — the `valuewhen`
/// builtin (0 = the most recent true bar, which may be the current one).
///
/// NaN until `occurrence + 1` true bars have been seen; a NaN `source` on the chosen bar gives NaN.
/// The values of the last `occurrence + 1` true bars sit in a ring, so each bar is O(1).
public enum ValueWhen {
    /// Bars before the first value (none: it depends on the data).
    public static func lookback() -> Int { 0 }

    /// Writes the remembered values into `output`. `occurrence` < 0 gives all NaN.
    public static func valuewhen(
        _ condition: UnsafeBufferPointer<Bool>, _ source: UnsafeBufferPointer<Double>, occurrence: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(
            condition.count == source.count && source.count == output.count, "inputs and output must have one length")
        guard occurrence >= 0 else {
            for index in 0..<output.count { output[index] = .nan }
            return
        }
        let capacity = occurrence + 1
        let ring = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
        defer { ring.deallocate() }
        var seen = 0
        for index in 0..<output.count {
            if condition[index] {
                ring[seen % capacity] = source[index]
                seen += 1
            }
            // The occurrence-th most recent true bar is entry seen − 1 − occurrence.
            output[index] = seen > occurrence ? ring[(seen - 1 - occurrence) % capacity] : .nan
        }
    }

    /// The remembered values.
    public static func valuewhen(_ condition: [Bool], _ source: [Double], occurrence: Int) -> [Double] {
        KernelColumns.make(count: source.count) { output in
            condition.withUnsafeBufferPointer { condition in
                source.withUnsafeBufferPointer { source in
                    valuewhen(condition, source, occurrence: occurrence, into: output)
                }
            }
        }
    }
}
