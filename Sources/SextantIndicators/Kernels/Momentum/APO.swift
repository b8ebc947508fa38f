/// Absolute price oscillator with EMAs (TA-Lib `APO`, `matype = EMA`): `EMA(fast) − EMA(slow)`.
///
/// Unlike MACD, both EMAs are seeded from the start of the run (each with the mean of its own first
/// values), so the first value is at bar `slow − 1` of each NaN-free run (see `ValidRuns`). If
/// `fast > slow` the two are swapped, as TA-Lib does.
public enum APO {
    /// TA-Lib's lookback.
    public static func lookback(fastLength: Int, slowLength: Int) -> Int { Swift.max(fastLength, slowLength) - 1 }

    /// Writes the APO of `input` into `output`. Lengths < 1 give all NaN.
    public static func apo(
        _ input: UnsafeBufferPointer<Double>, fastLength: Int, slowLength: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(
                x[0] + range.lowerBound, count: range.count, fast: fastLength, slow: slowLength,
                out[0] + range.lowerBound, percent: false)
        }
    }

    /// The APO of `input`.
    public static func apo(_ input: [Double], fastLength: Int, slowLength: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { apo($0, fastLength: fastLength, slowLength: slowLength, into: output) }
        }
    }

    /// The run core, shared with PPO (`percent`: `100·(fast − slow)/slow`, 0 when slow is 0).
    static func run(
        _ x: UnsafePointer<Double>, count: Int, fast fastInput: Int, slow slowInput: Int,
        _ out: UnsafeMutablePointer<Double>, percent: Bool
    ) {
        let fast = Swift.min(fastInput, slowInput)
        let slow = Swift.max(fastInput, slowInput)
        let first = slow - 1
        guard fast >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        var fastSum = 0.0
        for index in 0..<fast { fastSum += x[index] }
        var fastEMA = fastSum / Double(fast)
        let fastK = EMA.factor(fast)
        let fastDecay = 1 - fastK
        for index in fast..<slow { fastEMA = fastEMA * fastDecay + x[index] * fastK }
        var slowSum = 0.0
        for index in 0..<slow { slowSum += x[index] }
        var slowEMA = slowSum / Double(slow)
        let slowK = EMA.factor(slow)
        let slowDecay = 1 - slowK
        out[first] = value(fastEMA, slowEMA, percent: percent)
        var index = slow
        while index < count {
            fastEMA = fastEMA * fastDecay + x[index] * fastK
            slowEMA = slowEMA * slowDecay + x[index] * slowK
            out[index] = value(fastEMA, slowEMA, percent: percent)
            index += 1
        }
    }

    @inline(__always)
    private static func value(_ fast: Double, _ slow: Double, percent: Bool) -> Double {
        guard percent else { return fast - slow }
        return slow != 0 ? ((fast - slow) / slow) * 100 : 0
    }
}
