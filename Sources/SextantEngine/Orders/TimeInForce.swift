/// How long an order stays working at the venue.
public enum TimeInForce: String, Sendable, Hashable, Codable, CaseIterable {
    /// Good till cancelled.
    case gtc
    /// Immediate or cancel: fill what can be filled now, the venue cancels (or expires) the rest.
    case ioc
    /// Fill or kill: fill everything now or nothing.
    case fok
    /// Until the end of the venue's trading day.
    case day
}
