// Names and types: E03xx; stages, look-ahead and warm-up: E04xx; warnings: W0xxx.
extension DiagnosticID {
    public static let unknownName = DiagnosticID(
        "E0301", .error, "a name that is not a bar column, param, let, state or alias")
    public static let unknownFunction = DiagnosticID("E0302", .error, "a call of a function that does not exist")
    public static let wrongArity = DiagnosticID("E0303", .error, "too many or too few arguments")
    public static let unknownArgumentLabel = DiagnosticID(
        "E0304", .error, "a named argument the function does not have")
    public static let duplicateArgument = DiagnosticID("E0305", .error, "an argument given twice")
    public static let typeMismatch = DiagnosticID("E0306", .error, "a value of the wrong type")
    public static let unknownField = DiagnosticID("E0307", .error, "a field the record does not have")
    public static let notCallable = DiagnosticID("E0308", .error, "a call of something that is not a function")
    public static let letCycle = DiagnosticID("E0309", .error, "`let` bindings that depend on each other in a cycle")
    public static let seriesToScalar = DiagnosticID("E0310", .error, "a series where a single value is required")
    public static let recordUsedAsValue = DiagnosticID(
        "E0311", .error, "a multi-output result used without choosing a field")
    public static let sizingOutsideSize = DiagnosticID("E0312", .error, "a sizing function outside `size:`")
    public static let invalidUnitUse = DiagnosticID("E0313", .error, "a percent or duration where it has no meaning")

    public static let lookAhead = DiagnosticID("E0401", .error, "a reference to a future bar")
    public static let nonConstantOffset = DiagnosticID("E0402", .error, "a history offset not known before the run")
    public static let invalidLength = DiagnosticID(
        "E0403", .error,
        "an indicator length or count that is not a whole number known before the run, or below its minimum")
    public static let stateNotAllowed = DiagnosticID(
        "E0404", .error, "position or account state where only market data is allowed")
    public static let settingNotConstant = DiagnosticID(
        "E0405", .error, "an indicator setting not known before the run")

    public static let unusedParam = DiagnosticID("W0001", .warning, "a param no expression uses")
    public static let unusedLet = DiagnosticID("W0002", .warning, "a `let` no expression uses")
    public static let entryWithoutExit = DiagnosticID("W0003", .warning, "an entry with neither an exit nor a stop")
    public static let constantCondition = DiagnosticID(
        "W0004", .warning, "a signal that is always true or always false")
    public static let divisionByZero = DiagnosticID("W0005", .warning, "a division by the constant zero")

    static let checkerIDs: [DiagnosticID] = [
        .unknownName, .unknownFunction, .wrongArity, .unknownArgumentLabel, .duplicateArgument, .typeMismatch,
        .unknownField, .notCallable, .letCycle, .seriesToScalar, .recordUsedAsValue, .sizingOutsideSize,
        .invalidUnitUse, .lookAhead, .nonConstantOffset, .invalidLength, .stateNotAllowed, .settingNotConstant,
    ]

    static let warningIDs: [DiagnosticID] = [
        .unusedParam, .unusedLet, .entryWithoutExit, .constantCondition, .divisionByZero,
    ]
}
