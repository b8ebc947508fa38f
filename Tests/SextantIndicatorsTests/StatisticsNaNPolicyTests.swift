import SextantIndicators
import Testing

/// The shared NaN policy (see `ValidRuns`) holds for every statistics kernel: each NaN-free run is a
/// series of its own.
@Suite("Statistics: NaN policy")
struct StatisticsNaNPolicyTests {
    /// One kernel over two inputs (single-input kernels ignore the second).
    struct Kernel: Sendable, CustomTestStringConvertible {
        let name: String
        let compute: @Sendable ([Double], [Double]) -> [Double]
        var testDescription: String { name }

        init(_ name: String, _ compute: @escaping @Sendable ([Double], [Double]) -> [Double]) {
            self.name = name
            self.compute = compute
        }
    }

    static let kernels: [Kernel] = [
        Kernel("adf_stat") { a, _ in ADF.statistic(a, length: 30) },
        Kernel("adf_pvalue") { a, _ in ADF.pValue(a, length: 30) },
        Kernel("coint_pvalue") { a, b in Coint.pValue(a, b, length: 30) },
        Kernel("hurst") { a, _ in Hurst.hurst(a, length: 33) },
        Kernel("half_life") { a, _ in HalfLife.halfLife(a, length: 20) },
        Kernel("var_hist") { a, _ in VaRHistorical.valueAtRisk(a, length: 20) },
        Kernel("cvar_hist") { a, _ in CVaRHistorical.expectedShortfall(a, length: 20) },
        Kernel("var_param") { a, _ in VaRParametric.valueAtRisk(a, length: 20) },
        Kernel("var_mc") { a, _ in VaRMonteCarlo.valueAtRisk(a, length: 20, paths: 500) },
        Kernel("sharpe") { a, _ in Sharpe.sharpe(a, length: 20) },
        Kernel("sortino") { a, _ in Sortino.sortino(a, length: 20) },
        Kernel("omega") { a, _ in Omega.omega(a, length: 20) },
        Kernel("calmar") { a, _ in Calmar.calmar(a, length: 20) },
        Kernel("kelly") { a, _ in Kelly.kelly(a, length: 20) },
        Kernel("max_drawdown") { a, _ in MaxDrawdown.maxDrawdown(a, length: 20) },
        Kernel("drawdown_duration") { a, _ in DrawdownDuration.drawdownDuration(a, length: 20) },
        Kernel("mean") { a, _ in RollingMean.mean(a, length: 20) },
        Kernel("std") { a, _ in RollingStd.std(a, length: 20) },
        Kernel("zscore") { a, _ in ZScore.zscore(a, length: 20) },
        Kernel("corr") { a, b in Corr.corr(a, b, length: 20) },
        Kernel("cov") { a, b in Cov.cov(a, b, length: 20) },
        Kernel("beta") { a, b in RollingBeta.beta(y: a, x: b, length: 20) },
        Kernel("linreg.intercept") { a, b in RollingLinReg.linreg(y: a, x: b, length: 20).intercept },
        Kernel("linreg.slope") { a, b in RollingLinReg.linreg(y: a, x: b, length: 20).slope },
    ]

    /// Inputs that suit every kernel: positive prices for the level kernels, returns for the rest.
    static func inputs(_ name: String) -> ([Double], [Double]) {
        let reference = StatisticsReference.shared
        let returnKernels = ["var", "cvar", "sharpe", "sortino", "omega", "calmar", "kelly"]
        if returnKernels.contains(where: { name.hasPrefix($0) }) {
            let returns = Array(reference.column("t_returns").prefix(300))
            return (returns, returns)
        }
        return (Array(reference.column("pair_a").prefix(300)), Array(reference.column("pair_b").prefix(300)))
    }

    static func sameBits(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    @Test("a NaN prefix shifts the output: NaN prefix + kernel(valid part)", arguments: kernels)
    func prefix(_ kernel: Kernel) {
        let (a, b) = Self.inputs(kernel.name)
        let blanked = Array(repeating: Double.nan, count: 23) + a.dropFirst(23)
        let shifted = kernel.compute(blanked, b)
        let direct = kernel.compute(Array(a.dropFirst(23)), Array(b.dropFirst(23)))
        #expect(shifted.prefix(23).allSatisfy { $0.isNaN })
        #expect(Self.sameBits(shifted.dropFirst(23), direct[...]))
    }

    @Test("a NaN inside the data restarts the window after it", arguments: kernels)
    func interior(_ kernel: Kernel) {
        let (a, b) = Self.inputs(kernel.name)
        // One NaN in each input (at different bars for pair kernels): the runs are 0..<150 and 152...
        var holedA = a
        var holedB = b
        holedA[150] = .nan
        holedB[151] = .nan
        let output = kernel.compute(holedA, holedB)
        let pairKernels = ["coint_pvalue", "corr", "cov", "beta", "linreg.intercept", "linreg.slope"]
        let restart = pairKernels.contains(kernel.name) ? 152 : 151
        let after = kernel.compute(Array(a[restart...]), Array(b[restart...]))
        #expect(output[150].isNaN)
        #expect(Self.sameBits(output[restart...], after[...]))
        let before = kernel.compute(Array(a[..<150]), Array(b[..<150]))
        #expect(Self.sameBits(output[..<150], before[...]))
    }
}
