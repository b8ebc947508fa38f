// YAML and document structure: E01xx; document semantics: E05xx.
extension DiagnosticID {
    public static let yamlSyntax = DiagnosticID("E0101", .error, "the file is not valid YAML")
    public static let yamlTab = DiagnosticID("E0102", .error, "a tab character used for indentation")
    public static let duplicateKey = DiagnosticID("E0103", .error, "a mapping key written twice")
    public static let unknownKey = DiagnosticID("E0104", .error, "a key the section does not define")
    public static let missingKey = DiagnosticID("E0105", .error, "a required key is missing")
    public static let wrongNodeKind = DiagnosticID(
        "E0106", .error, "a mapping, list or value where another is expected")
    public static let invalidValue = DiagnosticID(
        "E0107", .error, "a value of the wrong form (not a number, name, path…)")
    public static let unknownDocumentKind = DiagnosticID("E0108", .error, "`kind` is not strategy, risk or engine")
    public static let notUTF8 = DiagnosticID("E0109", .error, "the file is not UTF-8 text or contains NUL bytes")
    public static let yamlTooDeep = DiagnosticID("E0110", .error, "YAML nested deeper than the loader allows")
    public static let yamlAliasLimit = DiagnosticID("E0111", .error, "YAML aliases expand beyond the loader's limit")
    public static let emptyDocument = DiagnosticID("E0112", .error, "the file holds no document")
    public static let fileTooLarge = DiagnosticID("E0113", .error, "the file is larger than the loader accepts")
    public static let multipleDocuments = DiagnosticID("E0114", .error, "more than one YAML document in a file")
    public static let unreadableFile = DiagnosticID("E0115", .error, "the file cannot be read")

    public static let invalidParam = DiagnosticID(
        "E0501", .error, "a param declaration that is not a number, percent or duration")
    public static let invalidRange = DiagnosticID(
        "E0502", .error, "a param `range` that is not [start, stop, step] around its value")
    public static let duplicateName = DiagnosticID(
        "E0503", .error, "a name declared twice, or shadowing a builtin name")
    public static let invalidInlineTest = DiagnosticID("E0504", .error, "an inline test that is malformed")

    static let documentIDs: [DiagnosticID] = [
        .yamlSyntax, .yamlTab, .duplicateKey, .unknownKey, .missingKey, .wrongNodeKind, .invalidValue,
        .unknownDocumentKind, .notUTF8, .yamlTooDeep, .yamlAliasLimit, .emptyDocument, .fileTooLarge,
        .multipleDocuments, .unreadableFile, .invalidParam, .invalidRange, .duplicateName, .invalidInlineTest,
    ]
}
