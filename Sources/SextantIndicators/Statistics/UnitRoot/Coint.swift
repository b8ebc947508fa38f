/// Rolling Engle–Granger cointegration test of `a` on `b`: statsmodels'
/// `coint(a_window, b_window, trend="c", autolag="aic")` over the last `n` bars at every bar.
///
/// Step 1 regresses a on [b, 1] by least squares (centred two-pass sums); step 2 runs the ADF
/// regression *without* deterministic terms (`regression="n"`, maxlag `min(n/2 − 1, ⌈12·(n/100)^¼⌉)`,
/// lag by AIC) on the residuals; the p-value is MacKinnon's for a constant and two series
/// (`MacKinnon.pValue(_:regression: .constant, series: 2)`). As statsmodels does, when the step-1 R²
/// is at least `1 − 100·√ε` (the pair is collinear) the statistic is −∞ and the p-value 0, with no lag.
/// A low p-value means `a − β·b` mean-reverts: the pair is cointegrated.
///
/// First valid at bar `n − 1` of each run where both inputs are numbers (see `ValidRuns`); `n < 3`
/// gives all NaN, as does a window where either series is constant or the ADF step has no test.
/// Cost per bar: O(n) for step 1 plus the ADF regression's `O(n·maxlag²)` (see `ADF`).
public enum Coint {
    /// The result of one test.
    public struct Result: Sendable, Equatable {
        /// The ADF t statistic of the residuals (−∞ for a collinear pair).
        public let statistic: Double
        /// MacKinnon's approximate p-value for two series.
        public let pValue: Double
        /// The number of lagged differences in the residual regression (nil for a collinear pair).
        public let lag: Int?
        /// The cointegrating slope β of step 1.
        public let hedgeRatio: Double
    }

    /// The shortest window with a test.
    public static let minimumLength = 3

    /// The shortest length from which every window length has a test, the `coint_pvalue` builtin's
    /// minimum. Below it an even length n has none: the lag cap `n/2 − 1` is below Schwert's rule
    /// (⌈12·(n/100)^¼⌉ = 9 at n = 20), so the longest lag's search regression is square and fits
    /// exactly (its AIC is −∞, so it is chosen), and its refit on `n/2` rows with `n/2` regressors has
    /// no degrees of freedom left. Odd lengths from 3 have one, but a rolling test whose window length
    /// decides whether it exists at all is a trap, and 21 bars is already a short cointegration window.
    public static let minimumRollingLength = 21

    /// Bars before the first value when the inputs start valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// The test on all of `a` and `b` (same length, no NaN); nil where it has none.
    public static func test(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Result? {
        precondition(a.count == b.count, "coint needs two series of one length")
        guard let baseA = a.baseAddress, let baseB = b.baseAddress, a.count >= minimumLength else { return nil }
        var workspace = Workspace(capacity: a.count)
        return workspace.test(baseA, baseB, count: a.count)
    }

    /// The test on all of `a` and `b`.
    public static func test(_ a: [Double], _ b: [Double]) -> Result? {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in test(a, b) } }
    }

    /// Writes the rolling `length`-bar statistic, p-value and residual lag of `a` on `b`.
    public static func coint(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, length: Int,
        statistic: UnsafeMutableBufferPointer<Double>, pValue: UnsafeMutableBufferPointer<Double>,
        lag: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([a, b], [statistic, pValue, lag]) { x, out, range in
            let offset = range.lowerBound
            let (statistics, pValues, lags) = (out[0] + offset, out[1] + offset, out[2] + offset)
            let count = range.count
            guard length >= minimumLength, length <= count else {
                for column in [statistics, pValues, lags] { ValidRuns.fillNaN(column, runStart: 0, runEnd: count) }
                return
            }
            for column in [statistics, pValues, lags] { ValidRuns.fillNaN(column, runStart: 0, runEnd: length - 1) }
            var workspace = Workspace(capacity: length)
            for index in (length - 1)..<count {
                let start = offset + index - length + 1
                let result = workspace.test(x[0] + start, x[1] + start, count: length)
                statistics[index] = result?.statistic ?? .nan
                pValues[index] = result?.pValue ?? .nan
                lags[index] = result?.lag.map(Double.init) ?? .nan
            }
        }
    }

    /// The rolling `length`-bar statistic, p-value and residual lag of `a` on `b`.
    public static func coint(
        _ a: [Double], _ b: [Double], length: Int
    ) -> (statistic: [Double], pValue: [Double], lag: [Double]) {
        let (statistic, pValue, lag) = KernelColumns.make3(count: a.count) { statistic, pValue, lag in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    coint(a, b, length: length, statistic: statistic, pValue: pValue, lag: lag)
                }
            }
        }
        return (statistic, pValue, lag)
    }

    /// The rolling `length`-bar Engle–Granger p-value of `a` on `b` (the `coint_pvalue` builtin).
    public static func pValue(_ a: [Double], _ b: [Double], length: Int) -> [Double] {
        coint(a, b, length: length).pValue
    }

    /// Residual storage and the ADF engine, allocated once per run; `CointStream` holds one to run the
    /// same per-window test.
    struct Workspace: ~Copyable {
        var engine: AugmentedDickeyFuller
        let residuals: ScratchColumn

        init(capacity: Int) {
            engine = AugmentedDickeyFuller(capacity: capacity)
            residuals = ScratchColumn(count: capacity)
        }

        /// statsmodels' 1 − 100·√ε, the R² at which `coint` declares the pair collinear.
        private static let collinearRSquared = 1 - 100 * Double.ulpOfOne.squareRoot()

        mutating func test(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Result? {
            let n = Double(count)
            var totalA = 0.0
            var totalB = 0.0
            for index in 0..<count {
                totalA += a[index]
                totalB += b[index]
            }
            let meanA = totalA / n
            let meanB = totalB / n
            var squaresB = 0.0
            var squaresA = 0.0
            var products = 0.0
            for index in 0..<count {
                let da = a[index] - meanA
                let db = b[index] - meanB
                squaresA += da * da
                squaresB += db * db
                products += da * db
            }
            guard squaresA > 0, squaresB > 0 else { return nil }
            let slope = products / squaresB
            let e = residuals.base
            var rss = 0.0
            for index in 0..<count {
                e[index] = (a[index] - meanA) - slope * (b[index] - meanB)
                rss += e[index] * e[index]
            }
            if 1 - rss / squaresA >= Self.collinearRSquared {
                return Result(statistic: -.infinity, pValue: 0, lag: nil, hedgeRatio: slope)
            }
            guard let outcome = engine.test(e, count: count, deterministic: .none) else { return nil }
            return Result(
                statistic: outcome.statistic,
                pValue: MacKinnon.pValue(outcome.statistic, regression: .constant, series: 2),
                lag: outcome.lag, hedgeRatio: slope)
        }
    }
}
