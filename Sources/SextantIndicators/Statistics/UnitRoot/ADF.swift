/// Rolling augmented Dickey–Fuller unit-root test: statsmodels'
/// `adfuller(window, regression="c", autolag="AIC")` over the last `n` values at every bar.
///
/// At bar i the window is x[i − n + 1 … i]; the outputs are the t statistic of the lagged level, its
/// MacKinnon p-value (`MacKinnon.pValue(_:regression: .constant, series: 1)`) and the number of lagged
/// differences AIC chose from 0…`min(n/2 − 2, ⌈12·(n/100)^¼⌉)`. See `AugmentedDickeyFuller` for the
/// regression. A low statistic (p-value) rejects a unit root: the series mean-reverts.
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 4` gives all NaN, as does a
/// window statsmodels rejects (a constant window) or whose design is rank deficient. Cost: one
/// `O(n·maxlag²)` least-squares search and refit per bar — about 30 µs at n = 250 and 3 µs at n = 60
/// in an optimized build, so a 250-bar ADF over 100 000 bars takes about 3 s of one core.
public enum ADF {
    /// The result of one test.
    public struct Result: Sendable, Equatable {
        /// The ADF t statistic.
        public let statistic: Double
        /// MacKinnon's approximate p-value of the statistic.
        public let pValue: Double
        /// The number of lagged differences in the regression.
        public let lag: Int
        /// The number of rows of the regression.
        public let observations: Int
    }

    /// The shortest window with a test (statsmodels needs ⌊n/2⌋ − 2 ≥ 0).
    public static let minimumLength = 4

    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// The test on all of `x` (which must contain no NaN); nil when statsmodels has none (fewer than
    /// four values, a constant series) or the design is rank deficient.
    public static func test(_ x: UnsafeBufferPointer<Double>) -> Result? {
        guard let base = x.baseAddress, x.count >= minimumLength else { return nil }
        var engine = AugmentedDickeyFuller(capacity: x.count)
        guard let outcome = engine.test(base, count: x.count, deterministic: .constant) else { return nil }
        return Result(
            statistic: outcome.statistic,
            pValue: MacKinnon.pValue(outcome.statistic, regression: .constant, series: 1),
            lag: outcome.lag, observations: outcome.observations)
    }

    /// The test on all of `x`.
    public static func test(_ x: [Double]) -> Result? {
        x.withUnsafeBufferPointer { test($0) }
    }

    /// Writes the rolling `length`-bar statistic, p-value and chosen lag of `input`.
    public static func adf(
        _ input: UnsafeBufferPointer<Double>, length: Int, statistic: UnsafeMutableBufferPointer<Double>,
        pValue: UnsafeMutableBufferPointer<Double>, lag: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [statistic, pValue, lag]) { x, out, range in
            let offset = range.lowerBound
            let (statistics, pValues, lags) = (out[0] + offset, out[1] + offset, out[2] + offset)
            let count = range.count
            guard length >= minimumLength, length <= count else {
                for column in [statistics, pValues, lags] { ValidRuns.fillNaN(column, runStart: 0, runEnd: count) }
                return
            }
            for column in [statistics, pValues, lags] { ValidRuns.fillNaN(column, runStart: 0, runEnd: length - 1) }
            let values = x[0] + offset
            var engine = AugmentedDickeyFuller(capacity: length)
            for index in (length - 1)..<count {
                if let outcome = engine.test(values + (index - length + 1), count: length, deterministic: .constant) {
                    statistics[index] = outcome.statistic
                    pValues[index] = MacKinnon.pValue(outcome.statistic, regression: .constant, series: 1)
                    lags[index] = Double(outcome.lag)
                } else {
                    statistics[index] = .nan
                    pValues[index] = .nan
                    lags[index] = .nan
                }
            }
        }
    }

    /// The rolling `length`-bar statistic, p-value and chosen lag of `input`.
    public static func adf(_ input: [Double], length: Int) -> (statistic: [Double], pValue: [Double], lag: [Double]) {
        let (statistic, pValue, lag) = KernelColumns.make3(count: input.count) { statistic, pValue, lag in
            input.withUnsafeBufferPointer { adf($0, length: length, statistic: statistic, pValue: pValue, lag: lag) }
        }
        return (statistic, pValue, lag)
    }

    /// The rolling `length`-bar ADF statistic of `input` (the `adf_stat` builtin).
    public static func statistic(_ input: [Double], length: Int) -> [Double] {
        adf(input, length: length).statistic
    }

    /// The rolling `length`-bar ADF p-value of `input` (the `adf_pvalue` builtin).
    public static func pValue(_ input: [Double], length: Int) -> [Double] {
        adf(input, length: length).pValue
    }
}
