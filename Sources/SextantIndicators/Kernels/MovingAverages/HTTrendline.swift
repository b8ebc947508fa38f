import Foundation

/// Hilbert transform instantaneous trendline (TA-Lib `HT_TRENDLINE`, Ehlers).
///
/// A 4-bar WMA smooths the price; a Hilbert transform of it (separate odd/even bar pipelines, as
/// TA-Lib computes them) measures the dominant cycle period; the trendline is the mean of the raw
/// price over that period, weighted `(4·t + 3·t₁ + 2·t₂ + t₃)/10` over the last four means. The
/// lookback is TA-Lib's fixed 63 bars, counted from the start of each NaN-free run (see
/// `ValidRuns`); odd/even is the bar's parity within the run, as when TA-Lib is called on the run.
public enum HTTrendline {
    /// TA-Lib's lookback.
    public static func lookback() -> Int { 63 }

    /// Writes the trendline of `input` into `output`.
    public static func htTrendline(
        _ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, out[0] + range.lowerBound)
        }
    }

    /// The trendline of `input`.
    public static func htTrendline(_ input: [Double]) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { htTrendline($0, into: output) }
        }
    }

    /// The sum of the `count` values `newest[0], newest[−1], …, newest[1 − count]` (0 when `count`
    /// ≤ 0), in four interleaved partial sums, value `i` (newest first) into sum `i mod 4`, added as
    /// `(s₀ + s₁) + (s₂ + s₃)`.
    ///
    /// TA-Lib adds up to 50 prices one after the other, a chain of 50 dependent additions per bar;
    /// four chains are a quarter as long. The mean differs from TA-Lib's by rounding only (about 1e-16
    /// relative), and it only feeds the output, not the period estimate. `HTTrendlineStream` computes
    /// the same sums (with `paddedCycleSum`), so both give the same bits.
    @inline(__always)
    static func cycleSum(_ newest: UnsafePointer<Double>, count: Int) -> Double {
        var (first, second, third, fourth) = (0.0, 0.0, 0.0, 0.0)
        var offset = 0
        while offset + 4 <= count {
            first += newest[-offset]
            second += newest[-(offset + 1)]
            third += newest[-(offset + 2)]
            fourth += newest[-(offset + 3)]
            offset += 4
        }
        if offset < count { first += newest[-offset] }
        if offset + 1 < count { second += newest[-(offset + 1)] }
        if offset + 2 < count { third += newest[-(offset + 2)] }
        return (first + second) + (third + fourth)
    }

    /// `cycleSum`, bit for bit, for `0 ≤ count ≤ 50`: it reads `newest[0]` back to
    /// `newest[−(4·⌊count/4⌋ + 2)]`, at most `paddedLength` values, which must be readable, and adds
    /// +0 for those past `count`.
    ///
    /// The cycle changes every few bars, and `cycleSum`'s tests of the last one to three values
    /// mispredict each time (with the loop's exit, ≈ 12 ns a bar, measured); here the loop runs a
    /// quarter as many times, so its exit changes four times less often, and the last group of four is
    /// masked by integer arithmetic (a select would compile to a branch). Adding +0 leaves a partial
    /// sum unchanged: each starts at +0 and so can never be −0.
    @inline(__always)
    static func paddedCycleSum(_ newest: UnsafePointer<Double>, count: Int) -> Double {
        var (first, second, third, fourth) = (0.0, 0.0, 0.0, 0.0)
        var offset = 0
        while offset + 4 <= count {
            first += newest[-offset]
            second += newest[-(offset + 1)]
            third += newest[-(offset + 2)]
            fourth += newest[-(offset + 3)]
            offset += 4
        }
        // The remaining 0…3 values, each kept where `offset + k < count` (all ones: the sign of a
        // negative difference, shifted across) and +0 elsewhere.
        let remaining = count - offset
        first += masked(newest[-offset], (0 - remaining) >> 63)
        second += masked(newest[-(offset + 1)], (1 - remaining) >> 63)
        third += masked(newest[-(offset + 2)], (2 - remaining) >> 63)
        return (first + second) + (third + fourth)
    }

    /// `value` where `mask` is all ones, +0 where it is zero.
    @inline(__always)
    private static func masked(_ value: Double, _ mask: Int) -> Double {
        Double(bitPattern: value.bitPattern & UInt64(bitPattern: Int64(mask)))
    }

    /// At least as many values as `paddedCycleSum` reads for the longest cycle (50 bars: 51 values).
    static let paddedLength = 52

    /// The run core.
    static func run(_ x: UnsafePointer<Double>, count: Int, _ out: UnsafeMutablePointer<Double>) {
        let lookback = 63
        guard lookback < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: lookback)
        let rad2Deg = 45.0 / atan(1.0)

        // The 4-bar WMA price smoother, primed as TA-Lib does.
        var trailingIndex = 0
        var today = 0
        var periodSub = x[0]
        var periodSum = x[0]
        periodSub += x[1]
        periodSum += x[1] * 2
        periodSub += x[2]
        periodSum += x[2] * 3
        today = 3
        var trailingValue = 0.0
        var smoothed = 0.0
        for _ in 0..<34 {
            let value = x[today]
            today += 1
            periodSub += value
            periodSub -= trailingValue
            periodSum += value * 4
            trailingValue = x[trailingIndex]
            trailingIndex += 1
            smoothed = periodSum * 0.1
            periodSum -= periodSub
        }
        _ = smoothed

        var detrenderStage = HilbertStage()
        var q1Stage = HilbertStage()
        var jIStage = HilbertStage()
        var jQStage = HilbertStage()
        var hilbertIndex = 0
        var period = 0.0
        var smoothPeriod = 0.0
        var previousQ2 = 0.0
        var previousI2 = 0.0
        var re = 0.0
        var im = 0.0
        var i1OddPrevious2 = 0.0
        var i1OddPrevious3 = 0.0
        var i1EvenPrevious2 = 0.0
        var i1EvenPrevious3 = 0.0
        var trend1 = 0.0
        var trend2 = 0.0
        var trend3 = 0.0

        while today < count {
            let adjustedPeriod = 0.075 * period + 0.54
            let value = x[today]
            periodSub += value
            periodSub -= trailingValue
            periodSum += value * 4
            trailingValue = x[trailingIndex]
            trailingIndex += 1
            smoothed = periodSum * 0.1
            periodSum -= periodSub

            let q2: Double
            let i2: Double
            if today % 2 == 0 {
                let detrender = detrenderStage.transform(
                    smoothed, index: hilbertIndex, isEven: true, adjustedPeriod: adjustedPeriod)
                let q1 = q1Stage.transform(detrender, index: hilbertIndex, isEven: true, adjustedPeriod: adjustedPeriod)
                let jI = jIStage.transform(
                    i1EvenPrevious3, index: hilbertIndex, isEven: true, adjustedPeriod: adjustedPeriod)
                let jQ = jQStage.transform(q1, index: hilbertIndex, isEven: true, adjustedPeriod: adjustedPeriod)
                hilbertIndex += 1
                if hilbertIndex == 3 { hilbertIndex = 0 }
                q2 = 0.2 * (q1 + jI) + 0.8 * previousQ2
                i2 = 0.2 * (i1EvenPrevious3 - jQ) + 0.8 * previousI2
                i1OddPrevious3 = i1OddPrevious2
                i1OddPrevious2 = detrender
            } else {
                let detrender = detrenderStage.transform(
                    smoothed, index: hilbertIndex, isEven: false, adjustedPeriod: adjustedPeriod)
                let q1 = q1Stage.transform(
                    detrender, index: hilbertIndex, isEven: false, adjustedPeriod: adjustedPeriod)
                let jI = jIStage.transform(
                    i1OddPrevious3, index: hilbertIndex, isEven: false, adjustedPeriod: adjustedPeriod)
                let jQ = jQStage.transform(q1, index: hilbertIndex, isEven: false, adjustedPeriod: adjustedPeriod)
                q2 = 0.2 * (q1 + jI) + 0.8 * previousQ2
                i2 = 0.2 * (i1OddPrevious3 - jQ) + 0.8 * previousI2
                i1EvenPrevious3 = i1EvenPrevious2
                i1EvenPrevious2 = detrender
            }

            re = 0.2 * (i2 * previousI2 + q2 * previousQ2) + 0.8 * re
            im = 0.2 * (i2 * previousQ2 - q2 * previousI2) + 0.8 * im
            previousQ2 = q2
            previousI2 = i2
            let previousPeriod = period
            if im != 0, re != 0 { period = 360 / (atan(im / re) * rad2Deg) }
            period = Swift.min(period, 1.5 * previousPeriod)
            period = Swift.max(period, 0.67 * previousPeriod)
            period = Swift.min(Swift.max(period, 6), 50)
            period = 0.2 * period + 0.8 * previousPeriod
            smoothPeriod = 0.33 * period + 0.67 * smoothPeriod

            // The trendline averages the raw price over the dominant cycle.
            let cycle = Swift.min(Int(smoothPeriod + 0.5), today + 1)
            var mean =
                today >= paddedLength - 1
                ? paddedCycleSum(x + today, count: cycle) : cycleSum(x + today, count: cycle)
            if cycle > 0 { mean /= Double(cycle) }
            let trendline = (4 * mean + 3 * trend1 + 2 * trend2 + trend3) / 10
            trend3 = trend2
            trend2 = trend1
            trend1 = mean
            if today >= lookback { out[today] = trendline }
            today += 1
        }
    }
}
