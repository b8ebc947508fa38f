public import SextantCore
public import SextantLanguage

/// Why `sextant eval` produced nothing.
public enum EvalFailure: Error, Sendable {
    /// A bar file is malformed (its first error, with line and column).
    case data(BarFileError)
    /// An expression or the strategy has errors.
    case diagnostics([Diagnostic])
    /// The request itself is wrong (unknown param, duplicate name…): a usage error.
    case usage(String)
}
