import Foundation

/// Rolling Hurst exponent by classical rescaled-range (R/S) analysis of the window's increments.
///
/// The window's n values are a path (a price, log price or spread — pass levels, not returns); its
/// m = n − 1 increments dₖ = xₖ − xₖ₋₁ are analysed. For chunk sizes w = m, ⌊m/2⌋, ⌊m/4⌋, … down to
/// 8, the newest `c·w` increments (c = ⌊m/w⌋) are cut into c chunks of w; for each chunk
/// `R = max Yⱼ − min Yⱼ` over the cumulative deviations `Yⱼ = Σᵢ≤ⱼ (dᵢ − d̄)` (j = 1…w) and
/// `S` = the chunk's population standard deviation (ddof 0); `(R/S)_w` is the mean of R/S over the
/// chunks (a chunk of equal increments has no R/S and is skipped; a size with no usable chunk is
/// dropped). H is the least-squares slope of ln (R/S)_w on ln w. H ≈ 0.5 for a random walk, below for a
/// mean-reverting path, above for a persistent (trending) one. This is the plain Hurst–Mandelbrot estimator, with
/// no Anis–Lloyd small-sample correction, so a random walk reads a little above 0.5 on short windows.
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); NaN when fewer than two chunk
/// sizes are usable, so `n < 17` gives all NaN. Cost: O(n log n) per bar.
public enum Hurst {
    /// The smallest chunk of increments used.
    public static let minimumChunk = 8

    /// The shortest window with an estimate (two chunk sizes: 2·8 increments).
    public static let minimumLength = 2 * minimumChunk + 1

    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// The Hurst exponent of the path `x` (all of it; no NaN).
    public static func exponent(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard let base = x.baseAddress, x.count >= minimumLength else { return .nan }
        let scratch = ScratchColumn(count: scratchCount(length: x.count))
        return estimate(base, count: x.count, scratch: scratch.base)
    }

    /// The Hurst exponent of the path `x`.
    public static func exponent(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { exponent($0) }
    }

    /// Writes the rolling `length`-bar Hurst exponent of `input` into `output`.
    public static func hurst(
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
            let scratch = ScratchColumn(count: scratchCount(length: length))
            let values = x[0] + offset
            for index in (length - 1)..<range.count {
                result[index] = estimate(values + (index - length + 1), count: length, scratch: scratch.base)
            }
        }
    }

    /// The rolling `length`-bar Hurst exponent of `input`.
    public static func hurst(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { hurst($0, length: length, into: output) }
        }
    }

    /// Scratch for `estimate`: the increments of a `length`-value window, then the (ln w, ln R/S)
    /// points (at most 64 chunk sizes, since sizes halve).
    static func scratchCount(length: Int) -> Int { length - 1 + 128 }

    /// H for the path `x[0..<count]`; `scratch` holds `scratchCount(length: count)` doubles.
    static func estimate(_ x: UnsafePointer<Double>, count: Int, scratch: UnsafeMutablePointer<Double>) -> Double {
        let m = count - 1
        let increments = scratch
        let logSizes = scratch + m
        let logRatios = logSizes + 64
        for index in 0..<m { increments[index] = x[index + 1] - x[index] }
        var points = 0
        var level = 0
        var size = m
        while size >= minimumChunk {
            if let ratio = meanRescaledRange(increments, count: m, size: size) {
                logSizes[points] = log(Double(size))
                logRatios[points] = log(ratio)
                points += 1
            }
            level += 1
            size = m >> level
        }
        guard points >= 2 else { return .nan }
        var sumU = 0.0
        var sumV = 0.0
        for point in 0..<points {
            sumU += logSizes[point]
            sumV += logRatios[point]
        }
        let meanU = sumU / Double(points)
        let meanV = sumV / Double(points)
        var products = 0.0
        var squares = 0.0
        for point in 0..<points {
            let u = logSizes[point] - meanU
            products += u * (logRatios[point] - meanV)
            squares += u * u
        }
        return products / squares
    }

    /// The mean R/S over the chunks of `size` ending at the newest increment; nil if no chunk has one.
    private static func meanRescaledRange(_ d: UnsafePointer<Double>, count: Int, size: Int) -> Double? {
        let chunks = count / size
        var total = 0.0
        var usable = 0
        for chunk in 0..<chunks {
            let start = count - (chunks - chunk) * size
            var low = d[start]
            var high = d[start]
            var sum = 0.0
            for index in start..<(start + size) {
                low = Swift.min(low, d[index])
                high = Swift.max(high, d[index])
                sum += d[index]
            }
            guard high > low else { continue }
            let mean = sum / Double(size)
            var cumulative = 0.0
            var top = -Double.infinity
            var bottom = Double.infinity
            var squares = 0.0
            for index in start..<(start + size) {
                let deviation = d[index] - mean
                cumulative += deviation
                top = Swift.max(top, cumulative)
                bottom = Swift.min(bottom, cumulative)
                squares += deviation * deviation
            }
            let deviation = (squares / Double(size)).squareRoot()
            total += (top - bottom) / deviation
            usable += 1
        }
        return usable > 0 ? total / Double(usable) : nil
    }
}
