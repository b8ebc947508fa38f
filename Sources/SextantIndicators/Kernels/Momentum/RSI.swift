/// Wilder's relative strength index (TA-Lib `RSI`).
///
/// `d[i] = x[i] − x[i−1]`; at bar `n` of each NaN-free run (see `ValidRuns`) the average gain is the
/// mean of `max(d, 0)` over bars 1…n (the average loss likewise with `max(−d, 0)`), then both follow
/// Wilder's smoothing (`WilderAverage`). `RSI = 100·gain/(gain + loss)`, and 0 — not 50 — when that
/// sum is zero (a flat input), as TA-Lib emits.
public enum RSI {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-bar RSI of `input` into `output`. `length` < 1 gives all NaN.
    public static func rsi(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar RSI of `input`.
    public static func rsi(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { rsi($0, length: length, into: output) }
        }
    }

    /// The run core. With `oscillator` it writes CMO's `100·(gain − loss)/(gain + loss)` instead.
    ///
    /// Gain and loss ride in one `SIMD2` and advance two bars per step (`WilderAverage.step2`), and the
    /// two bars' outputs share one packed division: the loop is bound by throughput, not by the
    /// multiply-add chain.
    /// Returns false if it met a NaN.
    @discardableResult
    @inline(__always)
    static func run(
        _ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>,
        oscillator: Bool = false
    ) -> Bool {
        guard length >= 1, length < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return !(0..<count).contains { x[$0].isNaN }
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: length)
        var gain = 0.0
        var loss = 0.0
        for index in 1...length {
            let change = x[index] - x[index - 1]
            if change < 0 { loss -= change } else { gain += change }
        }
        var averages = SIMD2(gain / Double(length), loss / Double(length))
        // The lane-wise max that splits a change into gain and loss turns NaN into 0, so NaN is tested
        // explicitly (the seed above already carries any NaN into `gain`).
        var sawNaN: UInt8 = 0
        let wilder = WilderAverage(length: length)
        out[length] = value(averages, averages, oscillator: oscillator).x
        var index = length + 1
        while index + 1 < count {
            let firstChange = x[index] - x[index - 1]
            let secondChange = x[index + 1] - x[index]
            sawNaN |= (firstChange + secondChange) != (firstChange + secondChange) ? 1 : 0
            let first = split(firstChange)
            let second = split(secondChange)
            let between = wilder.step(averages, first)
            averages = wilder.step2(averages, first, second)
            let pair = value(between, averages, oscillator: oscillator)
            out[index] = pair.x
            out[index + 1] = pair.y
            index += 2
        }
        if index < count {
            let change = x[index] - x[index - 1]
            sawNaN |= change != change ? 1 : 0
            averages = wilder.step(averages, split(change))
            out[index] = value(averages, averages, oscillator: oscillator).x
        }
        return sawNaN == 0 && !(averages.x.isNaN || averages.y.isNaN)
    }

    /// `(max(change, 0), max(−change, 0))`: the bar's gain and loss.
    @inline(__always)
    private static func split(_ change: Double) -> SIMD2<Double> {
        pointwiseMax(SIMD2(change, -change), .zero)
    }

    /// RSI (or CMO) of two bars' (gain, loss) averages, with one packed division; 0 where the sum is 0.
    @inline(__always)
    private static func value(_ first: SIMD2<Double>, _ second: SIMD2<Double>, oscillator: Bool) -> SIMD2<Double> {
        let gains = SIMD2(first.x, second.x)
        let losses = SIMD2(first.y, second.y)
        let totals = gains + losses
        let numerators = oscillator ? gains - losses : gains
        return (100 * (numerators / totals)).replacing(with: 0, where: totals .== 0)
    }
}
