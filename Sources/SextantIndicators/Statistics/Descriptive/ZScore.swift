/// Rolling z-score: how many *sample* standard deviations the newest value is from the window mean.
///
/// `z[i] = (x[i] − x̄)/s` over the window x[i − n + 1 … i] (which includes x[i]), with s the sample
/// standard deviation (ddof = 1, as pandas' `rolling(n).std()`; numpy's `std` defaults to ddof = 0 —
/// pass `ddof=1` to compare). NaN where s = 0 (a flat window). First valid at bar `n − 1` of each
/// NaN-free run (see `ValidRuns`); `n < 2` gives all NaN. Mean and variance come from the
/// cancellation-free `RollingVariance`.
public enum ZScore {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar z-score of `input` into `output`.
    public static func zscore(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            let count = range.count
            let result = out[0] + range.lowerBound
            guard length >= 2, length <= count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let values = x[0] + range.lowerBound
            let means = ScratchColumn(count: count)
            RollingVariance.compute(values, count: count, length: length, mean: means.base, variance: result)
            let correction = Double(length) / Double(length - 1)
            for index in (length - 1)..<count {
                let deviation = (result[index] * correction).squareRoot()
                result[index] = deviation > 0 ? (values[index] - means.base[index]) / deviation : .nan
            }
        }
    }

    /// The rolling `length`-bar z-score of `input`.
    public static func zscore(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { zscore($0, length: length, into: output) }
        }
    }
}
