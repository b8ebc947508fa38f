/// Moving average convergence/divergence (TA-Lib `MACD`).
///
/// The slow EMA is seeded with the mean of the first `slow` values at bar `slow − 1`; the fast EMA is
/// seeded *on the same bar* with the mean of the `fast` values ending there (TA-Lib aligns the seeds;
/// a plain `EMA(fast) − EMA(slow)` differs). `macd = fast − slow`; `signal` is an EMA of the line
/// seeded with the mean of its first `signal` values; `hist = macd − signal`. All three start at bar
/// `(slow − 1) + (signal − 1)` of each NaN-free run (see `ValidRuns`). If `fast > slow` the two are
/// swapped, as TA-Lib does.
public enum MACD {
    /// TA-Lib's lookback.
    public static func lookback(fastLength: Int, slowLength: Int, signalLength: Int) -> Int {
        Swift.max(fastLength, slowLength) - 1 + signalLength - 1
    }

    /// Writes the MACD line, signal and histogram of `input`. Lengths < 1 give all NaN.
    public static func macd(
        _ input: UnsafeBufferPointer<Double>, fastLength: Int, slowLength: Int, signalLength: Int,
        into macd: UnsafeMutableBufferPointer<Double>, signal: UnsafeMutableBufferPointer<Double>,
        hist: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [macd, signal, hist]) { x, out, range in
            let offset = range.lowerBound
            return run(
                x[0] + offset, count: range.count, fast: fastLength, slow: slowLength, signal: signalLength,
                out[0] + offset, out[1] + offset, out[2] + offset)
        }
    }

    /// The MACD line, signal and histogram of `input`.
    public static func macd(
        _ input: [Double], fastLength: Int, slowLength: Int, signalLength: Int
    ) -> (macd: [Double], signal: [Double], hist: [Double]) {
        let (line, signal, hist) = KernelColumns.make3(count: input.count) { line, signal, hist in
            input.withUnsafeBufferPointer {
                macd(
                    $0, fastLength: fastLength, slowLength: slowLength, signalLength: signalLength,
                    into: line, signal: signal, hist: hist)
            }
        }
        return (line, signal, hist)
    }

    /// The run core.
    static func run(
        _ x: UnsafePointer<Double>, count: Int, fast fastInput: Int, slow slowInput: Int, signal: Int,
        _ line: UnsafeMutablePointer<Double>, _ signalOut: UnsafeMutablePointer<Double>,
        _ hist: UnsafeMutablePointer<Double>
    ) -> Bool {
        let fast = Swift.min(fastInput, slowInput)
        let slow = Swift.max(fastInput, slowInput)
        let seedBar = slow - 1
        let first = seedBar + signal - 1
        guard fast >= 1, signal >= 1, first < count else {
            for out in [line, signalOut, hist] { ValidRuns.fillNaN(out, runStart: 0, runEnd: count) }
            return !(0..<count).contains { x[$0].isNaN }
        }
        for out in [line, signalOut, hist] { ValidRuns.fillNaN(out, runStart: 0, runEnd: first) }
        var slowSum = 0.0
        for index in 0..<slow { slowSum += x[index] }
        var fastSum = 0.0
        for index in (slow - fast)..<slow { fastSum += x[index] }
        var slowEMA = slowSum / Double(slow)
        var fastEMA = fastSum / Double(fast)
        let fastK = EMA.factor(fast)
        let slowK = EMA.factor(slow)
        let fastDecay = 1 - fastK
        let slowDecay = 1 - slowK

        // Warm-up of the signal: the line from the seed bar through `first`.
        var lineSum = fastEMA - slowEMA
        var index = seedBar + 1
        while index <= first {
            fastEMA = fastEMA * fastDecay + x[index] * fastK
            slowEMA = slowEMA * slowDecay + x[index] * slowK
            lineSum += fastEMA - slowEMA
            index += 1
        }
        var signalEMA = lineSum / Double(signal)
        var value = fastEMA - slowEMA
        line[first] = value
        signalOut[first] = signalEMA
        hist[first] = value - signalEMA
        let signalK = EMA.factor(signal)
        let signalDecay = 1 - signalK
        while index < count {
            fastEMA = fastEMA * fastDecay + x[index] * fastK
            slowEMA = slowEMA * slowDecay + x[index] * slowK
            value = fastEMA - slowEMA
            signalEMA = signalEMA * signalDecay + value * signalK
            line[index] = value
            signalOut[index] = signalEMA
            hist[index] = value - signalEMA
            index += 1
        }
        // A NaN input leaves both EMAs NaN for good.
        return !(fastEMA.isNaN || slowEMA.isNaN)
    }
}
