// Expression syntax: E02xx.
extension DiagnosticID {
    public static let unexpectedCharacter = DiagnosticID("E0201", .error, "a character that cannot start a token")
    public static let malformedNumber = DiagnosticID("E0202", .error, "a malformed number literal")
    public static let expectedExpression = DiagnosticID("E0203", .error, "an operand is missing")
    public static let unexpectedToken = DiagnosticID("E0204", .error, "a token where the grammar allows none")
    public static let unclosedDelimiter = DiagnosticID(
        "E0205", .error, "an opening parenthesis or bracket is never closed")
    public static let unmatchedDelimiter = DiagnosticID(
        "E0206", .error, "a closing parenthesis or bracket without an opening one")
    public static let chainedComparison = DiagnosticID("E0207", .error, "comparisons do not chain (`a < b < c`)")
    public static let nestingTooDeep = DiagnosticID(
        "E0208", .error, "an expression nested deeper than the parser allows")
    public static let expectedName = DiagnosticID("E0209", .error, "a name is required here")
    public static let positionalAfterNamed = DiagnosticID("E0210", .error, "a positional argument after a named one")
    public static let emptyExpression = DiagnosticID("E0211", .error, "an empty expression")
    public static let unknownUnit = DiagnosticID("E0212", .error, "an unknown unit after a number")

    static let syntaxIDs: [DiagnosticID] = [
        .unexpectedCharacter, .malformedNumber, .expectedExpression, .unexpectedToken, .unclosedDelimiter,
        .unmatchedDelimiter, .chainedComparison, .nestingTooDeep, .expectedName, .positionalAfterNamed,
        .emptyExpression, .unknownUnit,
    ]
}
