import Foundation

/// The augmented Dickey–Fuller regression of one window, as statsmodels 0.15's
/// `adfuller(x, maxlag=None, regression=…, autolag="AIC")` computes it, with storage allocated once
/// for windows of up to `capacity` values.
///
/// For a window x₀…xₙ₋₁ with differences Δxₜ = xₜ₊₁ − xₜ:
/// 1. `maxlag = min(⌊n/2⌋ − d − 1, ⌈12·(n/100)^¼⌉)` (Schwert's rule, capped as statsmodels does; d = 1
///    with a constant, 0 without); a negative cap, or a constant window, has no test (statsmodels
///    raises).
/// 2. Lag search on the common sample of `n − 1 − maxlag` rows: for p = 0…maxlag, regress Δxₜ on
///    [1,] xₜ₋₁, Δxₜ₋₁…Δxₜ₋ₚ and keep the p with the smallest
///    `AIC = −2·llf + 2k`, `llf = −(m/2)·ln 2π − (m/2)·ln(RSS/m) − m/2` (m rows, k regressors counting the
///    constant); a tie keeps the smaller p, as Python's `min` over (aic, column) pairs does.
/// 3. Refit with that p on all `n − 1 − p` usable rows; the statistic is the t value of xₜ₋₁.
///
/// With a constant, every column and Δx are centred on their sample means instead of carrying a
/// column of ones: by Frisch–Waugh–Lovell the slopes, residuals and so the t value are the same, and
/// the design loses the near-collinearity of a price level with the constant (the degrees of freedom
/// still count the constant). One Householder factorization gives the residual sums of squares of
/// all the nested models of step 2 (see `HouseholderLeastSquares`).
///
/// Cost per window: `O((n − maxlag)·(maxlag + 1)²)` for the search plus `O((n − p)·(p + 1)²)` for the
/// refit — about 30 µs at n = 250 (maxlag 16) and 3 µs at n = 60 in an optimized build.
struct AugmentedDickeyFuller: ~Copyable {
    /// The deterministic terms of the regression.
    enum Deterministic {
        /// A constant (statsmodels `regression="c"`).
        case constant
        /// None (`regression="n"`, used on the Engle–Granger residuals).
        case none

        /// The number of deterministic regressors.
        var terms: Int {
            switch self {
            case .constant: 1
            case .none: 0
            }
        }
    }

    /// The outcome for one window.
    struct Outcome {
        /// The t value of the lagged level.
        let statistic: Double
        /// The number of lagged differences chosen by AIC.
        let lag: Int
        /// The rows of the final regression, `n − 1 − lag`.
        let observations: Int
    }

    private var regression: HouseholderLeastSquares
    private let differences: UnsafeMutablePointer<Double>
    private let capacity: Int

    /// Storage for windows of up to `capacity` values.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 2)
        let lags = Swift.max(Self.maximumLag(count: self.capacity, deterministic: .none), 0)
        regression = HouseholderLeastSquares(rows: self.capacity - 1, columns: lags + 1)
        differences = .allocate(capacity: self.capacity - 1)
    }

    deinit { differences.deallocate() }

    /// statsmodels' default `maxlag` for `count` values: `min(count/2 − d − 1, ⌈12·(count/100)^¼⌉)`.
    static func maximumLag(count: Int, deterministic: Deterministic) -> Int {
        let schwert = Int((12.0 * pow(Double(count) / 100.0, 1 / 4.0)).rounded(.up))
        return Swift.min(count / 2 - deterministic.terms - 1, schwert)
    }

    /// Runs the test on `x[0..<count]`; nil where statsmodels raises (a constant window, too few values)
    /// or the design is numerically rank deficient (e.g. a lagged difference that is constant over the
    /// sample).
    mutating func test(_ x: UnsafePointer<Double>, count: Int, deterministic: Deterministic) -> Outcome? {
        precondition(count <= capacity, "window longer than the storage")
        let maxLag = Self.maximumLag(count: count, deterministic: deterministic)
        guard maxLag >= 0 else { return nil }
        var low = x[0]
        var high = x[0]
        for index in 1..<count {
            low = Swift.min(low, x[index])
            high = Swift.max(high, x[index])
        }
        guard high > low else { return nil }
        for index in 0..<(count - 1) { differences[index] = x[index + 1] - x[index] }

        var lag = 0
        if maxLag > 0 {
            // The search: one factorization of [level, Δx lag 1 … maxlag] on the common sample.
            let rows = count - 1 - maxLag
            fill(x, count: count, lags: maxLag, levelFirst: true, deterministic: deterministic)
            guard regression.factorize(rows: rows, columns: maxLag + 1) else { return nil }
            let half = Double(rows) / 2
            var best = Double.infinity
            for candidate in 0...maxLag {
                let rss = regression.residualSumOfSquares(columns: candidate + 1)
                let parameters = candidate + 1 + deterministic.terms
                let logLikelihood = -half * log(2 * Double.pi) - half * log(rss / Double(rows)) - half
                let aic = -2 * logLikelihood + 2 * Double(parameters)
                if aic < best {
                    best = aic
                    lag = candidate
                }
            }
        }
        // The refit on every usable row, the level last so that its t value falls out of R directly.
        let rows = count - 1 - lag
        fill(x, count: count, lags: lag, levelFirst: false, deterministic: deterministic)
        guard regression.factorize(rows: rows, columns: lag + 1) else { return nil }
        let degreesOfFreedom = rows - (lag + 1 + deterministic.terms)
        let statistic = regression.lastCoefficientT(degreesOfFreedom: degreesOfFreedom)
        return Outcome(statistic: statistic, lag: lag, observations: rows)
    }

    /// Writes the design for p = `lags` lagged differences: one row per t = p … count − 2 with response
    /// dₜ = xₜ₊₁ − xₜ and columns xₜ, dₜ₋₁ … dₜ₋ₚ (the level first or last), centred when the regression
    /// has a constant; the scales are the uncentred column norms.
    private mutating func fill(
        _ x: UnsafePointer<Double>, count: Int, lags: Int, levelFirst: Bool, deterministic: Deterministic
    ) {
        let rows = count - 1 - lags
        let levelColumn = levelFirst ? 0 : lags
        write(regression.column(levelColumn), from: x + lags, rows: rows, scale: regression.scales + levelColumn)
        if lags > 0 {
            for lag in 1...lags {
                let columnIndex = levelFirst ? lag : lag - 1
                write(
                    regression.column(columnIndex), from: differences + (lags - lag), rows: rows,
                    scale: regression.scales + columnIndex)
            }
        }
        regression.response.update(from: differences + lags, count: rows)
        guard deterministic == .constant else { return }
        for columnIndex in 0...lags { center(regression.column(columnIndex), rows: rows) }
        center(regression.response, rows: rows)
    }

    private func write(
        _ column: UnsafeMutablePointer<Double>, from source: UnsafePointer<Double>, rows: Int,
        scale: UnsafeMutablePointer<Double>
    ) {
        var squares = 0.0
        for row in 0..<rows {
            column[row] = source[row]
            squares += source[row] * source[row]
        }
        scale.pointee = squares.squareRoot()
    }

    private func center(_ column: UnsafeMutablePointer<Double>, rows: Int) {
        var total = 0.0
        for row in 0..<rows { total += column[row] }
        let mean = total / Double(rows)
        for row in 0..<rows { column[row] -= mean }
    }
}
