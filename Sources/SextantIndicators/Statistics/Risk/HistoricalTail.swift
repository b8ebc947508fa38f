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
                // At least the smallest value is at or below the quantile (the interpolation is monotone).
                var total = 0.0
                var tail = 0
                while tail < length, window.values[tail] <= quantile {
                    total += window.values[tail]
                    tail += 1
                }
                expectedShortfall[index] = -(total / Double(tail))
            }
            window.remove(x[index - length + 1])
        }
    }
}
