/// Bollinger bands with an SMA middle (TA-Lib `BBANDS`, `matype = SMA`).
///
/// `middle = SMA(x, n)`, `σ` = the *population* standard deviation of the same window,
/// `upper = middle + up·σ`, `lower = middle − down·σ`. All three start at bar `n − 1` of each NaN-free
/// run (see `ValidRuns`); mean and variance come from one `RollingVariance` scan, which writes the
/// three bands as it goes.
public enum BBands {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the three bands. `length` < 1 gives all NaN.
    public static func bbands(
        _ input: UnsafeBufferPointer<Double>, length: Int, deviationsUp: Double, deviationsDown: Double,
        into upper: UnsafeMutableBufferPointer<Double>, middle: UnsafeMutableBufferPointer<Double>,
        lower: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [upper, middle, lower]) { x, out, range in
            let offset = range.lowerBound
            return run(
                x[0] + offset, count: range.count, length: length, up: deviationsUp, down: deviationsDown,
                out[0] + offset, out[1] + offset, out[2] + offset)
        }
    }

    /// The three bands of `input`.
    public static func bbands(
        _ input: [Double], length: Int, deviationsUp: Double, deviationsDown: Double
    ) -> (upper: [Double], middle: [Double], lower: [Double]) {
        let (upper, middle, lower) = KernelColumns.make3(count: input.count) { upper, middle, lower in
            input.withUnsafeBufferPointer {
                bbands(
                    $0, length: length, deviationsUp: deviationsUp, deviationsDown: deviationsDown, into: upper,
                    middle: middle, lower: lower)
            }
        }
        return (upper, middle, lower)
    }

    /// The run core: one `RollingVariance` scan whose sink turns each window's mean and variance into
    /// the three bands and writes them, two bars per step with one packed square root.
    static func run(
        _ x: UnsafePointer<Double>, count: Int, length: Int, up: Double, down: Double,
        _ upper: UnsafeMutablePointer<Double>, _ middle: UnsafeMutablePointer<Double>,
        _ lower: UnsafeMutablePointer<Double>
    ) -> Bool {
        let first = length - 1
        guard length >= 1, first < count else {
            for out in [upper, middle, lower] { ValidRuns.fillNaN(out, runStart: 0, runEnd: count) }
            return !(0..<count).contains { x[$0].isNaN }
        }
        for out in [upper, middle, lower] { ValidRuns.fillNaN(out, runStart: 0, runEnd: first) }
        var bands = Bands(upper: upper, middle: middle, lower: lower, up: up, down: down)
        return RollingVariance.scan(x, count: count, length: length, into: &bands)
    }

    /// Writes `middle = mean`, `upper = mean + up·σ`, `lower = mean − down·σ` (`BBandsStream` computes
    /// the same expressions).
    private struct Bands: RollingVariance.Sink {
        let upper: UnsafeMutablePointer<Double>
        let middle: UnsafeMutablePointer<Double>
        let lower: UnsafeMutablePointer<Double>
        let up: Double
        let down: Double

        @inline(__always)
        mutating func write(_ index: Int, mean: SIMD2<Double>, variance: SIMD2<Double>) {
            let deviation = Lanes.squareRoot(variance)
            Lanes.store(mean + up * deviation, upper + index)
            Lanes.store(mean, middle + index)
            Lanes.store(mean - down * deviation, lower + index)
        }

        @inline(__always)
        mutating func write(_ index: Int, mean: Double, variance: Double) {
            let deviation = Lanes.squareRoot(variance)
            upper[index] = mean + up * deviation
            middle[index] = mean
            lower[index] = mean - down * deviation
        }
    }
}
