import Foundation
import SextantIndicators
import Testing

/// `Reference/statistics_reference.json`, written by `scripts/reference/statistics_reference.py` from
/// statsmodels, numpy and scipy (versions inside): the synthetic inputs, and expected values of every
/// statistics kernel at sampled bars.
struct StatisticsReference: Sendable {
    /// A JSON number that may be null (NaN) or the strings "inf"/"-inf".
    struct Number: Decodable, Sendable {
        let value: Double

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .nan
            } else if let number = try? container.decode(Double.self) {
                value = number
            } else {
                switch try container.decode(String.self) {
                case "inf": value = .infinity
                case "-inf": value = -.infinity
                default: value = .nan
                }
            }
        }
    }

    /// One rolling case: a kernel, its inputs and settings, and expected outputs at `bars`.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let kind: String
        let series: String
        let window: Int
        let params: [String: Double]
        let bars: [Int]
        let expected: [String: [Number]]

        var testDescription: String {
            let settings = params.keys.sorted().map { "\($0)=\(params[$0] ?? .nan)" }.joined(separator: " ")
            return "\(kind) \(series) n=\(window) \(settings)"
        }

        /// A setting that the generator always writes for this kind.
        func parameter(_ name: String) -> Double { params[name] ?? .nan }
    }

    /// A single-window ADF or Engle–Granger result on a whole series.
    struct FullSample: Decodable, Sendable {
        let kind: String
        let series: String
        let statistic: Number
        let pvalue: Number
        let lag: Int?
    }

    struct Random: Decodable, Sendable {
        let xoshiroState1234: [String]
        let splitmix1234567: [String]
        let xoshiroSeed1: [String]
        let normalsSeed1: [Double]

        enum CodingKeys: String, CodingKey {
            case xoshiroState1234 = "xoshiro_state_1234"
            case splitmix1234567 = "splitmix_1234567"
            case xoshiroSeed1 = "xoshiro_seed_1"
            case normalsSeed1 = "normals_seed_1"
        }
    }

    struct Distributions: Decodable, Sendable {
        struct Quantiles: Decodable, Sendable {
            let p: [Double]
            let scipy: [Double]
            let exact: [Double]?
        }

        struct CDF: Decodable, Sendable {
            let x: [Double]
            let scipy: [Double]
            let exact: [Double]?
        }

        struct MacKinnonRow: Decodable, Sendable {
            let regression: String
            /// statsmodels' N: the number of integrated series.
            let series: Int
            let statistic: [Double]
            let pvalue: [Double]

            enum CodingKeys: String, CodingKey {
                case regression, statistic, pvalue
                case series = "N"
            }
        }

        let normalQuantile: Quantiles
        let normalCdf: CDF
        let mackinnon: [MacKinnonRow]

        enum CodingKeys: String, CodingKey {
            case normalQuantile = "normal_quantile"
            case normalCdf = "normal_cdf"
            case mackinnon
        }
    }

    struct Document: Decodable, Sendable {
        let versions: [String: String?]
        let inputs: [String: [Number]]
        let fullSample: [FullSample]
        let random: Random
        let distributions: Distributions
        let cases: [Case]

        enum CodingKeys: String, CodingKey {
            case versions, inputs, random, distributions, cases
            case fullSample = "full_sample"
        }
    }

    let document: Document

    /// Loaded once for the whole test run.
    static let shared = StatisticsReference()

    private init() {
        guard
            let folder = Bundle.module.url(forResource: "Reference", withExtension: nil),
            let data = try? Data(contentsOf: folder.appendingPathComponent("statistics_reference.json"))
        else { fatalError("Reference/statistics_reference.json missing from the test bundle") }
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            fatalError("cannot decode statistics_reference.json: \(error)")
        }
    }

    /// The rolling cases.
    static var cases: [Case] { shared.document.cases }

    /// An input column: GOOG columns from GOOG.csv, the rest from the JSON.
    func column(_ name: String) -> [Double] {
        let goog = ReferenceData.shared
        switch name {
        case "goog_close": return goog.close
        case "goog_high": return goog.high
        case "goog_low": return goog.low
        default:
            guard let values = document.inputs[name] else { fatalError("no input column \(name)") }
            return values.map(\.value)
        }
    }

    /// The columns of a `a~b` series name.
    func columns(_ series: String) -> [[Double]] {
        series.split(separator: "~").map { column(String($0)) }
    }
}

/// Every rolling case of the reference JSON against our kernels, at the sampled bars.
@Suite("Statistics: statsmodels/numpy/scipy reference")
struct StatisticsReferenceTests {
    /// Agreement with a reference value: NaN with NaN, ±∞ with the same infinity, else
    /// `|a − b| ≤ relative·|b| + absolute`.
    static func agrees(_ actual: Double, _ expected: Double, relative: Double, absolute: Double) -> Bool {
        if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
        if expected.isInfinite || actual.isInfinite { return actual == expected }
        return Swift.abs(actual - expected) <= relative * Swift.abs(expected) + absolute
    }

    /// The tolerance of one output: ADF/Engle–Granger statistics to 1e-8 relative and p-values to
    /// 1e-6 relative (the brief's bounds); lags and durations exactly; everything else as the TA-Lib
    /// reference tests (1e-9 relative + 1e-12).
    static func tolerance(kind: String, output: String) -> (relative: Double, absolute: Double) {
        switch (kind, output) {
        case ("adf", "statistic"), ("coint", "statistic"): (1e-8, 1e-12)
        case ("adf", "pvalue"), ("coint", "pvalue"): (1e-6, 1e-300)
        case (_, "lag"), ("drawdown_duration", _): (0, 0)
        default: (1e-9, 1e-12)
        }
    }

    /// Our columns for a case, by output name.
    static func compute(_ testCase: StatisticsReference.Case, _ inputs: [[Double]]) -> [String: [Double]] {
        let n = testCase.window
        let x = inputs[0]
        switch testCase.kind {
        case "adf":
            let result = ADF.adf(x, length: n)
            return ["statistic": result.statistic, "pvalue": result.pValue, "lag": result.lag]
        case "coint":
            let result = Coint.coint(x, inputs[1], length: n)
            return ["statistic": result.statistic, "pvalue": result.pValue, "lag": result.lag]
        case "hurst": return ["value": Hurst.hurst(x, length: n)]
        case "half_life": return ["value": HalfLife.halfLife(x, length: n)]
        case "var_hist":
            return ["value": VaRHistorical.valueAtRisk(x, length: n, confidence: testCase.parameter("confidence"))]
        case "cvar_hist":
            return [
                "value": CVaRHistorical.expectedShortfall(x, length: n, confidence: testCase.parameter("confidence"))
            ]
        case "var_param":
            return ["value": VaRParametric.valueAtRisk(x, length: n, confidence: testCase.parameter("confidence"))]
        case "var_mc":
            let value = VaRMonteCarlo.valueAtRisk(
                x, length: n, confidence: testCase.parameter("confidence"), paths: Int(testCase.parameter("paths")),
                seed: UInt64(testCase.parameter("seed")))
            return ["value": value]
        case "sharpe": return ["value": Sharpe.sharpe(x, length: n, periods: testCase.parameter("periods"))]
        case "sortino": return ["value": Sortino.sortino(x, length: n, periods: testCase.parameter("periods"))]
        case "calmar": return ["value": Calmar.calmar(x, length: n, periods: testCase.parameter("periods"))]
        case "omega": return ["value": Omega.omega(x, length: n, threshold: testCase.parameter("threshold"))]
        case "kelly": return ["value": Kelly.kelly(x, length: n)]
        case "max_drawdown": return ["value": MaxDrawdown.maxDrawdown(x, length: n)]
        case "drawdown_duration": return ["value": DrawdownDuration.drawdownDuration(x, length: n)]
        case "mean": return ["value": RollingMean.mean(x, length: n)]
        case "std": return ["value": RollingStd.std(x, length: n)]
        case "zscore": return ["value": ZScore.zscore(x, length: n)]
        case "corr": return ["value": Corr.corr(x, inputs[1], length: n)]
        case "cov": return ["value": Cov.cov(x, inputs[1], length: n)]
        case "beta": return ["value": RollingBeta.beta(y: x, x: inputs[1], length: n)]
        case "linreg":
            let line = RollingLinReg.linreg(y: x, x: inputs[1], length: n)
            return ["intercept": line.intercept, "slope": line.slope]
        default: return [:]
        }
    }

    @Test("reference case", arguments: StatisticsReference.cases)
    func referenceCase(_ testCase: StatisticsReference.Case) throws {
        let inputs = StatisticsReference.shared.columns(testCase.series)
        let computed = Self.compute(testCase, inputs)
        #expect(!computed.isEmpty, "no kernel for kind \(testCase.kind)")
        // The first full window of the first bar where every input is a number.
        let firstValid = (0..<inputs[0].count).first { bar in inputs.allSatisfy { !$0[bar].isNaN } } ?? 0
        for (output, expectedValues) in testCase.expected.sorted(by: { $0.key < $1.key }) {
            let column = try #require(computed[output], "\(testCase.kind) has no output \(output)")
            #expect(column.count == inputs[0].count)
            #expect(
                column.prefix(firstValid + testCase.window - 1).allSatisfy { $0.isNaN },
                "\(output): values before the first full window")
            let tolerance = Self.tolerance(kind: testCase.kind, output: output)
            var mismatches: [String] = []
            for (bar, expected) in zip(testCase.bars, expectedValues.map(\.value))
            where !Self.agrees(column[bar], expected, relative: tolerance.relative, absolute: tolerance.absolute) {
                mismatches.append("bar \(bar): \(column[bar]) vs \(expected)")
            }
            #expect(
                mismatches.isEmpty,
                "\(output): \(mismatches.count) of \(testCase.bars.count) bars differ: \(mismatches.prefix(4))")
        }
    }

    @Test("the reference covers every kernel and records its tool versions")
    func coverage() {
        let document = StatisticsReference.shared.document
        let kinds = Set(document.cases.map(\.kind))
        let expected: Set<String> = [
            "adf", "coint", "hurst", "half_life", "var_hist", "cvar_hist", "var_param", "var_mc", "sharpe",
            "sortino", "calmar", "omega", "kelly", "max_drawdown", "drawdown_duration", "mean", "std", "zscore",
            "corr", "cov", "beta", "linreg",
        ]
        #expect(kinds == expected)
        for tool in ["numpy", "scipy", "statsmodels"] {
            #expect((document.versions[tool] ?? nil) != nil, "no \(tool) version")
        }
        #expect(document.cases.allSatisfy { !$0.bars.isEmpty })
    }
}
