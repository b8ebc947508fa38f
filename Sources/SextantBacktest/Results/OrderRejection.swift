/// One entry order that a sizing rule, the cash or a risk limit refused or shrank.
public struct OrderRejection: Sendable, Codable, Equatable {
    /// Refused outright, or filled with fewer units.
    public enum Action: String, Sendable, Codable {
        case rejected
        case shrunk
    }

    /// The bar the decision was made on (the signal bar for signal-time checks, the fill bar for fill-time checks).
    public var bar: Int
    /// That bar's time, ISO-8601.
    public var time: String
    /// `long` or `short`.
    public var side: String
    /// What happened.
    public var action: Action
    /// Why.
    public var reason: RejectionReason
    /// Units asked for (signed; NaN when the size was not computed yet).
    public var requested: Double
    /// Units filled (signed; 0 when rejected).
    public var filled: Double

    /// Creates a record.
    public init(
        bar: Int, time: String, side: String, action: Action, reason: RejectionReason, requested: Double,
        filled: Double
    ) {
        self.bar = bar
        self.time = time
        self.side = side
        self.action = action
        self.reason = reason
        self.requested = requested
        self.filled = filled
    }
}
