/// A password that does not print: its description, debug description and mirror all read `***`, so a
/// log line, an error or a `dump` of a configuration cannot leak it.
public struct BusSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The password itself; read it only to send it to the server.
    public let revealed: String

    /// Wraps `password`.
    public init(_ password: String) {
        self.revealed = password
    }

    public var description: String { "***" }
    public var debugDescription: String { "***" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
