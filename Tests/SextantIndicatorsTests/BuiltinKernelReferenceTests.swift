import SextantIndicators
import Testing

/// Through the table: the 55 TA-Lib 0.8.1 columns of `talib_GOOG.csv`, computed by calling each
/// builtin's kernel with its inputs, settings and output picked by name, as a compiled strategy would.
@Suite("Builtin kernels: TA-Lib reference (GOOG)")
struct BuiltinKernelReferenceTests {
    /// A bar column of GOOG passed as a column argument.
    enum Column: Sendable {
        case open, high, low, close
    }

    /// One TA-Lib column: the builtin, its column arguments (the fields it reads are added from the
    /// table), its settings by name (the rest default) and the record field it comes from.
    struct Case: Sendable, CustomTestStringConvertible {
        let column: String
        let builtin: String
        let inputs: [Column]
        let settings: [String: Double]
        let field: String?
        var testDescription: String { column }

        init(
            _ column: String, _ builtin: String, _ inputs: [Column] = [], _ settings: [String: Double] = [:],
            field: String? = nil
        ) {
            self.column = column
            self.builtin = builtin
            self.inputs = inputs
            self.settings = settings
            self.field = field
        }
    }

    static let cases: [Case] = [
        Case("sma_20", "sma", [.close], ["length": 20]),
        Case("ema_20", "ema", [.close], ["length": 20]),
        Case("wma_20", "wma", [.close], ["length": 20]),
        Case("dema_20", "dema", [.close], ["length": 20]),
        Case("tema_20", "tema", [.close], ["length": 20]),
        Case("trima_20", "trima", [.close], ["length": 20]),
        Case("kama_30", "kama", [.close]),
        Case("t3_5_0.7", "t3", [.close]),
        Case("rsi_14", "rsi", [.close]),
        Case("macd_12_26_9_macd", "macd", [.close], field: "macd"),
        Case("macd_12_26_9_signal", "macd", [.close], field: "signal"),
        Case("macd_12_26_9_hist", "macd", [.close], field: "hist"),
        Case("bbands_20_2_2_upper", "bbands", [.close], field: "upper"),
        Case("bbands_20_2_2_middle", "bbands", [.close], field: "middle"),
        Case("bbands_20_2_2_lower", "bbands", [.close], field: "lower"),
        Case("atr_14", "atr"),
        Case("natr_14", "natr"),
        Case("trange", "trange"),
        Case("adx_14", "adx"),
        Case("adxr_14", "adxr"),
        Case("plus_di_14", "plus_di"),
        Case("minus_di_14", "minus_di"),
        Case("cci_14", "cci"),
        Case("mfi_14", "mfi"),
        Case("obv", "obv"),
        Case("ad", "ad"),
        Case("adosc_3_10", "adosc"),
        Case("stoch_5_3_3_slowk", "stoch", field: "k"),
        Case("stoch_5_3_3_slowd", "stoch", field: "d"),
        Case("stochf_5_3_fastk", "stochf", field: "k"),
        Case("stochf_5_3_fastd", "stochf", field: "d"),
        Case("stochrsi_14_5_3_fastk", "stochrsi", [.close], field: "k"),
        Case("stochrsi_14_5_3_fastd", "stochrsi", [.close], field: "d"),
        Case("willr_14", "willr"),
        Case("roc_10", "roc", [.close]),
        Case("mom_10", "mom", [.close]),
        Case("cmo_14", "cmo", [.close]),
        Case("ppo_12_26_ema", "ppo", [.close]),
        Case("apo_12_26_ema", "apo", [.close]),
        Case("aroon_14_down", "aroon", field: "down"),
        Case("aroon_14_up", "aroon", field: "up"),
        Case("aroonosc_14", "aroonosc"),
        Case("bop", "bop"),
        Case("ultosc_7_14_28", "ultosc"),
        Case("sar_0.02_0.2", "sar"),
        Case("midpoint_14", "midpoint", [.close]),
        Case("midprice_14", "midprice"),
        Case("stddev_20_1", "stddev", [.close], ["length": 20]),
        Case("var_20_1", "var", [.close], ["length": 20]),
        Case("linearreg_14", "linreg", [.close]),
        Case("linearreg_slope_14", "linreg_slope", [.close]),
        Case("correl_30_high_low", "correl", [.high, .low]),
        Case("beta_5_high_low", "beta", [.high, .low]),
        Case("tsf_14", "tsf", [.close]),
        Case("ht_trendline", "ht_trendline", [.close]),
    ]

    @Test("every TA-Lib column has a case")
    func coversEveryColumn() {
        let covered = Set(Self.cases.map(\.column))
        #expect(Self.cases.count == covered.count)
        #expect(covered == Set(ReferenceData.shared.talibColumns))
    }

    @Test("the table's kernels match TA-Lib on every bar, in batch and streaming", arguments: cases)
    func matchesTalib(_ testCase: Case) throws {
        let data = ReferenceData.shared
        let expected = try #require(data.talib[testCase.column])
        let builtin = try #require(BuiltinTable.lookup(testCase.builtin))
        let kernel = try #require(builtin.kernel, "`\(testCase.builtin)` has no kernel")
        let output: Int
        if let field = testCase.field {
            guard case .record(let fields) = builtin.result else {
                Issue.record("`\(testCase.builtin)` returns no record")
                return
            }
            output = try #require(fields.firstIndex(of: field), "`\(testCase.builtin)` has no field `\(field)`")
        } else {
            output = 0
        }
        for name in testCase.settings.keys {
            #expect(builtin.parameter(named: name) != nil, "`\(testCase.builtin)` has no parameter `\(name)`")
        }
        let goog = StreamingInputs.goog()
        let columns = testCase.inputs.map { column -> [Double] in
            switch column {
            case .open: goog.open
            case .high: goog.high
            case .low: goog.low
            case .close: goog.close
            }
        }
        let inputs = columns + builtin.reads.map { KernelHarness.field(field: $0, goog) }
        #expect(inputs.count == kernel.inputCount, "input columns of `\(testCase.builtin)`")
        guard inputs.count == kernel.inputCount else { return }
        let settings = KernelHarness.settings(builtin, testCase.settings)
        let batched = KernelHarness.batch(kernel, inputs, settings, count: goog.count)
        Matching.expectClose(batched[output], expected, "\(testCase.column) (batch)")
        let streamed = KernelHarness.stream(kernel, inputs, settings, count: goog.count)
        Matching.expectClose(streamed[output], expected, "\(testCase.column) (stream)")
    }
}
