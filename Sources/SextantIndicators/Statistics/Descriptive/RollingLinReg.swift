/// Rolling least-squares line of `y` on `x` over the last `n` bars: `y ≈ intercept + slope·x`,
/// numpy's `np.polyfit(x_w, y_w, 1)` (slope, intercept).
///
/// `slope = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)²`, `intercept = ȳ − slope·x̄`, with centred two-pass sums over each
/// window (O(n) per bar, as TA-Lib's `LINEARREG`). Not the O(1) running sums of `RollingBeta`: the
/// intercept is the difference of ȳ and slope·x̄, which for prices can be 10⁴ times larger than it, so
/// the slope needs its last digits (running sums keep about 13). Not TA-Lib's `LINEARREG` (the
/// `linreg` builtin) either, which fits a line against *time*. A flat x gives slope 0 and intercept
/// ȳ. First valid at bar `n − 1` of each run where both inputs are numbers (see `ValidRuns`); `n < 2`
/// gives all NaN.
public enum RollingLinReg {
    /// Bars before the first value when the inputs start valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar intercept and slope of `y` on `x`.
    public static func linreg(
        y: UnsafeBufferPointer<Double>, x: UnsafeBufferPointer<Double>, length: Int,
        intercept: UnsafeMutableBufferPointer<Double>, slope: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([y, x], [intercept, slope]) { inputs, out, range in
            let offset = range.lowerBound
            let count = range.count
            let (intercepts, slopes) = (out[0] + offset, out[1] + offset)
            guard length >= 2, length <= count else {
                ValidRuns.fillNaN(intercepts, runStart: 0, runEnd: count)
                ValidRuns.fillNaN(slopes, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(intercepts, runStart: 0, runEnd: length - 1)
            ValidRuns.fillNaN(slopes, runStart: 0, runEnd: length - 1)
            let (ys, xs) = (inputs[0] + offset, inputs[1] + offset)
            let n = Double(length)
            for index in (length - 1)..<count {
                let start = index - length + 1
                var sumX = 0.0
                var sumY = 0.0
                for bar in start...index {
                    sumX += xs[bar]
                    sumY += ys[bar]
                }
                let meanX = sumX / n
                let meanY = sumY / n
                var squares = 0.0
                var products = 0.0
                for bar in start...index {
                    let dx = xs[bar] - meanX
                    squares += dx * dx
                    products += dx * (ys[bar] - meanY)
                }
                let fitted = squares > 0 ? products / squares : 0
                slopes[index] = fitted
                intercepts[index] = meanY - fitted * meanX
            }
        }
    }

    /// The rolling `length`-bar intercept and slope of `y` on `x`.
    public static func linreg(y: [Double], x: [Double], length: Int) -> (intercept: [Double], slope: [Double]) {
        let (intercept, slope) = KernelColumns.make2(count: y.count) { intercept, slope in
            y.withUnsafeBufferPointer { y in
                x.withUnsafeBufferPointer { x in
                    linreg(y: y, x: x, length: length, intercept: intercept, slope: slope)
                }
            }
        }
        return (intercept, slope)
    }
}
