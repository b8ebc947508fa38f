import SextantIndicators
import Testing

/// Drives a stream over whole columns, the way the engine will bar by bar, and checks on the way that
/// the stream is a value (a copy advanced elsewhere leaves it untouched) and that `reset()` starts it
/// afresh.
enum StreamingDriver {
    /// Feeds `count` bars through `step`, which returns one bar's output columns. Halfway through, a
    /// copy of the stream is advanced through unrelated bars (a stream sharing its buffers with the copy
    /// would then go wrong); at the end the stream is reset and the first bars are fed again, which must
    /// give the same outputs.
    static func run<S: StreamingKernel>(
        _ stream: S, count: Int, columns: Int, _ step: (inout S, Int) -> [Double]
    ) -> [[Double]] {
        var stream = stream
        var output = [[Double]](repeating: [], count: columns)
        for column in 0..<columns { output[column].reserveCapacity(count) }
        for index in 0..<count {
            if index == count / 2 {
                var fork = stream
                for other in 0..<Swift.min(count, 70) { _ = step(&fork, other) }
            }
            for (column, value) in step(&stream, index).enumerated() { output[column].append(value) }
        }
        stream.reset()
        for index in 0..<Swift.min(count, 300) {
            let again = step(&stream, index)
            for column in 0..<columns where !same(again[column], output[column][index]) {
                Issue.record(
                    "after reset(), bar \(index) column \(column): \(again[column]) vs \(output[column][index])")
                return output
            }
        }
        return output
    }

    /// Bit-identical, counting every NaN as equal.
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    /// A `SeriesStream` over `input`, with a function giving the output's columns.
    static func series<S: SeriesStream>(_ stream: S, _ input: [Double], _ columns: (S.Output) -> [Double])
        -> [[Double]]
    {
        let width =
            input.isEmpty
            ? 0
            : columns(dry(stream, input[0]))
                .count
        return run(stream, count: input.count, columns: width) { columns($0.update(input[$1])) }
    }

    /// A `SeriesStream` of doubles over `input`.
    static func series<S: SeriesStream>(_ stream: S, _ input: [Double]) -> [[Double]] where S.Output == Double {
        series(stream, input) { [$0] }
    }

    /// A `SeriesStream` of conditions over `input`, as 1 and 0.
    static func series<S: SeriesStream>(_ stream: S, _ input: [Double]) -> [[Double]] where S.Output == Bool {
        series(stream, input) { [$0 ? 1 : 0] }
    }

    /// A `PairStream` over `first` and `second`.
    static func pair<S: PairStream>(_ stream: S, _ first: [Double], _ second: [Double]) -> [[Double]]
    where S.Output == Double {
        run(stream, count: first.count, columns: 1) { [$0.update(first[$1], second[$1])] }
    }

    /// A `PairStream` of conditions over `first` and `second`, as 1 and 0.
    static func pair<S: PairStream>(_ stream: S, _ first: [Double], _ second: [Double]) -> [[Double]]
    where S.Output == Bool {
        run(stream, count: first.count, columns: 1) { [$0.update(first[$1], second[$1]) ? 1 : 0] }
    }

    /// A `TripleStream` over three columns.
    static func triple<S: TripleStream>(_ stream: S, _ a: [Double], _ b: [Double], _ c: [Double]) -> [[Double]]
    where S.Output == Double {
        run(stream, count: a.count, columns: 1) { [$0.update(a[$1], b[$1], c[$1])] }
    }

    /// A `BarStream` over the bars of `data`, with a function giving the output's columns.
    static func bars<S: BarStream>(_ stream: S, _ data: StreamingInputs, _ columns: (S.Output) -> [Double])
        -> [[Double]]
    {
        func feed(_ stream: inout S, _ index: Int) -> S.Output {
            stream.update(
                open: data.open[index], high: data.high[index], low: data.low[index], close: data.close[index],
                volume: data.volume[index])
        }
        var probe = stream
        let width = data.count == 0 ? 0 : columns(feed(&probe, 0)).count
        return run(stream, count: data.count, columns: width) { columns(feed(&$0, $1)) }
    }

    /// A `BarStream` of doubles over the bars of `data`.
    static func bars<S: BarStream>(_ stream: S, _ data: StreamingInputs) -> [[Double]] where S.Output == Double {
        bars(stream, data) { [$0] }
    }

    /// A `ConditionStream` over `condition`.
    static func condition<S: ConditionStream>(_ stream: S, _ condition: [Bool]) -> [[Double]]
    where S.Output == Double {
        run(stream, count: condition.count, columns: 1) { [$0.update(condition[$1])] }
    }

    /// A `ConditionalStream` over `condition` and `values`.
    static func conditional<S: ConditionalStream>(_ stream: S, _ condition: [Bool], _ values: [Double])
        -> [[Double]] where S.Output == Double
    {
        run(stream, count: values.count, columns: 1) { [$0.update(when: condition[$1], values[$1])] }
    }

    /// One output of a fresh copy of `stream`, to learn how many columns it has.
    private static func dry<S: SeriesStream>(_ stream: S, _ value: Double) -> S.Output {
        var probe = stream
        return probe.update(value)
    }

    /// A column kernel taking an input buffer and writing an output buffer, on arrays.
    static func column(
        _ input: [Double], _ kernel: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    )
        -> [Double]
    {
        var output = [Double](repeating: 0, count: input.count)
        input.withUnsafeBufferPointer { x in output.withUnsafeMutableBufferPointer { kernel(x, $0) } }
        return output
    }

    /// A column kernel over two input buffers, on arrays.
    static func column(
        _ a: [Double], _ b: [Double],
        _ kernel: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> [Double] {
        var output = [Double](repeating: 0, count: a.count)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in output.withUnsafeMutableBufferPointer { kernel(a, b, $0) } }
        }
        return output
    }
}

/// The driver's own checks: that it does catch a stream with a shared buffer or a broken reset.
@Suite("Streaming driver")
struct StreamingDriverTests {
    @Test("a stream fed through the driver gives what a plain loop gives")
    func plainLoop() {
        let input: [Double] = (0..<500).map { Double(($0 * 37) % 101) }
        var sma = SMAStream(length: 7)
        let plain = input.map { sma.update($0) }
        let driven = StreamingDriver.series(SMAStream(length: 7), input)
        #expect(driven.count == 1)
        #expect(zip(plain, driven[0]).allSatisfy { StreamingDriver.same($0, $1) })
    }
}
