extension BarFileError {
    /// What kind of problem a `BarFileError` reports; the message gives the specifics.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// The file cannot be opened or read (missing, a directory, no permission, an I/O error).
        case unreadable
        /// The file has no bytes, or only a byte-order mark and blank lines.
        case empty
        /// The header is missing, names a column twice, or lacks a required column.
        case header
        /// The header is followed by no data rows.
        case noBars
        /// A row has fewer fields than the required columns need.
        case missingField
        /// A required field is empty.
        case emptyField
        /// A price or volume is not a decimal number (or is `nan`, `inf`, hexadecimal, too long).
        case invalidNumber
        /// A number is too large for a `Double`.
        case numberOutOfRange
        /// A time is malformed, names a date that does not exist, or has a sub-second part.
        case invalidTime
        /// A time is written in another form (ISO-8601, epoch seconds, epoch milliseconds) than the
        /// file's first row.
        case inconsistentTimeFormat
        /// A time is equal to or earlier than the previous row's.
        case timeOrder
        /// A byte that cannot appear in a number or a time (NUL, a control character, non-ASCII).
        case invalidCharacter
        /// A quoted field is not closed, or a closing quote is followed by something other than `,`.
        case quote
        /// Only with `Options.validate`: high below low, open or close; low above open or close; negative
        /// volume.
        case inconsistentBar
    }
}
