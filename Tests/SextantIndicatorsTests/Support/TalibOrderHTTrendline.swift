import Foundation

/// HT_TRENDLINE in TA-Lib 0.8.1's own arithmetic, operation for operation (its `TA_HT_TRENDLINE`, as
/// `HTTrendlineStep` computed it before decision D33), for the tests that check the step's faster
/// arithmetic against it: the integer cycle length of every bar and the trendline, whose cycle means
/// are summed here in 80-bit arithmetic where the platform has it.
struct TalibOrderHTTrendline {
    #if arch(x86_64) && !os(Windows)
        typealias Wide = Float80
    #else
        typealias Wide = Double
    #endif

    /// The cycle length (`Int(smoothPeriod + 0.5)`, at most the bars seen, −1 before the transform)
    /// and the trendline (NaN before bar 63) of every bar of a NaN-free run.
    static func run(_ x: [Double]) -> (cycles: [Int], trendline: [Double]) {
        var cycles = [Int](repeating: -1, count: x.count)
        var trendline = [Double](repeating: .nan, count: x.count)
        guard x.count > 63 else { return (cycles, trendline) }
        // Per stage and parity: the last three scaled inputs (indexed by TA-Lib's hilbertIdx), the
        // previous b-term and the previous input. Stages: detrender, Q1, jI, jQ; parity 0 even, 1 odd.
        var rings = [[Double]](repeating: [0, 0, 0], count: 8)
        var previousTerm = [Double](repeating: 0, count: 8)
        var previousInput = [Double](repeating: 0, count: 8)
        var hilbertIndex = 0
        func stage(_ stage: Int, _ parity: Int, _ input: Double, _ adjusted: Double) -> Double {
            let cell = 2 * stage + parity
            let scaled = 0.0962 * input
            var result = -rings[cell][hilbertIndex]
            rings[cell][hilbertIndex] = scaled
            result += scaled
            result -= previousTerm[cell]
            previousTerm[cell] = 0.5769 * previousInput[cell]
            result += previousTerm[cell]
            previousInput[cell] = input
            return result * adjusted
        }
        var periodSub = x[0] + x[1] + x[2]
        var periodSum = x[0]
        periodSum += x[1] * 2
        periodSum += x[2] * 3
        var trailing = 0.0
        var (period, smoothPeriod, previousQ2, previousI2, re, im) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        var (i1Odd2, i1Odd3, i1Even2, i1Even3) = (0.0, 0.0, 0.0, 0.0)
        var (trend1, trend2, trend3) = (0.0, 0.0, 0.0)
        for today in 3..<x.count {
            periodSub += x[today]
            periodSub -= trailing
            periodSum += x[today] * 4
            trailing = x[today - 3]
            let smoothed = periodSum * 0.1
            periodSum -= periodSub
            guard today >= 37 else { continue }
            let adjusted = 0.075 * period + 0.54
            let q2: Double
            let i2: Double
            if today % 2 == 0 {
                let detrender = stage(0, 0, smoothed, adjusted)
                let q1 = stage(1, 0, detrender, adjusted)
                let jI = stage(2, 0, i1Even3, adjusted)
                let jQ = stage(3, 0, q1, adjusted)
                hilbertIndex = hilbertIndex == 2 ? 0 : hilbertIndex + 1
                q2 = 0.2 * (q1 + jI) + 0.8 * previousQ2
                i2 = 0.2 * (i1Even3 - jQ) + 0.8 * previousI2
                i1Odd3 = i1Odd2
                i1Odd2 = detrender
            } else {
                let detrender = stage(0, 1, smoothed, adjusted)
                let q1 = stage(1, 1, detrender, adjusted)
                let jI = stage(2, 1, i1Odd3, adjusted)
                let jQ = stage(3, 1, q1, adjusted)
                q2 = 0.2 * (q1 + jI) + 0.8 * previousQ2
                i2 = 0.2 * (i1Odd3 - jQ) + 0.8 * previousI2
                i1Even3 = i1Even2
                i1Even2 = detrender
            }
            re = 0.2 * (i2 * previousI2 + q2 * previousQ2) + 0.8 * re
            im = 0.2 * (i2 * previousQ2 - q2 * previousI2) + 0.8 * im
            previousQ2 = q2
            previousI2 = i2
            let previous = period
            if im != 0, re != 0 { period = 360 / (atan(im / re) * (45 / atan(1.0))) }
            period = Swift.min(period, 1.5 * previous)
            period = Swift.max(period, 0.67 * previous)
            period = Swift.min(Swift.max(period, 6), 50)
            period = 0.2 * period + 0.8 * previous
            smoothPeriod = 0.33 * period + 0.67 * smoothPeriod
            let cycle = Swift.min(Int(smoothPeriod + 0.5), today + 1)
            cycles[today] = cycle
            var sum: Wide = 0
            for offset in 0..<cycle { sum += Wide(x[today - offset]) }
            let mean = cycle > 0 ? Double(sum / Wide(cycle)) : 0
            if today >= 63 { trendline[today] = (4 * mean + 3 * trend1 + 2 * trend2 + trend3) / 10 }
            trend3 = trend2
            trend2 = trend1
            trend1 = mean
        }
        return (cycles, trendline)
    }
}
