import SextantIndicators
import Testing

/// Hand-computed tables for the series helpers and the elementwise math.
@Suite("Series helpers")
struct HelperTests {
    static let x: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]
    static let nan = Double.nan

    struct WindowCase: Sendable, CustomTestStringConvertible {
        let name: String
        let compute: @Sendable ([Double]) -> [Double]
        let expected: [Double]
        var testDescription: String { name }
    }

    static let windowCases: [WindowCase] = [
        WindowCase(
            name: "highest 3", compute: { Highest.highest($0, length: 3) }, expected: [nan, nan, 4, 4, 5, 9, 9, 9]),
        WindowCase(
            name: "lowest 3", compute: { Lowest.lowest($0, length: 3) }, expected: [nan, nan, 1, 1, 1, 1, 2, 2]),
        WindowCase(name: "highest 1", compute: { Highest.highest($0, length: 1) }, expected: x),
        WindowCase(name: "sum 3", compute: { Sum.sum($0, length: 3) }, expected: [nan, nan, 8, 6, 10, 15, 16, 17]),
        WindowCase(
            name: "change 2", compute: { Change.change($0, length: 2) }, expected: [nan, nan, 1, 0, 1, 8, -3, -3]),
        WindowCase(
            name: "change 1", compute: { Change.change($0, length: 1) }, expected: [nan, -2, 3, -3, 4, 4, -7, 4]),
        WindowCase(
            name: "highest 3 after NaN", compute: { Highest.highest([nan] + $0, length: 3) },
            expected: [nan, nan, nan, 4, 4, 5, 9, 9, 9]),
    ]

    @Test("windowed helpers", arguments: windowCases)
    func windowed(_ testCase: WindowCase) {
        Matching.expectClose(testCase.compute(Self.x), testCase.expected, testCase.name)
    }

    @Test("highest and lowest over a long random walk agree with a brute-force scan")
    func extremesBruteForce() {
        var state: UInt64 = 42
        var values: [Double] = []
        var level = 0.0
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            level += Double(Int64(bitPattern: state >> 1) % 7) - 3
            values.append(level)
        }
        for length in [1, 2, 5, 17, 64] {
            let high = Highest.highest(values, length: length)
            let low = Lowest.lowest(values, length: length)
            for index in (length - 1)..<values.count {
                let window = values[(index - length + 1)...index]
                #expect(high[index] == window.max())
                #expect(low[index] == window.min())
            }
        }
    }

    @Test("rising and falling count strict moves")
    func risingFalling() {
        #expect(Rising.rising(Self.x, length: 1) == [false, false, true, false, true, true, false, true])
        #expect(Rising.rising(Self.x, length: 2) == [false, false, false, false, false, true, false, false])
        #expect(Falling.falling(Self.x, length: 1) == [false, true, false, true, false, false, true, false])
        // An unchanged bar is neither.
        #expect(Rising.rising([1, 1, 2], length: 1) == [false, false, true])
        #expect(Rising.rising([], length: 1) == [])
    }

    @Test("crosses are strict: an equal bar breaks the cross")
    func crosses() {
        let level: [Double] = [2, 2, 2, 2]
        #expect(CrossesAbove.crossesAbove([1, 3, 1, 3], level) == [false, true, false, true])
        #expect(CrossesBelow.crossesBelow([1, 3, 1, 3], level) == [false, false, true, false])
        // Through 2 == 2: never reported.
        #expect(CrossesAbove.crossesAbove([1, 2, 3, 3], level) == [false, false, false, false])
        #expect(CrossesBelow.crossesBelow([3, 2, 1, 1], level) == [false, false, false, false])
        #expect(CrossesAbove.crossesAbove([Self.nan, 3, 1, 3], level) == [false, false, false, true])
        #expect(CrossesAbove.crossesAbove([], []) == [])
    }

    @Test("barssince counts from the last true bar")
    func barsSince() {
        Matching.expectClose(
            BarsSince.barssince([false, true, false, false, true, false]), [Self.nan, 0, 1, 2, 0, 1], "barssince")
    }

    @Test("valuewhen remembers the source at true bars")
    func valueWhen() {
        let condition = [false, true, false, true, true, false]
        let source: [Double] = [10, 11, 12, 13, 14, 15]
        Matching.expectClose(
            ValueWhen.valuewhen(condition, source, occurrence: 0), [Self.nan, 11, 11, 13, 14, 14], "occurrence 0")
        Matching.expectClose(
            ValueWhen.valuewhen(condition, source, occurrence: 1), [Self.nan, Self.nan, Self.nan, 11, 13, 13],
            "occurrence 1")
    }

    @Test("nz replaces NaN only")
    func nz() {
        Matching.expectClose(NZ.nz([1, Self.nan, 3]), [1, 0, 3], "nz 0")
        Matching.expectClose(NZ.nz([1, Self.nan, 3], replacement: [7, 8, 9]), [1, 8, 3], "nz series")
        #expect(NZ.nz(Self.nan, 5) == 5)
    }

    @Test("round is half away from zero")
    func round() {
        #expect(Elementwise.round(2.5) == 3)
        #expect(Elementwise.round(-2.5) == -3)
        #expect(Elementwise.round(0.5) == 1)
        #expect(Elementwise.round(2.4) == 2)
        #expect(Elementwise.round(1.25, digits: 1) == 1.3)
        #expect(Elementwise.round(-1.25, digits: 1) == -1.3)
        #expect(Elementwise.round(1250, digits: -2) == 1300)
        #expect(Elementwise.round(-1249, digits: -2) == -1200)
        #expect(Elementwise.round(Self.nan).isNaN)
    }

    @Test("elementwise math: domains and NaN")
    func math() {
        #expect(Elementwise.abs(-2) == 2)
        #expect(Elementwise.min(1, 2) == 1)
        #expect(Elementwise.max(1, 2) == 2)
        #expect(Elementwise.min(1, Self.nan).isNaN)
        #expect(Elementwise.max(Self.nan, 1).isNaN)
        #expect(Elementwise.log(0).isNaN)
        #expect(Elementwise.log(-1).isNaN)
        #expect(Elementwise.log(1) == 0)
        #expect(Elementwise.exp(0) == 1)
        #expect(Elementwise.sqrt(-1).isNaN)
        #expect(Elementwise.sqrt(9) == 3)
        #expect(Elementwise.pow(2, 10) == 1024)
        #expect(Elementwise.pow(Self.nan, 0).isNaN)
        #expect(Elementwise.clamp(5, low: 0, high: 3) == 3)
        #expect(Elementwise.clamp(-1, low: 0, high: 3) == 0)
        #expect(Elementwise.clamp(2, low: 0, high: 3) == 2)
        #expect(Elementwise.clamp(Self.nan, low: 0, high: 3).isNaN)
    }

    @Test("elementwise column forms apply the scalar form bar by bar")
    func columns() {
        let input: [Double] = [-4, 0, 2.5, Self.nan]
        var output = [Double](repeating: 0, count: 4)
        input.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { Elementwise.sqrt(x, into: $0) }
        }
        Matching.expectClose(output, [Self.nan, 0, 2.5.squareRoot(), Self.nan], "sqrt")
        input.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { Elementwise.clamp(x, low: -1, high: 1, into: $0) }
        }
        Matching.expectClose(output, [-1, 0, 1, Self.nan], "clamp")
        input.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { Elementwise.round(x, digits: 0, into: $0) }
        }
        Matching.expectClose(output, [-4, 0, 3, Self.nan], "round")
    }
}
