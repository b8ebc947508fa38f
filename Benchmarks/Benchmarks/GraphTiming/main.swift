// Times a compiled strategy graph (BatchEvaluator) against the same logic written by hand as plain
// Swift loops over the same kernels, on the seeded synthetic series, and checks that both produce the
// same bits. Prints a table on standard error and one JSON object on standard output, for
// scripts/bench-graph.sh, which pins it to one core. Plain ContinuousClock, best of N runs after a
// warm-up run, graph and hand-written runs alternating so that a burst of load hits both sides.
//
//   GraphTiming [--bars N]... [--runs N] [--seed N] [--check-strategies DIR]
//
// --check-strategies also evaluates every strategy file in DIR on 10,000 bars twice, with buffer reuse
// (in-place elementwise nodes) and without (`keepNodes`, what the parity tests compare with the stream
// evaluator), and fails unless every market-stage output has the same bits.
import Foundation
import IndicatorBenchSupport
import SextantCore
import SextantGraph
import SextantIndicators
import SextantLanguage

/// Command-line options, with the defaults of scripts/bench-graph.sh.
struct Options {
    var bars: [Int] = []
    var runs = 7
    var seed = SyntheticBars.defaultSeed
    var strategiesPath: String?

    static func parse(_ arguments: ArraySlice<String>) -> Options {
        var options = Options()
        var rest = arguments
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--bars": options.bars.append(positive(flag, value))
            case "--runs": options.runs = positive(flag, value)
            case "--seed":
                guard let seed = UInt64(value) else { fail("--seed takes an unsigned integer, not \(value)") }
                options.seed = seed
            case "--check-strategies": options.strategiesPath = value
            default: fail("unknown option \(flag)")
            }
        }
        if options.bars.isEmpty { options.bars = [1_000_000, 10_000_000] }
        return options
    }

    private static func positive(_ flag: String, _ value: String) -> Int {
        guard let number = Int(value.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")),
            number >= 1
        else { fail("\(flag) takes a positive integer, not \(value)") }
        return number
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("GraphTiming: \(message)\n".utf8))
    exit(2)
}

func log(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}

/// `value` rounded to 4 decimals, printed as a JSON number.
func json(_ value: Double) -> String {
    "\((value * 10_000).rounded() / 10_000)"
}

/// Nanoseconds `body` took.
func nanoseconds(_ body: () -> Void) -> Double {
    let start = ContinuousClock.now
    body()
    let (seconds, attoseconds) = (ContinuousClock.now - start).components
    return Double(seconds) * 1e9 + Double(attoseconds) * 1e-9
}

/// The benchmark strategy: an SMA cross filtered by RSI, with an ATR stop. The short side mirrors the
/// long one's filter (`rsi > 30`), so both entry columns do the same work.
let strategyText = """
    kind: strategy
    name: graph_timing
    description: SMA cross with an RSI filter and an ATR stop (the graph compiler issue's benchmark).
    timeframe: 1d
    params:
      fast: {value: 10, doc: fast SMA length}
      slow: {value: 30, doc: slow SMA length}
    let:
      fast_ma: sma(close, fast)
      slow_ma: sma(close, slow)
      strength: rsi(close, 14)
    entry:
      long: crosses_above(fast_ma, slow_ma) and strength < 70
      short: crosses_below(fast_ma, slow_ma) and strength > 30
    stops:
      loss: 2 * atr(14)

    """

/// The outputs both sides produce.
let outputNames = ["entry.long", "entry.short", "stops.loss"]

/// The strategy's logic written by hand: the same kernels, then one loop for the crosses, the RSI
/// filter and the stop. Conditions are 1/0 doubles, as the graph's are; each comparison is the one the
/// language defines (a comparison with NaN is false), so the bits must equal the graph's.
func handWritten(_ bars: SyntheticBars) -> [String: [Double]] {
    let count = bars.count
    let close = bars.close
    func column(_ body: (UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            body(buffer)
            initialized = count
        }
    }
    let fast = column { SMA.sma(close, length: 10, into: $0) }
    let slow = column { SMA.sma(close, length: 30, into: $0) }
    let strength = column { RSI.rsi(close, length: 14, into: $0) }
    let range = column { ATR.atr(high: bars.high, low: bars.low, close: close, length: 14, into: $0) }
    var long = [Double](repeating: 0, count: count)
    var short = [Double](repeating: 0, count: count)
    var loss = [Double](repeating: 0, count: count)
    fast.withUnsafeBufferPointer { fast in
        slow.withUnsafeBufferPointer { slow in
            strength.withUnsafeBufferPointer { strength in
                range.withUnsafeBufferPointer { range in
                    long.withUnsafeMutableBufferPointer { long in
                        short.withUnsafeMutableBufferPointer { short in
                            loss.withUnsafeMutableBufferPointer { loss in
                                loss[0] = 2 * range[0]
                                for index in 1..<max(count, 1) {
                                    let above = fast[index - 1] < slow[index - 1] && fast[index] > slow[index]
                                    let below = fast[index - 1] > slow[index - 1] && fast[index] < slow[index]
                                    long[index] = above && strength[index] < 70 ? 1 : 0
                                    short[index] = below && strength[index] > 30 ? 1 : 0
                                    loss[index] = 2 * range[index]
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return ["entry.long": long, "entry.short": short, "stops.loss": loss]
}

/// Bit-for-bit equality of two columns (NaN equal to NaN of the same payload).
func identical(_ a: [Double]?, _ b: [Double]?) -> Bool {
    guard let a, let b, a.count == b.count else { return false }
    return zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

/// Market data of one symbol from a synthetic series, one bar a minute.
func marketData(_ bars: SyntheticBars) -> MarketData {
    var fields: [BarField: [Double]] = [:]
    for (field, column) in zip(BarField.allCases, bars.columns) { fields[field] = Array(column) }
    return MarketData(time: (0..<Int64(bars.count)).map { $0 * 60 }, columns: [nil: fields])
}

/// Evaluates each strategy file of `directory` with and without buffer reuse and compares the outputs.
func checkStrategies(in directory: String, seed: UInt64) {
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
        $0.hasSuffix(".yaml")
    }
    guard !files.isEmpty else { fail("no strategy files in \(directory)") }
    let data = marketData(SyntheticBars(count: 10_000, seed: seed))
    for file in files.sorted() {
        guard case .strategy(let strategy) = Linter.lint(path: "\(directory)/\(file)").checked else { continue }
        let graph = Planner.plan(strategy)
        let reused = BatchEvaluator.evaluate(graph, data: data).columns
        let kept = BatchEvaluator.evaluate(graph, data: data, keepNodes: true).columns
        for output in graph.outputs where graph[output.node].stage <= .market {
            guard identical(reused[output.name], kept[output.name]) else {
                fail("\(file): \(output.name) differs with and without buffer reuse")
            }
        }
        log("check \(file): \(graph.outputs.count) outputs identical with and without buffer reuse")
    }
}

let options = Options.parse(CommandLine.arguments.dropFirst())
if let directory = options.strategiesPath { checkStrategies(in: directory, seed: options.seed) }

// Front end and planning, timed once: they do not depend on the number of bars.
var graph = Graph()
let planNanoseconds = nanoseconds {
    let result = Linter.lint(SourceFile(path: "graph_timing.yaml", text: strategyText))
    guard case .strategy(let strategy) = result.checked else {
        fail("the benchmark strategy does not check: \(result.diagnostics)")
    }
    graph = Planner.plan(strategy)
}
log("lint + plan: \(json(planNanoseconds / 1e6)) ms, \(graph.nodes.count) nodes")

var rows: [String] = []
log("bars        graph ns/bar  hand ns/bar  ratio  (best of \(options.runs), alternating)")
for count in options.bars {
    let bars = SyntheticBars(count: count, seed: options.seed)
    let data = marketData(bars)
    let keep = Set(outputNames)

    // Warm-up runs, which also give the outputs to compare.
    let graphColumns = BatchEvaluator.evaluate(graph, data: data, keep: keep).columns
    let handColumns = handWritten(bars)
    for name in outputNames where !identical(graphColumns[name], handColumns[name]) {
        fail("\(name) differs between the graph and the hand-written loops at \(count) bars")
    }

    var bestGraph = Double.infinity
    var bestHand = Double.infinity
    var sink = 0.0
    for _ in 0..<options.runs {
        bestGraph = min(
            bestGraph,
            nanoseconds { sink += BatchEvaluator.evaluate(graph, data: data, keep: keep).columns.count > 0 ? 1 : 0 })
        bestHand = min(bestHand, nanoseconds { sink += handWritten(bars)["stops.loss"]?.last ?? 0 })
    }
    let graphPerBar = bestGraph / Double(count)
    let handPerBar = bestHand / Double(count)
    let ratio = graphPerBar / handPerBar
    log(
        "\(count)".padding(toLength: 12, withPad: " ", startingAt: 0)
            + "\(json(graphPerBar))".padding(toLength: 14, withPad: " ", startingAt: 0)
            + "\(json(handPerBar))".padding(toLength: 13, withPad: " ", startingAt: 0)
            + "\(String(format: "%.2f", ratio))  (checksum \(sink.isFinite ? "ok" : "nan"))")
    rows.append(
        """
            "\(count)": {"graph_ns_per_bar": \(json(graphPerBar)), "hand_ns_per_bar": \(json(handPerBar)), \
        "ratio": \(json(ratio)), "identical": true}
        """)
}

print(
    """
    {"plan_ms": \(json(planNanoseconds / 1e6)), "nodes": \(graph.nodes.count), "runs": \(options.runs), "bars": {
    \(rows.joined(separator: ",\n"))
    }}
    """)
