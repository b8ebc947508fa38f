import IndicatorBenchSupport
import SextantIndicators

/// The update loops of the typed streams: one generic function per stream protocol, each called with a
/// concrete stream type, so that the optimizer specializes it and the loop calls that stream's own
/// `update` directly: no existential, no witness table, no adapter, no class box.
///
/// Each loop reads the same per-bar inputs as the table path (`InputRows`, bar after bar) and folds
/// every output's bits into the returned mix. A condition is read as the table's adapters read it, true
/// where the column is 1. The stream is `inout`, so that it stays uniquely referenced and its first write
/// does not copy its buffers.
enum TypedDrive {
    /// One `update(_:)` per bar of a one-column layout.
    @inline(never)
    static func series<Stream: SeriesStream>(_ stream: inout Stream, _ rows: InputRows) -> UInt64
    where Stream.Output: OutputBits {
        precondition(rows.width == 1, "a series stream reads one column")
        let values = UnsafeBufferPointer(rows.values)
        var mix: UInt64 = 0
        // XOR of bit patterns: a one-cycle dependency, so the checksum adds no latency to the update.
        for index in 0..<rows.count { mix ^= stream.update(values[index]).bits }
        return mix
    }

    /// One `update(_:_:)` per bar of a two-column layout.
    @inline(never)
    static func pair<Stream: PairStream>(_ stream: inout Stream, _ rows: InputRows) -> UInt64
    where Stream.Output: OutputBits {
        precondition(rows.width == 2, "a pair stream reads two columns")
        let values = UnsafeBufferPointer(rows.values)
        var mix: UInt64 = 0
        for index in 0..<rows.count {
            let row = 2 * index
            mix ^= stream.update(values[row], values[row + 1]).bits
        }
        return mix
    }

    /// One `update(_:_:_:)` per bar of a three-column layout.
    @inline(never)
    static func triple<Stream: TripleStream>(_ stream: inout Stream, _ rows: InputRows) -> UInt64
    where Stream.Output: OutputBits {
        precondition(rows.width == 3, "a triple stream reads three columns")
        let values = UnsafeBufferPointer(rows.values)
        var mix: UInt64 = 0
        for index in 0..<rows.count {
            let row = 3 * index
            mix ^= stream.update(values[row], values[row + 1], values[row + 2]).bits
        }
        return mix
    }

    /// One `update(open:high:low:close:volume:)` per bar of a five-column layout (open, high, low, close,
    /// volume; NaN in the fields the builtin does not read, as the builtin table passes them).
    @inline(never)
    static func bar<Stream: BarStream>(_ stream: inout Stream, _ rows: InputRows) -> UInt64
    where Stream.Output: OutputBits {
        precondition(rows.width == 5, "a bar stream reads the five fields of a bar")
        let values = UnsafeBufferPointer(rows.values)
        var mix: UInt64 = 0
        for index in 0..<rows.count {
            let row = 5 * index
            let output = stream.update(
                open: values[row], high: values[row + 1], low: values[row + 2], close: values[row + 3],
                volume: values[row + 4])
            mix ^= output.bits
        }
        return mix
    }

    /// One `update(_: Bool)` per bar of a one-column layout of conditions (1 is true).
    @inline(never)
    static func condition<Stream: ConditionStream>(_ stream: inout Stream, _ rows: InputRows) -> UInt64
    where Stream.Output: OutputBits {
        precondition(rows.width == 1, "a condition stream reads one column")
        let values = UnsafeBufferPointer(rows.values)
        var mix: UInt64 = 0
        for index in 0..<rows.count { mix ^= stream.update(values[index] == 1).bits }
        return mix
    }

    /// One `update(when:_:)` per bar of a two-column layout: the condition (1 is true), then the series.
    @inline(never)
    static func conditional<Stream: ConditionalStream>(_ stream: inout Stream, _ rows: InputRows) -> UInt64
    where Stream.Output: OutputBits {
        precondition(rows.width == 2, "a conditional stream reads two columns")
        let values = UnsafeBufferPointer(rows.values)
        var mix: UInt64 = 0
        for index in 0..<rows.count {
            let row = 2 * index
            mix ^= stream.update(when: values[row] == 1, values[row + 1]).bits
        }
        return mix
    }
}
