/// The unit of a duration literal.
public enum DurationUnit: String, Sendable, Hashable, CaseIterable {
    /// A count of bars of the strategy's timeframe: `5 bars`.
    case bars
    /// Minutes: `30m`.
    case minutes = "m"
    /// Hours: `4h`.
    case hours = "h"
    /// Days: `1d`.
    case days = "d"

    /// Seconds per unit, or nil for `bars` (whose length depends on the timeframe).
    public var seconds: Double? {
        switch self {
        case .bars: nil
        case .minutes: 60
        case .hours: 3600
        case .days: 86400
        }
    }
}
