/// Rolling arithmetic mean over the last `n` values: `Σx/n`, numpy's `x[i−n+1:i+1].mean()`.
///
/// The same column as `SMA` (whose run core it reuses); it lives here so that the statistics read as
/// one family. First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 1` gives all NaN.
public enum RollingMean {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar mean of `input` into `output`.
    public static func mean(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        SMA.sma(input, length: length, into: output)
    }

    /// The rolling `length`-bar mean of `input`.
    public static func mean(_ input: [Double], length: Int) -> [Double] {
        SMA.sma(input, length: length)
    }
}
