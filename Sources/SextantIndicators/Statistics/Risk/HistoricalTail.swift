/// The shared core of `VaRHistorical` and `CVaRHistorical`: one sorted window, the linear quantile
/// at `1 − confidence`, and the mean of the values at or below it.
enum HistoricalTail {
    /// Writes VaR and/or CVaR for every window of `length` values ending at bars `length − 1..<count`
    /// of `x` (earlier bars NaN). Invalid settings (length < 1 or > count, confidence outside (0, 1))
    /// give all NaN.
    static func run(
        _ x: UnsafePointer<Double>, count: Int, length: Int, confidence: Double,
        valueAtRisk: UnsafeMutablePointer<Double>?, expectedShortfall: UnsafeMutablePointer<Double>?
    ) {
        let outputs = [valueAtRisk, expectedShortfall].compactMap { $0 }
        guard length >= 1, length <= count, confidence > 0, confidence < 1 else {
            for output in outputs { ValidRuns.fillNaN(output, runStart: 0, runEnd: count) }
            return
        }
        for output in outputs { ValidRuns.fillNaN(output, runStart: 0, runEnd: length - 1) }
        // Evaluated as numpy sees it: `np.quantile(r, 1 - confidence)`.
        let probability = 1 - confidence
        var window = SortedWindow(capacity: length)
        for index in 0..<(length - 1) { window.insert(x[index]) }
        for index in (length - 1)..<count {
            window.insert(x[index])
            let quantile = LinearQuantile.ofSorted(window.values, count: length, probability: probability)
            valueAtRisk?[index] = -quantile
            if let expectedShortfall {
                expectedShortfall[index] = shortfall(window.values, count: length, quantile: quantile)
            }
            window.remove(x[index - length + 1])
        }
    }

    /// The expected shortfall of the `count` sorted values at `sorted` whose quantile is `quantile`: minus
    /// the mean of the values at or below it. `HistoricalTail.run` and `CVaRHistoricalStream` share it.
    @inline(__always)
    static func shortfall(_ sorted: UnsafePointer<Double>, count: Int, quantile: Double) -> Double {
        // At least the smallest value is at or below the quantile (the interpolation is monotone).
        var total = 0.0
        var tail = 0
        while tail < count, sorted[tail] <= quantile {
            total += sorted[tail]
            tail += 1
        }
        return -(total / Double(tail))
    }
}
