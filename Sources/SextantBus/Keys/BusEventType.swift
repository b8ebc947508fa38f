/// The kinds of engine event the bus carries, one channel each; the same names as the `type` field of
/// the events file (`docs/events.md`), so `BusEventType(rawValue: event.kind.rawValue)` maps them.
public enum BusEventType: String, Sendable, CaseIterable {
    case bar, signal, order, fill, risk, reload, error
}
