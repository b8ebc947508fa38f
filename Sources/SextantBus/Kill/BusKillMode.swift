import Foundation

/// What the kill switch flag on the bus asks every engine of the account to do (the same two modes as
/// the engine's `KillSwitch.Mode`, which maps by raw value).
public enum BusKillMode: String, Sendable, Equatable {
    /// No new orders.
    case halt
    /// Close every position, then no new orders.
    case flatten

    /// The mode a flag value asks for: `flatten` when it says so (spaces and case aside), otherwise `halt`,
    /// so that a flag someone set by hand with any text stops trading rather than being ignored.
    public init(flagValue: String) {
        self = flagValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "flatten" ? .flatten : .halt
    }
}
