/// Rolling mean and population variance with cancellation-free running sums.
///
/// The sums hold deviations from a *shift* near the window (`S = Σ(x − s)`, `Q = Σ(x − s)²`), so
/// `variance = Q/n − (S/n)²` never subtracts two `mean²`-sized numbers. The shift is re-anchored to the
/// window mean, and the sums rebuilt exactly, when the variance falls below 1e-6 of the mean squared
/// deviation (cancellation), when the value that just left the window dwarfs what remains (an
/// outlier's residue), or every 32 windows — TA-Lib 0.8's scheme. A rebuilt variance under 1e-12 of
/// the mean squared deviation is rounding noise of the mean and becomes exactly 0, so a flat window
/// has variance 0 and the output is never negative.
///
/// **The recurrence, bar by bar** (what `StreamVariance` replays; every output is its bit pattern):
/// - the run's first value is the shift; the first `n` deviations `d = x − s` are summed oldest first
///   into `S` and their squares into `Q`;
/// - from bar `n` on, with `d` the new value's deviation and `e` that of the value leaving the
///   window, `S += d − e` and `Q += (d − e)·(d + e)`: one add per bar on each loop-carried sum (the
///   earlier `S += d; …; S −= e` put two), and `(d − e)·(d + e)` is the difference of the squares
///   without cancelling two large squares against each other;
/// - at every bar from `n − 1` on: `mean = S/n`, `variance = Q/n − mean²`, the rebuild test (`e²`
///   against `Q` for the outlier; 0 at bar `n − 1`) and the countdown, then the output
///   `(s + mean, variance)`.
///
/// The batch scan computes two bars per step in `SIMD2` lanes (each lane is the scalar expression
/// above, the two sums advanced one bar after the other), and falls back to the scalar bar-by-bar form
/// for a pair in which either bar needs a rebuild.
enum RollingVariance {
    /// Receives the windows of a scan: two adjacent bars at a time on the common path, one bar at a
    /// time around rebuilds and at the ends. Both forms must give, per bar, the same bits.
    protocol Sink {
        /// The windows ending at bars `index` and `index + 1`.
        mutating func write(_ index: Int, mean: SIMD2<Double>, variance: SIMD2<Double>)
        /// The window ending at bar `index`.
        mutating func write(_ index: Int, mean: Double, variance: Double)
    }

    /// Writes, for each bar `i ≥ length − 1`, the window mean into `mean[i]` (when given) and the
    /// population variance into `variance[i]`. Earlier bars are not written; `count ≥ length ≥ 1`.
    /// Returns false if it met a NaN (a re-anchor can wash one out of the sums, so it is tested).
    @discardableResult
    static func compute(
        _ x: UnsafePointer<Double>, count: Int, length: Int, mean: UnsafeMutablePointer<Double>?,
        variance: UnsafeMutablePointer<Double>
    ) -> Bool {
        if let mean {
            var columns = Columns(mean: mean, variance: variance)
            return scan(x, count: count, length: length, into: &columns)
        }
        var column = VarianceColumn(variance: variance)
        return scan(x, count: count, length: length, into: &column)
    }

    /// Calls `sink` with the mean and population variance of the window ending at each bar
    /// `i ≥ length − 1`, in order; `count ≥ length ≥ 1`. Returns false if it met a NaN.
    @discardableResult
    @inline(__always)
    static func scan<Output: Sink>(
        _ x: UnsafePointer<Double>, count: Int, length: Int, into sink: inout Output
    ) -> Bool {
        var state = State(x, length: length)
        var sawNaN: UInt8 = 0
        for index in 0..<length {
            let value = x[index]
            state.add(value)
            sawNaN |= value != value ? 1 : 0
        }
        let first = state.finish(x, at: length - 1, leaving: 0)
        sink.write(length - 1, mean: first.mean, variance: first.variance)
        // Shifted pointers keep the index arithmetic (and its overflow checks) out of the loop.
        let (entering, leaving) = (x + length, UnsafePointer(x))
        let pairs = (count - length) / 2
        var newNaN = SIMD2<Double>.zero
        for pair in 0..<pairs {
            let offset = 2 * pair
            let index = length + offset
            let values = Lanes.load(entering + offset)
            newNaN += values - values
            if let window = state.advancePair(values, Lanes.load(leaving + offset)) {
                sink.write(index, mean: window.mean, variance: window.variance)
            } else {
                // A rebuild (or the countdown) falls on one of the two bars: bar by bar.
                let early = state.advance(x, at: index)
                let late = state.advance(x, at: index + 1)
                sink.write(index, mean: SIMD2(early.mean, late.mean), variance: SIMD2(early.variance, late.variance))
            }
        }
        var index = length + 2 * pairs
        while index < count {
            let value = x[index]
            sawNaN |= value != value ? 1 : 0
            let window = state.advance(x, at: index)
            sink.write(index, mean: window.mean, variance: window.variance)
            index += 1
        }
        // `value − value` is 0 for a number and NaN for NaN or ±infinity; an infinity reads as a NaN
        // here and only costs the caller a rescan.
        return sawNaN == 0 && newNaN.x == 0 && newNaN.y == 0
    }

    /// The running state of a scan: the shift, the two sums, the countdown to the next scheduled
    /// rebuild. `StreamVariance` has the same fields and steps.
    struct State {
        let length: Int
        let scale: Double
        var shift: Double
        var sum = 0.0
        var squares = 0.0
        var untilReseed: Int

        /// A scan whose shift is the run's first value, `x[0]`.
        @inline(__always)
        init(_ x: UnsafePointer<Double>, length: Int) {
            self.length = length
            scale = 1 / Double(length)
            shift = x[0]
            untilReseed = 32 * length
        }

        /// Adds one of the first `length` values.
        @inline(__always)
        mutating func add(_ value: Double) {
            let deviation = value - shift
            sum += deviation
            squares += deviation * deviation
        }

        /// Slides the window to end at bar `index ≥ length` and returns its mean and variance.
        @inline(__always)
        mutating func advance(_ x: UnsafePointer<Double>, at index: Int) -> (mean: Double, variance: Double) {
            let entering = x[index] - shift
            let leaving = x[index - length] - shift
            let change = entering - leaving
            sum += change
            squares += change * (entering + leaving)
            return finish(x, at: index, leaving: leaving * leaving)
        }

        /// The output at bar `index` from the current sums: the rebuild test, the countdown and, when
        /// either calls for it, the exact rebuild of the window ending at `index`.
        @inline(__always)
        mutating func finish(
            _ x: UnsafePointer<Double>, at index: Int, leaving: Double
        ) -> (mean: Double, variance: Double) {
            var average = sum * scale
            let meanSquare = squares * scale
            var variance = meanSquare - average * average
            untilReseed -= 1
            if variance < 1e-6 * meanSquare || leaving > 1e6 * squares || untilReseed <= 0 {
                let window = x + (index - length + 1)
                untilReseed = 32 * length
                var total = 0.0
                for offset in 0..<length { total += window[offset] }
                shift = total * scale
                sum = 0
                squares = 0
                for offset in 0..<length { add(window[offset]) }
                average = sum * scale
                variance = squares * scale - average * average
                if variance < 1e-12 * (squares * scale) { variance = 0 }
            }
            return (shift + average, variance)
        }

        /// The next two bars, whose new values are `values` and whose leaving values are `leaving`,
        /// in lanes; nil, with the state untouched, when either bar needs a rebuild or the countdown
        /// ends on one of them. Each lane is bit for bit `advance` at its bar.
        @inline(__always)
        mutating func advancePair(
            _ values: SIMD2<Double>, _ leaving: SIMD2<Double>
        ) -> (mean: SIMD2<Double>, variance: SIMD2<Double>)? {
            let entering = values - shift
            let leaving = leaving - shift
            let change = entering - leaving
            let growth = change * (entering + leaving)
            // The sums advance one bar after the other, as bar-by-bar updates would.
            let sums = SIMD2(sum + change.x, sum + change.x + change.y)
            let squareSums = SIMD2(squares + growth.x, squares + growth.x + growth.y)
            let average = sums * scale
            let meanSquare = squareSums * scale
            let variance = meanSquare - average * average
            let rebuild = (variance .< 1e-6 * meanSquare) .| (leaving * leaving .> 1e6 * squareSums)
            guard untilReseed > 2, !any(rebuild) else { return nil }
            untilReseed -= 2
            sum = sums.y
            squares = squareSums.y
            return (shift + average, variance)
        }
    }

    /// A sink that writes the mean and the variance to columns.
    private struct Columns: Sink {
        let mean: UnsafeMutablePointer<Double>
        let variance: UnsafeMutablePointer<Double>

        @inline(__always)
        mutating func write(_ index: Int, mean: SIMD2<Double>, variance: SIMD2<Double>) {
            Lanes.store(mean, self.mean + index)
            Lanes.store(variance, self.variance + index)
        }

        @inline(__always)
        mutating func write(_ index: Int, mean: Double, variance: Double) {
            self.mean[index] = mean
            self.variance[index] = variance
        }
    }

    /// A sink that writes the variance to a column.
    private struct VarianceColumn: Sink {
        let variance: UnsafeMutablePointer<Double>

        @inline(__always)
        mutating func write(_ index: Int, mean: SIMD2<Double>, variance: SIMD2<Double>) {
            Lanes.store(variance, self.variance + index)
        }

        @inline(__always)
        mutating func write(_ index: Int, mean: Double, variance: Double) {
            self.variance[index] = variance
        }
    }
}
