public import SextantLanguage

/// Why `sextant optimize` produced nothing.
public enum OptimizeFailure: Error, Sendable {
    /// The strategy or the data could not be prepared.
    case backtest(BacktestFailure)
    /// A constraint has errors.
    case diagnostics([Diagnostic])
    /// The request is wrong (bad grid, unknown metric or param, no point left…): a usage error.
    case usage(String)
}
