import SextantIndicators
import Testing

/// Every builtin that a graph evaluates has a kernel of the right shape in the table.
@Suite("Builtin kernels: coverage")
struct BuiltinKernelCoverageTests {
    /// Builtins whose kernels are not wired yet: the statistics, which have batch kernels but no
    /// streaming twins so far. This set may only shrink: wiring one fails the test until it is removed
    /// here, and nothing may be added.
    static let notWiredYet: Set<String> = []

    /// The builtins that must have a kernel now.
    static let wired: [String] = BuiltinTable.all.filter { $0.kernel != nil }.map(\.name)

    @Test(
        "each builtin has a kernel of its shape, or is sizing, or is a known statistic",
        arguments: BuiltinTable.all.map(\.name))
    func hasKernel(_ name: String) throws {
        let builtin = try #require(BuiltinTable.lookup(name))
        if builtin.result == .size {
            #expect(builtin.kernel == nil, "sizing functions are evaluated by the simulation, not by a kernel")
            return
        }
        if Self.notWiredYet.contains(name) {
            #expect(builtin.kernel == nil, "`\(name)` is wired now: remove it from `notWiredYet`")
            return
        }
        let kernel = try #require(builtin.kernel, "`\(name)` has no kernel")
        #expect(kernel.outputCount == builtin.result.columnCount, "outputs of `\(name)`")
        #expect(kernel.inputCount == builtin.inputCount, "input columns of `\(name)`")
        #expect(kernel.settingCount == builtin.settingParameters.count, "settings of `\(name)`")
    }

    @Test("the not-yet-wired set only names statistics and never grows")
    func notWiredYetShrinks() {
        // 18 when the kernels were first wired; lower this as statistics are wired, never raise it.
        #expect(Self.notWiredYet.isEmpty)
        for name in Self.notWiredYet {
            let category = BuiltinTable.lookup(name)?.category
            #expect(category == .statistics || category == .performance, "`\(name)` is not a statistic")
        }
    }

    @Test("the result shapes are the ones the kernels write")
    func resultShapes() {
        #expect(BuiltinResult.series.columnCount == 1)
        #expect(BuiltinResult.condition.columnCount == 1)
        #expect(BuiltinResult.elementwise.columnCount == 1)
        #expect(BuiltinResult.record(["macd", "signal", "hist"]).columnCount == 3)
    }
}
