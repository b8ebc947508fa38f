/// The rule of a strategy (or of the engine) that decided an order, named by its document path:
/// `entry.long`, `exit.short`, `stops.loss`, `risk.flatten`…
///
/// A rule is one of the inputs of the ``ClientOrderID``, so its spelling is part of every ID: the
/// well-known rules below are the spellings to use, and a rule's text must never change between
/// versions of Sextant (a restart would otherwise derive a different ID for an order already sent).
public struct OrderRule: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The rule's path, e.g. `entry.long`.
    public let rawValue: String

    /// A rule from its path.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A rule from a literal path, e.g. `"entry.long"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Decodes a rule from a bare string, as it is written in JSON.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the rule as a bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// `entry.long`: the long entry signal.
    public static let entryLong: OrderRule = "entry.long"
    /// `entry.short`: the short entry signal.
    public static let entryShort: OrderRule = "entry.short"
    /// `exit.long`: the long exit signal.
    public static let exitLong: OrderRule = "exit.long"
    /// `exit.short`: the short exit signal.
    public static let exitShort: OrderRule = "exit.short"
    /// `stops.loss`: the stop-loss.
    public static let stopLoss: OrderRule = "stops.loss"
    /// `stops.trailing`: the trailing stop.
    public static let trailingStop: OrderRule = "stops.trailing"
    /// `stops.take_profit`: the take profit.
    public static let takeProfit: OrderRule = "stops.take_profit"
    /// `stops.max_bars`: the holding-time limit.
    public static let maxBars: OrderRule = "stops.max_bars"
    /// `risk.flatten`: a circuit breaker or the kill switch closing a position.
    public static let riskFlatten: OrderRule = "risk.flatten"
}
