import Foundation

/// Rolling Ornstein–Uhlenbeck half-life of mean reversion, in bars.
///
/// Over the window's n values, the AR(1) regression `Δxₜ = a + b·xₜ₋₁ + εₜ` (n − 1 pairs, ordinary
/// least squares) estimates the discretized OU speed b; the half-life is `−ln 2 / b`, NaN when
/// b ≥ 0 (no mean reversion). The slope is computed directly on each window with centred two-pass
/// sums: b is a small difference (≈ 0 for a random walk), and a running-sum form would let rounding
/// of past windows swamp it. numpy equivalent: `-np.log(2) / np.polyfit(x[:-1], np.diff(x), 1)[0]`.
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 3` gives all NaN, as does
/// a window whose lagged values are all equal. Cost: O(n) per bar.
public enum HalfLife {
    /// The shortest window with an estimate (two pairs).
    public static let minimumLength = 3

    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// The half-life of all of `x` (no NaN).
    public static func halfLife(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            guard let base = x.baseAddress, x.count >= minimumLength else { return .nan }
            return estimate(base, count: x.count)
        }
    }

    /// Writes the rolling `length`-bar half-life of `input` into `output`.
    public static func halfLife(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            let offset = range.lowerBound
            let result = out[0] + offset
            guard length >= minimumLength, length <= range.count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: range.count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let values = x[0] + offset
            for index in (length - 1)..<range.count {
                result[index] = estimate(values + (index - length + 1), count: length)
            }
        }
    }

    /// The rolling `length`-bar half-life of `input`.
    public static func halfLife(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { halfLife($0, length: length, into: output) }
        }
    }

    /// The half-life of the window `x[0..<count]`.
    static func estimate(_ x: UnsafePointer<Double>, count: Int) -> Double {
        let pairs = count - 1
        var sumLagged = 0.0
        var sumChange = 0.0
        for index in 0..<pairs {
            sumLagged += x[index]
            sumChange += x[index + 1] - x[index]
        }
        let meanLagged = sumLagged / Double(pairs)
        let meanChange = sumChange / Double(pairs)
        var squares = 0.0
        var products = 0.0
        for index in 0..<pairs {
            let lagged = x[index] - meanLagged
            squares += lagged * lagged
            products += lagged * ((x[index + 1] - x[index]) - meanChange)
        }
        guard squares > 0 else { return .nan }
        let slope = products / squares
        return slope < 0 ? -log(2.0) / slope : .nan
    }
}
