/// What the reader does with one column of the file.
enum CSVColumnRole: Sendable, Hashable {
    /// A column the reader does not need (`adj close`, `symbol`, a pandas index); its fields are skipped
    /// without being checked.
    case ignored
    /// The bar time.
    case time
    /// One of the price or volume columns.
    case field(BarField)

    /// The accepted header names (compared in lower case, after trimming spaces). `time` has aliases
    /// because exporters disagree: Yahoo and pandas write `Date`, exchanges `timestamp`, `datetime`.
    static func named(_ lowercased: String) -> CSVColumnRole {
        switch lowercased {
        case "time", "date", "timestamp", "datetime": .time
        case "open": .field(.open)
        case "high": .field(.high)
        case "low": .field(.low)
        case "close": .field(.close)
        case "volume": .field(.volume)
        default: .ignored
        }
    }

    /// How messages name the column: `'close'`.
    var name: String {
        switch self {
        case .ignored: "ignored"
        case .time: "time"
        case .field(let field): field.rawValue
        }
    }

    /// Every column a file must have.
    static let required: [CSVColumnRole] = [.time, .field(.open), .field(.high), .field(.low), .field(.close)]
}
