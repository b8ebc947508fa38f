public import SextantCore
public import SextantLanguage

/// Why `sextant backtest` or `optimize` produced nothing.
public enum BacktestFailure: Error, Sendable {
    /// A bar file is malformed (its first error, with line and column).
    case data(BarFileError)
    /// The strategy has errors.
    case diagnostics([Diagnostic])
    /// The request is wrong (unknown param, missing alias file, no bars…): a usage error.
    case usage(String)
}
