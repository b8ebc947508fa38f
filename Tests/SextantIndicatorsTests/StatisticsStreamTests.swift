import Foundation
import SextantIndicators
import Testing

/// The statistics streams against their batch kernels, bit for bit, at settings the table-driven twin
/// and warm-up tests do not reach: the window lengths the per-window estimators need (Hurst needs 17
/// bars, the cointegration test a window long enough for its lag search), the non-length settings
/// (`periods`, `threshold`, `confidence`, `paths`, `seed`), and return series (the table tests feed
/// prices). Streams run through `StreamingDriver`, which also checks copies and `reset()`.
@Suite("Statistics streams: stream == batch")
struct StatisticsStreamTests {
    /// A series as per-bar returns, `x[i]/x[i − 1] − 1` (NaN at the first bar and next to a NaN).
    static func returns(_ x: [Double]) -> [Double] {
        x.indices.map { $0 == 0 ? .nan : x[$0] / x[$0 - 1] - 1 }
    }

    /// The inputs: every `StreamingInputs` set's close (prices) and its returns.
    static let series: [(name: String, values: [Double])] = StreamingInputs.all.flatMap { data in
        [(data.name, data.close), ("\(data.name) returns", returns(data.close))]
    }

    /// Expects the stream's column to be the batch's, bit for bit, and names the first bar that differs.
    /// Returns whether the batch gives any value, so a test can make sure its checks are not all empty
    /// (some sets are too short or too flat for some settings).
    @discardableResult
    static func expectSame(_ streamed: [[Double]], _ batched: [Double], _ label: String) -> Bool {
        let mismatch = zip(streamed.first ?? [], batched).enumerated().first { !StreamingDriver.same($1.0, $1.1) }
        #expect(
            mismatch == nil,
            "\(label): bar \(mismatch?.offset ?? -1) streams \(mismatch?.element.0 ?? 0), batch \(mismatch?.element.1 ?? 0)"
        )
        return batched.contains { !$0.isNaN }
    }

    /// `expectSame`, noting in `covered` (by the statistic's name, the label up to its settings) whether
    /// the batch gave a value.
    static func tally(
        _ covered: inout [String: Bool], _ streamed: [[Double]], _ batched: [Double], _ label: String
    ) {
        let name = String(label.prefix { $0 != "(" })
        let any = expectSame(streamed, batched, label)
        covered[name] = covered[name, default: false] || any
    }

    /// Expects every statistic of `covered` to have been compared on at least one value.
    static func expectCovered(_ covered: [String: Bool]) {
        for (name, any) in covered.sorted(by: { $0.key < $1.key }) {
            #expect(any, "\(name): the batch gave no value on any set, so its checks are empty")
        }
    }

    @Test("performance ratios at other periods and thresholds")
    func performance() {
        var covered: [String: Bool] = [:]
        defer { Self.expectCovered(covered) }
        for (name, x) in Self.series {
            for length in [2, 5, 20, 63] {
                for periods in [252.0, 52] {
                    Self.tally(
                        &covered,
                        StreamingDriver.series(SharpeStream(length: length, periods: periods), x),
                        Sharpe.sharpe(x, length: length, periods: periods), "sharpe(\(length), \(periods)) \(name)")
                    Self.tally(
                        &covered,
                        StreamingDriver.series(SortinoStream(length: length, periods: periods), x),
                        Sortino.sortino(x, length: length, periods: periods), "sortino(\(length), \(periods)) \(name)")
                    Self.tally(
                        &covered,
                        StreamingDriver.series(CalmarStream(length: length, periods: periods), x),
                        Calmar.calmar(x, length: length, periods: periods), "calmar(\(length), \(periods)) \(name)")
                }
                for threshold in [0.0, 0.001, 100] {
                    Self.tally(
                        &covered,
                        StreamingDriver.series(OmegaStream(length: length, threshold: threshold), x),
                        Omega.omega(x, length: length, threshold: threshold), "omega(\(length), \(threshold)) \(name)")
                }
            }
        }
    }

    @Test("one-bar windows of the window sums keep the sign of zero")
    func oneBarWindows() {
        let x: [Double] = [0, -0.0, 0.01, -0.02, -0.0, 0, .nan, -0.0, 0.03]
        Self.expectSame(
            StreamingDriver.series(SortinoStream(length: 1, periods: 252), x),
            Sortino.sortino(x, length: 1, periods: 252), "sortino(1)")
        Self.expectSame(
            StreamingDriver.series(OmegaStream(length: 1, threshold: 0), x),
            Omega.omega(x, length: 1, threshold: 0), "omega(1)")
    }

    @Test("Hurst exponent and cointegration p-value at windows long enough to give values")
    func meanReversion() {
        var covered: [String: Bool] = [:]
        defer { Self.expectCovered(covered) }
        for data in StreamingInputs.all {
            for length in [17, 40, 100] {
                Self.tally(
                    &covered,
                    StreamingDriver.series(HurstStream(length: length), data.close),
                    Hurst.hurst(data.close, length: length), "hurst(\(length)) \(data.name)")
            }
            for length in [20, 60] {
                Self.tally(
                    &covered,
                    StreamingDriver.pair(CointStream(length: length), data.close, data.open),
                    Coint.pValue(data.close, data.open, length: length), "coint_pvalue(\(length)) \(data.name)")
                Self.tally(
                    &covered,
                    StreamingDriver.series(ADFStream(length: length, field: .pValue), data.close),
                    ADF.pValue(data.close, length: length), "adf_pvalue(\(length)) \(data.name)")
            }
        }
    }

    @Test("value at risk at other confidences, paths and seeds")
    func risk() {
        var covered: [String: Bool] = [:]
        defer { Self.expectCovered(covered) }
        for (name, x) in Self.series {
            for length in [2, 14, 50] {
                for confidence in [0.95, 0.99, 0.5] {
                    Self.tally(
                        &covered,
                        StreamingDriver.series(VaRHistoricalStream(length: length, confidence: confidence), x),
                        VaRHistorical.valueAtRisk(x, length: length, confidence: confidence),
                        "var_hist(\(length), \(confidence)) \(name)")
                    Self.tally(
                        &covered,
                        StreamingDriver.series(CVaRHistoricalStream(length: length, confidence: confidence), x),
                        CVaRHistorical.expectedShortfall(x, length: length, confidence: confidence),
                        "cvar_hist(\(length), \(confidence)) \(name)")
                    Self.tally(
                        &covered,
                        StreamingDriver.series(VaRParametricStream(length: length, confidence: confidence), x),
                        VaRParametric.valueAtRisk(x, length: length, confidence: confidence),
                        "var_param(\(length), \(confidence)) \(name)")
                }
                for (paths, seed) in [(2, UInt64(1)), (500, 7)] {
                    Self.tally(
                        &covered,
                        StreamingDriver.series(
                            VaRMonteCarloStream(length: length, confidence: 0.95, paths: paths, seed: seed), x),
                        VaRMonteCarlo.valueAtRisk(x, length: length, confidence: 0.95, paths: paths, seed: seed),
                        "var_mc(\(length), \(paths), \(seed)) \(name)")
                }
            }
        }
    }

    @Test("historical VaR keeps the batch's order of signed zeros in its sorted window")
    func signedZeros() {
        let x: [Double] = [0, -0.0, 0, -0.0, -0.0, 0, 0.01, -0.0, 0, -0.01, 0, -0.0, -0.0, 0, 0]
        for length in [1, 2, 3, 4] {
            for confidence in [0.5, 0.75, 0.95] {
                Self.expectSame(
                    StreamingDriver.series(VaRHistoricalStream(length: length, confidence: confidence), x),
                    VaRHistorical.valueAtRisk(x, length: length, confidence: confidence),
                    "var_hist(\(length), \(confidence))")
                Self.expectSame(
                    StreamingDriver.series(CVaRHistoricalStream(length: length, confidence: confidence), x),
                    CVaRHistorical.expectedShortfall(x, length: length, confidence: confidence),
                    "cvar_hist(\(length), \(confidence))")
            }
        }
    }

    /// Every statistics stream, each checked against its batch kernel here or through the builtin table.
    static let streams: Set<String> = [
        "ZScoreStream", "CorrStream", "CovStream", "SharpeStream", "SortinoStream", "OmegaStream",
        "MaxDrawdownStream", "DrawdownDurationStream", "CalmarStream", "VaRHistoricalStream",
        "CVaRHistoricalStream", "VaRParametricStream", "VaRMonteCarloStream", "HalfLifeStream", "HurstStream",
        "ADFStream", "CointStream",
    ]

    @Test("every public stream in Streaming/Statistics/ is listed, so a new one gets a check")
    func everyStatisticsStreamIsListed() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SextantIndicators/Streaming/Statistics")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var declared: Set<String> = []
        let prefix = "public struct "
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            where line.hasPrefix(prefix) {
                declared.insert(String(line.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber }))
            }
        }
        #expect(declared == Self.streams)
    }
}
