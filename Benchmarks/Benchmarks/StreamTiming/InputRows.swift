import IndicatorBenchSupport

/// One builtin's input columns laid out bar by bar (row-major: bar 0's inputs, then bar 1's…), so that
/// each update reads its inputs as one contiguous buffer.
///
/// The stream evaluator gathers a node's inputs into a scratch buffer before each update; laying them out
/// beforehand keeps that gather out of the measurement, which is the stream's update behind the
/// existential. The rows are written once at `init`, so timed runs read memory that is already mapped.
final class InputRows {
    /// Inputs per bar.
    let width: Int
    /// Bars laid out.
    let count: Int
    /// `count × width` values, bar after bar.
    let values: UnsafeMutableBufferPointer<Double>

    /// Lays out the first `count` bars of `bars` for the given input sources.
    init(_ sources: [InputSource], bars: SyntheticBars, count: Int) {
        precondition(count <= bars.count, "cannot lay out more bars than the series has")
        width = sources.count
        self.count = count
        // At least one slot, so that a builtin without inputs (none today) still has a base address.
        values = .allocate(capacity: max(1, count * width))
        values.initialize(repeating: 0)
        for (column, source) in sources.enumerated() {
            for index in 0..<count { values[index * width + column] = source.value(at: index, in: bars) }
        }
    }

    deinit { values.deallocate() }
}
