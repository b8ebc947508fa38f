import SextantIndicators
import Testing

/// The cases of the series helpers and the elementwise math for `StreamingTwinTests`, plus hand-checked
/// examples of the condition streams.
@Suite("Streaming helper twins")
struct StreamingHelperTwinTests {
    typealias Case = StreamingTwinTests.Case

    /// A series that goes negative, crosses zero and carries the data's NaNs: math's domains.
    static func signed(_ data: StreamingInputs) -> [Double] { zip(data.close, data.open).map { ($0 - $1) * 3 } }

    /// A condition-output kernel over one series.
    static func condition<S: SeriesStream>(
        _ kernel: Any.Type, _ setting: String, _ stream: S, lookback: Int,
        _ batch: @escaping @Sendable ([Double]) -> [Bool]
    ) -> Case where S.Output == Bool {
        Case(
            kernel: String(describing: kernel), setting: setting, batchLookback: lookback,
            streamLookback: stream.lookback, batch: { [batch($0.close).map { $0 ? 1 : 0 }] },
            stream: { StreamingDriver.series(stream, $0.close) })
    }

    /// A condition-output kernel over two series.
    static func crossing<S: PairStream>(
        _ kernel: Any.Type, _ setting: String, _ stream: S, lookback: Int,
        inputs: @escaping @Sendable (StreamingInputs) -> ([Double], [Double]),
        batch: @escaping @Sendable ([Double], [Double]) -> [Bool]
    ) -> Case where S.Output == Bool {
        Case(
            kernel: String(describing: kernel), setting: setting, batchLookback: lookback,
            streamLookback: stream.lookback,
            batch: { data in
                let (a, b) = inputs(data)
                return [batch(a, b).map { $0 ? 1 : 0 }]
            },
            stream: { data in
                let (a, b) = inputs(data)
                return StreamingDriver.pair(stream, a, b)
            })
    }

    /// A one-series elementwise function, checked against the matching column form.
    static func math(
        _ setting: String, _ function: ElementwiseStream.Function,
        _ batch: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> Case {
        let stream = ElementwiseStream(function)
        return Case(
            kernel: String(describing: Elementwise.self), setting: setting, batchLookback: 0,
            streamLookback: stream.lookback, batch: { [StreamingDriver.column(signed($0), batch)] },
            stream: { StreamingDriver.series(stream, signed($0)) })
    }

    /// A two-series elementwise function, checked against the matching column form.
    static func math(
        _ setting: String, _ function: ElementwisePairStream.Function,
        _ batch:
            @escaping @Sendable (
                UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>
            ) -> Void
    ) -> Case {
        let stream = ElementwisePairStream(function)
        return StreamingTwinTests.pair(
            Elementwise.self, setting, stream, lookback: 0, inputs: { (signed($0), $0.open.map { $0 / 40 }) },
            batch: { StreamingDriver.column($0, $1, batch) })
    }

    static let windowLengths = [0, 1, 2, 14, 50]

    static let cases: [Case] =
        windowLengths.flatMap { n -> [Case] in
            [
                StreamingTwinTests.series(
                    Highest.self, "\(n)", HighestStream(length: n), lookback: Highest.lookback(length: n)
                ) { Highest.highest($0, length: n) },
                StreamingTwinTests.series(
                    Lowest.self, "\(n)", LowestStream(length: n), lookback: Lowest.lookback(length: n)
                ) { Lowest.lowest($0, length: n) },
                StreamingTwinTests.series(Sum.self, "\(n)", SumStream(length: n), lookback: Sum.lookback(length: n)) {
                    Sum.sum($0, length: n)
                },
                StreamingTwinTests.series(
                    Change.self, "\(n)", ChangeStream(length: n), lookback: Change.lookback(length: n)
                ) { Change.change($0, length: n) },
                condition(Rising.self, "\(n)", RisingStream(length: n), lookback: Rising.lookback(length: n)) {
                    Rising.rising($0, length: n)
                },
                condition(Falling.self, "\(n)", FallingStream(length: n), lookback: Falling.lookback(length: n)) {
                    Falling.falling($0, length: n)
                },
            ]
        } + [
            crossing(
                CrossesAbove.self, "close, open", CrossesAboveStream(), lookback: CrossesAbove.lookback(),
                inputs: { ($0.close, $0.open) },
                batch: { CrossesAbove.crossesAbove($0, $1) }),
            crossing(
                CrossesBelow.self, "close, open", CrossesBelowStream(), lookback: CrossesBelow.lookback(),
                inputs: { ($0.close, $0.open) },
                batch: { CrossesBelow.crossesBelow($0, $1) }),
            crossing(
                CrossesAbove.self, "close, 100", CrossesAboveStream(), lookback: CrossesAbove.lookback(),
                inputs: { ($0.close, [Double](repeating: 100, count: $0.count)) },
                batch: { CrossesAbove.crossesAbove($0, $1) }),
            crossing(
                CrossesBelow.self, "close, 100", CrossesBelowStream(), lookback: CrossesBelow.lookback(),
                inputs: { ($0.close, [Double](repeating: 100, count: $0.count)) },
                batch: { CrossesBelow.crossesBelow($0, $1) }),
            Case(
                kernel: String(describing: BarsSince.self), setting: "close > open",
                batchLookback: BarsSince.lookback(),
                streamLookback: BarsSinceStream().lookback, batch: { [BarsSince.barssince($0.condition)] },
                stream: { StreamingDriver.condition(BarsSinceStream(), $0.condition) }),
        ]
        + [-1, 0, 1, 3].map { occurrence in
            Case(
                kernel: String(describing: ValueWhen.self), setting: "\(occurrence)",
                batchLookback: ValueWhen.lookback(), streamLookback: ValueWhenStream(occurrence: occurrence).lookback,
                batch: { [ValueWhen.valuewhen($0.condition, $0.close, occurrence: occurrence)] },
                stream: { StreamingDriver.conditional(ValueWhenStream(occurrence: occurrence), $0.condition, $0.close) }
            )
        }
        + [0, -1].map { replacement in
            StreamingTwinTests.series(
                NZ.self, "\(replacement)", NZStream(replacement: replacement), lookback: 0
            ) { NZ.nz($0, replacement: replacement) }
        } + [
            StreamingTwinTests.pair(
                NZ.self, "close, open", NZStream(), lookback: 0, inputs: { ($0.close, $0.open) },
                batch: { NZ.nz($0, replacement: $1) }),
            math("abs", .abs) { Elementwise.abs($0, into: $1) },
            math("log", .log) { Elementwise.log($0, into: $1) },
            math("exp", .exp) { Elementwise.exp($0, into: $1) },
            math("sqrt", .sqrt) { Elementwise.sqrt($0, into: $1) },
            math("round 0", .round(digits: 0)) { Elementwise.round($0, digits: 0, into: $1) },
            math("round 2", .round(digits: 2)) { Elementwise.round($0, digits: 2, into: $1) },
            math("round -1", .round(digits: -1)) { Elementwise.round($0, digits: -1, into: $1) },
            math("min 0.5", .min(0.5)) { Elementwise.min($0, 0.5, into: $1) },
            math("max -0.5", .max(-0.5)) { Elementwise.max($0, -0.5, into: $1) },
            math("pow 2", .pow(exponent: 2)) { Elementwise.pow($0, 2, into: $1) },
            math("pow 0.5", .pow(exponent: 0.5)) { Elementwise.pow($0, 0.5, into: $1) },
            math("clamp -1, 1", .clamp(low: -1, high: 1)) { Elementwise.clamp($0, low: -1, high: 1, into: $1) },
            math("min series", .min) { Elementwise.min($0, $1, into: $2) },
            math("max series", .max) { Elementwise.max($0, $1, into: $2) },
            math("pow series", .pow) { Elementwise.pow($0, $1, into: $2) },
            Case(
                kernel: String(describing: Elementwise.self), setting: "clamp series", batchLookback: 0,
                streamLookback: ElementwiseClampStream().lookback,
                batch: { data in
                    let (x, low, high) = (signed(data), data.open.map { -$0 / 50 }, data.close.map { $0 / 50 })
                    var output = [Double](repeating: 0, count: x.count)
                    x.withUnsafeBufferPointer { x in
                        low.withUnsafeBufferPointer { low in
                            high.withUnsafeBufferPointer { high in
                                output.withUnsafeMutableBufferPointer {
                                    Elementwise.clamp(x, low: low, high: high, into: $0)
                                }
                            }
                        }
                    }
                    return [output]
                },
                stream: { data in
                    StreamingDriver.triple(
                        ElementwiseClampStream(), signed(data), data.open.map { -$0 / 50 }, data.close.map { $0 / 50 })
                }),
        ]

    @Test("barssince and valuewhen streams on a hand-checked table")
    func conditionExamples() {
        var since = BarsSinceStream()
        let counts = [false, true, false, false, true, false].map { since.update($0) }
        #expect(counts.map { $0.isNaN ? -1 : $0 } == [-1, 0, 1, 2, 0, 1])
        var when = ValueWhenStream(occurrence: 1)
        let condition = [false, true, false, true, true, false]
        let values = zip(condition, [10.0, 11, 12, 13, 14, 15]).map { when.update(when: $0, $1) }
        #expect(values.map { $0.isNaN ? -1 : $0 } == [-1, -1, -1, 11, 13, 13])
    }

    @Test("the protocols drive streams generically, as the graph evaluator will")
    func existentials() {
        var streams: [any SeriesStream<Double>] = [SMAStream(length: 2), EMAStream(length: 2), RSIStream(length: 2)]
        for value in [1.0, 2, 3, 4] {
            for index in streams.indices { _ = streams[index].update(value) }
        }
        #expect(streams.map(\.lookback) == [1, 1, 2])
        var bar: any BarStream<Double> = ATRStream(length: 1)
        _ = bar.update(open: 1, high: 2, low: 1, close: 1.5, volume: 10)
        #expect(bar.update(open: 1, high: 3, low: 1, close: 2, volume: 10) == 2)
    }
}
