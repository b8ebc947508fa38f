/// Exponential moving average (TA-Lib `EMA`, default compatibility).
///
/// `k = 2/(n+1)`; the seed is the mean of the first `n` values, emitted at bar `n − 1` of each NaN-free
/// run (see `ValidRuns`); then `ema[i] = ema[i−1]·(1 − k) + x[i]·k`, TA-Lib's
/// `(x − ema)·k + ema` rearranged, and advanced two bars per step so that the loop-carried chain is
/// one multiply and one add per two bars (the results agree with TA-Lib's to an ulp or so).
public enum EMA {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar EMA of `input` into `output`. `length` < 1 gives all NaN.
    public static func ema(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar EMA of `input`.
    public static func ema(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { ema($0, length: length, into: output) }
        }
    }

    /// The smoothing factor 2/(n+1).
    @inline(__always)
    static func factor(_ length: Int) -> Double { 2 / Double(length + 1) }

    /// The run core: seeds with the mean of `x[0..<length]`, writes `out[0..<count]`; returns false if
    /// it met a NaN (which leaves the recursion NaN for good).
    @discardableResult
    @inline(__always)
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) -> Bool {
        let first = length - 1
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return !(0..<count).contains { x[$0].isNaN }
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        var sum = 0.0
        for index in 0..<length { sum += x[index] }
        let seed = sum / Double(length)
        out[first] = seed
        return !smooth(x, from: length, to: count, seed: seed, k: factor(length), out).isNaN
    }

    /// Continues an EMA with factor `k` from `seed` (the value at bar `from − 1`) over `x[from..<to]`;
    /// returns the last value.
    @discardableResult
    @inline(__always)
    static func smooth(
        _ x: UnsafePointer<Double>, from: Int, to end: Int, seed: Double, k: Double, _ out: UnsafeMutablePointer<Double>
    ) -> Double {
        let decay = 1 - k
        // Two bars per step: e[i+1] = e[i−1]·d² + (x[i]·k·d + x[i+1]·k) puts one multiply and one add on
        // the loop-carried chain per *two* bars; e[i] hangs off the chain.
        let decay2 = decay * decay
        let kDecay = k * decay
        var ema = seed
        var index = from
        while index + 1 < end {
            let first = x[index]
            let second = x[index + 1]
            out[index] = ema * decay + first * k
            ema = ema * decay2 + (first * kDecay + second * k)
            out[index + 1] = ema
            index += 2
        }
        if index < end {
            ema = ema * decay + x[index] * k
            out[index] = ema
        }
        return ema
    }
}
