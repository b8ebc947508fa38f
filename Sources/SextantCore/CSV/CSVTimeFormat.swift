/// The form of a file's times. The first data row decides it and every other row must use the same
/// form, because a file mixing them is almost always two files pasted together, and guessing per row
/// could read `20240105` as epoch seconds in one row and a date in the next.
enum CSVTimeFormat: Sendable, Hashable {
    /// ISO-8601: `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`; the two may mix.
    case iso
    /// Whole seconds since the Unix epoch, 1 to 10 digits.
    case epochSeconds
    /// Milliseconds since the Unix epoch, 11 to 13 digits, each a whole second.
    case epochMilliseconds

    /// How messages name the form.
    var name: String {
        switch self {
        case .iso: "ISO-8601 dates"
        case .epochSeconds: "epoch seconds"
        case .epochMilliseconds: "epoch milliseconds"
        }
    }
}
