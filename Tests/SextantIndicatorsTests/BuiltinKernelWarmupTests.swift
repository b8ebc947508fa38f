import SextantIndicators
import Testing

/// The table's warm-up rules against the kernels: the rule is what the checker reports and what the
/// live engine replays, so it must be the bar of the first value.
@Suite("Builtin kernels: warm-up")
struct BuiltinKernelWarmupTests {
    /// Builtins whose first value depends on the data (the first true condition), not only on the
    /// settings: the rule only promises "not before".
    static let dataDependent: Set<String> = ["barssince", "valuewhen"]

    /// Where a rule and the kernels' lookback disagree at some settings the checker accepts (see
    /// `ruleIsLookback`). Empty: KAMA's (lookback 0 at length 1, rule `length`) went when its length
    /// took TA-Lib's minimum of 2. A new entry needs a reason; fixing one means removing it here.
    static let knownDisagreements: [String: String] = [:]

    /// The rule's value at `settings` (in parameter order).
    static func warmup(_ builtin: Builtin, _ settings: [Double]) -> Int {
        let named = Dictionary(
            zip(builtin.settingParameters.map(\.name), settings), uniquingKeysWith: { first, _ in first })
        return builtin.warmup.evaluate { named[$0] }
    }

    @Test(
        "on clean GOOG the first value is at the warm-up, at the defaults and another setting",
        arguments: BuiltinKernelCoverageTests.wired)
    func firstValueAtWarmup(_ name: String) throws {
        let builtin = try #require(BuiltinTable.lookup(name))
        let kernel = try #require(builtin.kernel)
        let goog = StreamingInputs.goog()
        let inputs = KernelHarness.inputs(builtin, goog)
        for settings in [KernelHarness.settings(builtin), KernelHarness.otherSettings(builtin)] {
            let warmup = Self.warmup(builtin, settings)
            #expect(kernel.makeStream(settings).lookback == warmup, "\(name)\(settings): stream lookback")
            let outputs = KernelHarness.batch(kernel, inputs, settings, count: goog.count)
            for (index, column) in outputs.enumerated() {
                let label = "\(name)\(settings) output \(index)"
                if builtin.result == .condition {
                    // A condition has no NaN warm-up: it cannot be true before it.
                    let firstTrue = column.firstIndex(of: 1)
                    #expect(column.prefix(warmup).allSatisfy { $0 == 0 }, "\(label): true before the warm-up")
                    #expect(firstTrue != nil, "\(label): never true on GOOG")
                    continue
                }
                let firstValid = try #require(column.firstIndex { !$0.isNaN }, "\(label): no value on GOOG")
                if Self.dataDependent.contains(name) {
                    #expect(firstValid >= warmup, "\(label)")
                } else {
                    #expect(firstValid == warmup, "\(label): first value at bar \(firstValid), rule \(warmup)")
                }
            }
        }
    }

    @Test("the rule is the stream's lookback at every setting of a grid", arguments: BuiltinKernelCoverageTests.wired)
    func ruleIsLookback(_ name: String) throws {
        let builtin = try #require(BuiltinTable.lookup(name))
        let kernel = try #require(builtin.kernel)
        // Every combination of short and long lengths (in both orders for fast/slow pairs) and counts
        // the checker accepts (from each length's minimum); other settings stay at their defaults.
        var grid: [[Double]] = [[]]
        for parameter in builtin.settingParameters {
            let values: [Double]
            switch parameter.role {
            case .length:
                let minimum = parameter.minimum ?? 1
                values = Set([1, 2, 3, 13].filter { $0 >= minimum } + [minimum, minimum + 1]).sorted().map(Double.init)
            case .count: values = [0, 3]
            default: values = [parameter.defaultValue ?? 1]
            }
            grid = grid.flatMap { prefix in values.map { prefix + [$0] } }
        }
        let disagreements = grid.compactMap { settings -> String? in
            let lookback = kernel.makeStream(settings).lookback
            let rule = Self.warmup(builtin, settings)
            return lookback == rule ? nil : "\(settings): lookback \(lookback), rule \(rule)"
        }
        if let known = Self.knownDisagreements[name] {
            withKnownIssue(Comment(rawValue: known)) {
                #expect(disagreements.isEmpty, "\(name): \(disagreements.prefix(4).joined(separator: "; "))")
            }
        } else {
            #expect(disagreements.isEmpty, "\(name): \(disagreements.prefix(4).joined(separator: "; "))")
        }
    }
}
