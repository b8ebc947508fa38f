/// Rolling sums of squares and cross products of two series with cancellation-free running sums,
/// the shared core of `Correl` and `Beta`.
///
/// As in `RollingVariance`, the sums hold deviations from shifts near the window (`d = x − sx`,
/// `e = y − sy`): `ssX = Σd² − (Σd)²/n`, `ssY` likewise, `spXY = Σde − Σd·Σe/n`. Shifts are re-anchored
/// to the window means and the sums rebuilt when `ssX` or `ssY` falls below 1e-6 of its raw sum of
/// squares, when a leaving value dwarfs what remains, or every 32 windows (TA-Lib 0.8's scheme).
enum RollingCovariance {
    /// What is written for each window.
    enum Output {
        /// Pearson's r, `spXY/√(ssX·ssY)`, clamped to [−1, 1]; 0 when either sum of squares is within
        /// 1e-14 of its raw sum (a flat window).
        case correlation
        /// The least-squares slope of y on x, `spXY/ssX`; 0 when `ssX` is within 1e-14 of its raw sum.
        case slope
    }

    /// Writes one value per window of `length` values ending at bars `length − 1..<count` (earlier bars
    /// are not written); `count ≥ length ≥ 1`.
    static func compute(
        x: UnsafePointer<Double>, y: UnsafePointer<Double>, count: Int, length: Int, output: Output,
        _ out: UnsafeMutablePointer<Double>
    ) {
        let first = length - 1
        let scale = 1 / Double(length)
        var shiftX = x[0]
        var shiftY = y[0]
        var sumX = 0.0
        var sumY = 0.0
        var sumXX = 0.0
        var sumYY = 0.0
        var sumXY = 0.0
        for index in 0..<first {
            let dx = x[index] - shiftX
            let dy = y[index] - shiftY
            sumX += dx
            sumY += dy
            sumXX += dx * dx
            sumYY += dy * dy
            sumXY += dx * dy
        }
        var untilReseed = 32 * length
        var leavingX = 0.0
        var leavingY = 0.0
        for index in first..<count {
            let dx = x[index] - shiftX
            let dy = y[index] - shiftY
            sumX += dx
            sumY += dy
            sumXX += dx * dx
            sumYY += dy * dy
            sumXY += dx * dy
            var ssX = sumXX - sumX * sumX * scale
            var ssY = sumYY - sumY * sumY * scale
            var spXY = sumXY - sumX * sumY * scale
            untilReseed -= 1
            if ssX < 1e-6 * sumXX || ssY < 1e-6 * sumYY || leavingX > 1e6 * sumXX || leavingY > 1e6 * sumYY
                || untilReseed <= 0
            {
                untilReseed = 32 * length
                let windowStart = index - first
                var totalX = 0.0
                var totalY = 0.0
                for offset in windowStart...index {
                    totalX += x[offset]
                    totalY += y[offset]
                }
                shiftX = totalX * scale
                shiftY = totalY * scale
                sumX = 0
                sumY = 0
                sumXX = 0
                sumYY = 0
                sumXY = 0
                for offset in windowStart...index {
                    let fx = x[offset] - shiftX
                    let fy = y[offset] - shiftY
                    sumX += fx
                    sumY += fy
                    sumXX += fx * fx
                    sumYY += fy * fy
                    sumXY += fx * fy
                }
                ssX = Swift.max(sumXX - sumX * sumX * scale, 0)
                ssY = Swift.max(sumYY - sumY * sumY * scale, 0)
                spXY = sumXY - sumX * sumY * scale
            }
            switch output {
            case .correlation:
                if ssX > 1e-14 * sumXX, ssY > 1e-14 * sumYY {
                    out[index] = Swift.min(Swift.max(spXY / (ssX * ssY).squareRoot(), -1), 1)
                } else {
                    out[index] = 0
                }
            case .slope:
                out[index] = ssX > 1e-14 * sumXX ? spXY / ssX : 0
            }
            // Drop the oldest value of the window.
            let oldX = x[index - first] - shiftX
            let oldY = y[index - first] - shiftY
            leavingX = oldX * oldX
            leavingY = oldY * oldY
            sumX -= oldX
            sumY -= oldY
            sumXX -= leavingX
            sumYY -= leavingY
            sumXY -= oldX * oldY
        }
    }
}
