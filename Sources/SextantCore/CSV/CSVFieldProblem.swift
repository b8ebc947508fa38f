/// Why one field could not be read, before the parser turns it into a located `BarFileError`.
struct CSVFieldProblem: Error, Sendable, Hashable {
    /// The category of the eventual error.
    var kind: BarFileError.Kind
    /// The message of the eventual error.
    var message: String
    /// Where the error points, in bytes from the start of the field's text.
    var offset: Int = 0
}
