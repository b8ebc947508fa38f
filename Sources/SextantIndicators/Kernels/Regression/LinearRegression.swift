/// Least-squares line through the last `n` values, the shared core of `LinearReg`,
/// `LinearRegSlope` and `TSF`.
///
/// With `k = 0` for the newest bar: `Σk = n(n−1)/2`, `Σk² = n(n−1)(2n−1)/6`,
/// `m = (n·Σk·x − Σk·Σx)/((Σk)² − n·Σk²)` (the slope per bar, forward in time),
/// `b = (Σx − m·Σk)/n`; TA-Lib's formulation (rearranged as `Weights` says), on deviations `d = x − c` from an anchor `c` (the line is
/// shift-invariant, and small deviations keep `n·Σkd − Σk·Σd` from cancelling away the digits of a small
/// slope at a high price level). Length 1 is a flat line through the value.
///
/// **O(1) per bar.** `S = Σd` and `T = Σk·d` slide with the window: when `d_in` enters at age 0 and
/// `d_out` leaves from age `n − 1`, every remaining value ages by one bar, so
/// `T' = T + S − n·d_out` (the remaining values add their own sum once; `d_out` leaves with its weight
/// `n − 1` plus that one) and `S' = S + (d_in − d_out)`. `T` accumulates `S` every bar, so an error in
/// `S` would grow in `T` without bound: the sums are therefore recomputed exactly from the window, with
/// the newest value as the new anchor, at the first output of each run and every `n` bars after it (one
/// O(n) pass per n bars, O(1) amortized). Between two rebuilds the error is at most `n` roundings of
/// the window's deviations, the size of the direct sum's own rounding (on 200,000-bar random walks at
/// 10⁴ the slope stays within 2e-14 of the window's range per bar and the lines within 2e-15 relative
/// of an 80-bit direct fit, as the direct per-window sums did; `LinearRegressionPrecisionTests`).
/// `StreamLinearRegression` replays the same schedule, so the streams keep the batch's bits.
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

    /// The constants of the normal equations for windows of `length ≥ 2` values, and the output.
    ///
    /// With `c = 1/((Σk)² − n·Σk²)`, the slope is `Σk·d·(n·c) − Σd·(Σk·c)` and the line
    /// `Σd/n + m·h + anchor`, where `h` is `(n − 1)/2` at the newest bar (LINEARREG) and `(n + 1)/2` one
    /// bar ahead (TSF): TA-Lib's `b + m·(n − 1)` with `b = (Σd − m·Σk)/n` and `Σk/n = (n − 1)/2`, in
    /// four multiplications and three additions instead of two divisions and eight other operations.
    /// The rounding differs from TA-Lib's by the last bit or two (parity holds to 1e-9 with room to
    /// spare). The scalar and the two-lane forms of `evaluate` perform the same operations in the same
    /// order, so that a batch lane and the stream give the same bits.
    struct Weights: Sendable {
        /// The window length as a `Double`.
        let n: Double
        /// `n·c`, the weight of `Σk·d` in the slope.
        let slopeOfSumKX: Double
        /// `Σk·c`, the weight of `Σd` in the slope.
        let slopeOfSumX: Double
        /// `1/n`.
        let inverseN: Double
        /// Where the line is read, in bars after the window's centre: `(n − 1)/2` or `(n + 1)/2`.
        let position: Double
        /// Whether the output is the slope rather than a point on the line.
        let isSlope: Bool

        init(length: Int, output: Output) {
            n = Double(length)
            let sumK = n * (n - 1) * 0.5
            let sumKSquared = n * (n - 1) * (2 * n - 1) / 6
            let inverseDivisor = 1 / (sumK * sumK - n * sumKSquared)
            slopeOfSumKX = n * inverseDivisor
            slopeOfSumX = sumK * inverseDivisor
            inverseN = 1 / n
            switch output {
            case .slope: position = 0
            case .value: position = (n - 1) * 0.5
            case .forecast: position = (n + 1) * 0.5
            }
            isSlope = output == .slope
        }

        /// The output for a window with `sumX = Σd`, `sumKX = Σk·d` on deviations from `anchor`.
        @inline(__always)
        func evaluate(sumX: Double, sumKX: Double, anchor: Double) -> Double {
            evaluate(sumX: sumX, sumKX: sumKX, anchor: anchor, slope: isSlope)
        }

        /// `evaluate` with `isSlope` passed in, so that a loop given a constant tests nothing per bar.
        @inline(__always)
        func evaluate(sumX: Double, sumKX: Double, anchor: Double, slope isSlope: Bool) -> Double {
            let slope = sumKX * slopeOfSumKX - sumX * slopeOfSumX
            return isSlope ? slope : (sumX * inverseN + slope * position) + anchor
        }

        /// `evaluate` in two lanes, the same operations in the same order.
        @inline(__always)
        func evaluate(
            sumX: SIMD2<Double>, sumKX: SIMD2<Double>, anchor: SIMD2<Double>, slope isSlope: Bool
        ) -> SIMD2<Double> {
            let slope = sumKX * slopeOfSumKX - sumX * slopeOfSumX
            return isSlope ? slope : (sumX * inverseN + slope * position) + anchor
        }
    }

    /// The running sums of one window and the bars left before the next exact rebuild.
    struct Sums: Sendable {
        /// `Σd`.
        var sumX = 0.0
        /// `Σk·d`, k = 0 for the newest value.
        var sumKX = 0.0
        /// The anchor `c` of the deviations `d = x − c`.
        var anchor = 0.0
        /// Slides left before the sums are rebuilt from the window (0: rebuild at the next output).
        var untilRebuild = 0

        /// Starts a rebuild anchored at `newest`: the caller then adds every value of the window with
        /// `add`, oldest first.
        @inline(__always)
        mutating func beginRebuild(newest: Double, length: Int) {
            anchor = newest
            sumX = 0
            sumKX = 0
            untilRebuild = length - 1
        }

        /// Adds the value `age` bars old to a rebuild.
        @inline(__always)
        mutating func add(_ value: Double, age: Int) {
            let deviation = value - anchor
            sumKX += Double(age) * deviation
            sumX += deviation
        }

        /// Slides the window one bar: `entering` becomes the newest value, `leaving` (the oldest of the
        /// previous window) drops out.
        @inline(__always)
        mutating func slide(entering: Double, leaving: Double, n: Double) {
            let incoming = entering - anchor
            let outgoing = leaving - anchor
            sumKX += sumX - n * outgoing
            sumX += incoming - outgoing
            untilRebuild -= 1
        }
    }

    /// The run core: writes `out[0..<count]`, NaN before bar `n − 1`, and returns false if the input
    /// held a NaN (for `KernelColumns.runOptimistic`: a NaN in a window makes its `Σd` NaN, which a
    /// running sum of every `Σd` keeps; ±∞ may set it too, which only costs the exact slow path).
    ///
    /// The rebuilds cut the run into blocks of `length` outputs that do not depend on each other, so
    /// blocks are computed two at a time, one per `SIMD2` lane (the slides are a chain of additions,
    /// one bar after the other, which two independent chains run at twice the rate); an odd last block
    /// and a last partial block go one lane at a time. Every lane performs `Sums`' scalar operations.
    @discardableResult
    static func run(
        _ x: UnsafePointer<Double>, count: Int, length: Int, output: Output, _ out: UnsafeMutablePointer<Double>
    ) -> Bool {
        let first = length - 1
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return ValidRuns.firstNaN(x, from: 0, to: count) >= count
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        if length == 1 {
            var probe = 0.0
            for index in 0..<count {
                probe += x[index]
                out[index] = output == .slope ? 0 : x[index]
            }
            return !probe.isNaN
        }
        let weights = Weights(length: length, output: output)
        // One copy of the loops per kind of output, so that no loop tests the kind on every bar (with
        // the test inside, LLVM interleaves the two lanes' arithmetic with lane shuffles).
        return weights.isSlope
            ? runBlocks(x, count: count, length: length, weights: weights, slope: true, out)
            : runBlocks(x, count: count, length: length, weights: weights, slope: false, out)
    }

    /// `run`'s blocks for windows of `length ≥ 2`, with `weights.isSlope` passed as a constant.
    @inline(__always)
    private static func runBlocks(
        _ x: UnsafePointer<Double>, count: Int, length: Int, weights: Weights, slope isSlope: Bool,
        _ out: UnsafeMutablePointer<Double>
    ) -> Bool {
        let first = length - 1
        let n = weights.n
        var index = first
        var probe = SIMD2<Double>.zero
        // Pairs of whole blocks: lane 0 starts at `index`, lane 1 one block later. Pointers and wrapping
        // offsets inside, so the loops carry no overflow checks (every offset stays within the run).
        while index + 2 * length <= count {
            let lane0 = x + index
            let lane1 = lane0 + length
            let anchor = SIMD2(lane0[0], lane1[0])
            var sumX = SIMD2<Double>.zero
            var sumKX = SIMD2<Double>.zero
            // The age as a `Double` counter: the same whole numbers `Sums.add` converts.
            var age = Double(first)
            var offset = -first
            while offset <= 0 {
                let deviation = SIMD2(lane0[offset], lane1[offset]) - anchor
                sumKX += age * deviation
                sumX += deviation
                age -= 1
                offset &+= 1
            }
            let out0 = out + index
            let out1 = out0 + length
            var result = weights.evaluate(sumX: sumX, sumKX: sumKX, anchor: anchor, slope: isSlope)
            out0[0] = result.x
            out1[0] = result.y
            probe += sumX
            var step = 1
            while step < length {
                let incoming = SIMD2(lane0[step], lane1[step]) - anchor
                let outgoing = SIMD2(lane0[step &- length], lane1[step &- length]) - anchor
                sumKX += sumX - n * outgoing
                sumX += incoming - outgoing
                probe += sumX
                result = weights.evaluate(sumX: sumX, sumKX: sumKX, anchor: anchor, slope: isSlope)
                out0[step] = result.x
                out1[step] = result.y
                step &+= 1
            }
            index += 2 * length
        }
        // The rest, one block at a time.
        var sums = Sums()
        while index < count {
            sums.beginRebuild(newest: x[index], length: length)
            let window = x + (index - first)
            for offset in 0..<length { sums.add(window[offset], age: first - offset) }
            out[index] = weights.evaluate(sumX: sums.sumX, sumKX: sums.sumKX, anchor: sums.anchor, slope: isSlope)
            probe.x += sums.sumX
            index += 1
            let blockEnd = Swift.min(index + length - 1, count)
            while index < blockEnd {
                sums.slide(entering: x[index], leaving: x[index - length], n: n)
                probe.x += sums.sumX
                out[index] = weights.evaluate(sumX: sums.sumX, sumKX: sums.sumKX, anchor: sums.anchor, slope: isSlope)
                index += 1
            }
        }
        // A NaN among the first `length − 1` values reaches the first window's sum, so this sees it too.
        return !(probe.x + probe.y).isNaN
    }
}
