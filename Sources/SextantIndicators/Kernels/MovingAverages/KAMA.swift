/// Kaufman adaptive moving average (TA-Lib `KAMA`, fast 2, slow 30).
///
/// Seeded with `x[n−1]`; from bar `n` of each NaN-free run (see `ValidRuns`):
/// `ER = |x[i] − x[i−n]| / Σ|x[j] − x[j−1]|` over the last `n` changes (1 when the sum is zero or not
/// above the signed change, as TA-Lib tests it), `sc = (ER·(2/3 − 2/31) + 2/31)²`,
/// `kama += sc·(x[i] − kama)`. Length 1 copies the input with no warm-up, as TA-Lib's `MA` does for
/// every average; TA-Lib's `KAMA` itself takes lengths 2…100000, and so does the `kama` builtin (its
/// warm-up rule, `length`, holds from 2 on).
public enum KAMA {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length == 1 ? 0 : length }

    /// Writes the `length`-bar KAMA of `input` into `output`. `length` < 1 gives all NaN.
    public static func kama(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar KAMA of `input`.
    public static func kama(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { kama($0, length: length, into: output) }
        }
    }

    /// The run core.
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) {
        if length == 1 {
            out.update(from: x, count: count)
            return
        }
        guard length >= 1, length < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: length)
        let slowest = 2.0 / (30.0 + 1.0)
        let span = 2.0 / (2.0 + 1.0) - slowest
        var changes = 0.0
        for index in 0..<length { changes += Swift.abs(x[index] - x[index + 1]) }
        // `changes` now covers the n changes into bars 1…n, the window of the first output.
        var kama = x[length - 1]
        var index = length
        var trailing = x[0]
        while index < count {
            let value = x[index]
            let old = x[index - length]
            let direction = value - old
            if index > length {
                changes -= Swift.abs(trailing - old)
                changes += Swift.abs(value - x[index - 1])
            }
            trailing = old
            let efficiency = (changes <= direction || changes == 0) ? 1.0 : Swift.abs(direction / changes)
            var smoothing = efficiency * span + slowest
            smoothing *= smoothing
            kama = (value - kama) * smoothing + kama
            out[index] = kama
            index += 1
        }
    }
}
