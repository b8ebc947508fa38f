/// Rolling mean and population variance with cancellation-free running sums.
///
/// The sums hold deviations from a *shift* near the window (`Σ(x − s)`, `Σ(x − s)²`), so
/// `variance = Σd²/n − (Σd/n)²` never subtracts two `mean²`-sized numbers. The shift is re-anchored
/// to the window mean, and the sums rebuilt exactly, when the variance falls below 1e-6 of the mean
/// squared deviation (cancellation), when a value leaving the window dwarfs what remains (an
/// outlier's residue), or every 32 windows — TA-Lib 0.8's scheme. A rebuilt variance under 1e-12 of
/// the mean squared deviation is rounding noise of the mean and becomes exactly 0, so a flat window
/// has variance 0 and the output is never negative.
enum RollingVariance {
    /// Writes, for each bar `i ≥ length − 1`, the window mean into `mean[i]` (when given) and the
    /// population variance into `variance[i]`. Earlier bars are not written; `count ≥ length ≥ 1`.
    /// Returns false if it met a NaN (a re-anchor can wash one out of the sums, so it is tested).
    @discardableResult
    static func compute(
        _ x: UnsafePointer<Double>, count: Int, length: Int, mean: UnsafeMutablePointer<Double>?,
        variance: UnsafeMutablePointer<Double>
    ) -> Bool {
        var sawNaN: UInt8 = 0
        let first = length - 1
        let scale = 1 / Double(length)
        var shift = x[0]
        var sum = 0.0
        var squares = 0.0
        for index in 0..<first {
            let deviation = x[index] - shift
            sum += deviation
            squares += deviation * deviation
            sawNaN |= deviation != deviation ? 1 : 0
        }
        var untilReseed = 32 * length
        var index = first
        while index < count {
            var deviation = x[index] - shift
            sawNaN |= deviation != deviation ? 1 : 0
            sum += deviation
            squares += deviation * deviation
            var average = sum * scale
            var value = squares * scale - average * average
            let meanSquare = squares * scale
            deviation = x[index - first] - shift
            let leaving = deviation * deviation
            sum -= deviation
            squares -= leaving
            untilReseed -= 1
            if value < 1e-6 * meanSquare || leaving > 1e6 * squares || untilReseed <= 0 {
                untilReseed = 32 * length
                let windowStart = index - first
                var total = 0.0
                for offset in windowStart...index { total += x[offset] }
                shift = total * scale
                sum = 0
                squares = 0
                for offset in windowStart...index {
                    let fresh = x[offset] - shift
                    sum += fresh
                    squares += fresh * fresh
                }
                average = sum * scale
                value = squares * scale - average * average
                if value < 1e-12 * (squares * scale) { value = 0 }
                let trailing = x[windowStart] - shift
                sum -= trailing
                squares -= trailing * trailing
            }
            mean?[index] = shift + average
            variance[index] = value
            index += 1
        }
        return sawNaN == 0
    }
}
