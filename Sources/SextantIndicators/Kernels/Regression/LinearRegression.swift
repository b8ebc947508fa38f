/// Least-squares line through the last `n` values, the shared core of `LinearReg`,
/// `LinearRegSlope` and `TSF`.
///
/// With `k = 0` for the newest bar: `Σk = n(n−1)/2`, `Σk² = n(n−1)(2n−1)/6`,
/// `m = (n·Σk·x − Σk·Σx)/((Σk)² − n·Σk²)` (the slope per bar, forward in time),
/// `b = (Σx − m·Σk)/n`; TA-Lib's formulation, evaluated directly over each window (O(n) per bar, as
/// TA-Lib) on deviations from the newest value, so that no running sum can drift and a small slope at
/// a high price level keeps its digits. Length 1 is a flat line through the value.
enum LinearRegression {
    /// What the kernel writes for each window.
    enum Output {
        /// The line at the newest bar, `b + m·(n − 1)` (LINEARREG).
        case value
        /// The slope `m` (LINEARREG_SLOPE).
        case slope
        /// The line one bar ahead, `b + m·n` (TSF).
        case forecast
    }

    /// The run core: writes `out[0..<count]`, NaN before bar `n − 1`.
    static func run(
        _ x: UnsafePointer<Double>, count: Int, length: Int, output: Output, _ out: UnsafeMutablePointer<Double>
    ) {
        let first = length - 1
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        if length == 1 {
            for index in 0..<count { out[index] = output == .slope ? 0 : x[index] }
            return
        }
        let n = Double(length)
        let sumK = n * (n - 1) * 0.5
        let sumKSquared = n * (n - 1) * (2 * n - 1) / 6
        let divisor = sumK * sumK - n * sumKSquared
        for index in first..<count {
            var sumKX = 0.0
            var sumX = 0.0
            let window = x + (index - first)
            // Deviations from the newest value: the line is shift-invariant, and small deviations keep
            // `n·Σkx − Σk·Σx` from cancelling away the digits of a small slope at a high price level.
            let shift = x[index]
            // window[j] is k = first − j bars old.
            for offset in 0..<length {
                let value = window[offset] - shift
                sumKX += Double(first - offset) * value
                sumX += value
            }
            let slope = (n * sumKX - sumK * sumX) / divisor
            switch output {
            case .slope:
                out[index] = slope
            case .value:
                out[index] = (sumX - slope * sumK) / n + slope * (n - 1) + shift
            case .forecast:
                out[index] = (sumX - slope * sumK) / n + slope * n + shift
            }
        }
    }
}
