/// One statistic as shown and serialized: a number (NaN → JSON null), a count, a time or a duration.
public enum StatValue: Sendable, Equatable {
    case number(Double)
    case count(Int)
    /// ISO-8601.
    case time(String)
    /// Seconds (NaN when undefined, e.g. no trades).
    case duration(Double)

    /// The value as text for people: durations as `830 days 00:00:00`, as pandas prints them.
    public var text: String {
        switch self {
        case .number(let value): value.isNaN ? "—" : StatValue.format(value)
        case .count(let value): String(value)
        case .time(let value): value
        case .duration(let seconds): seconds.isNaN ? "—" : StatValue.pandasDuration(seconds)
        }
    }

    /// `830 days 00:00:00`, Backtesting.py's (pandas') rendering of a duration in seconds.
    public static func pandasDuration(_ seconds: Double) -> String {
        let total = Int64(seconds.rounded())
        let days = total / 86_400
        let rest = total % 86_400
        let clock = [rest / 3600, rest % 3600 / 60, rest % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(days) days \(clock.joined(separator: ":"))"
    }

    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e15 || (magnitude < 1e-4 && magnitude > 0) { return "\(value)" }
        let scaled = (value * 1e6).rounded() / 1e6
        var text = String(scaled)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
