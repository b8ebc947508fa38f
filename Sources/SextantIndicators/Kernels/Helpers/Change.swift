/// `source − source[length]` — the `change` builtin (TA-Lib's `MOM`).
///
/// First valid at bar `length` of each NaN-free run (see `ValidRuns`).
public enum Change {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-bar change of `input` into `output`. `length` < 1 gives all NaN.
    public static func change(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        MOM.mom(input, length: length, into: output)
    }

    /// The `length`-bar change of `input`.
    public static func change(_ input: [Double], length: Int) -> [Double] {
        MOM.mom(input, length: length)
    }
}
