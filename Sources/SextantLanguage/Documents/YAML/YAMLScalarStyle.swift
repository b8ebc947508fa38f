/// How a YAML scalar is written; decides how its value maps back to the file.
enum YAMLScalarStyle: Sendable, Equatable {
    /// `value`, possibly over several lines (folded with spaces).
    case plain
    /// `'value'`, with `''` for a quote.
    case singleQuoted
    /// `"value"`, with backslash escapes.
    case doubleQuoted
    /// `|` block: lines kept as written.
    case literal
    /// `>` block: lines folded with spaces.
    case folded

    /// True for the styles that can only hold a string (a quoted `"10"` is text, not a number).
    var isQuotedOrBlock: Bool { self != .plain }
}
