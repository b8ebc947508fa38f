/// A number known when the graph is planned, compared by bit pattern so that NaN (`na`) is a
/// usable dictionary key and `0` and `-0` stay distinct (folding must not change a result's bits).
public struct Constant: Hashable, Sendable, CustomStringConvertible {
    /// The value. Booleans are 1 (true) and 0 (false).
    public let value: Double

    /// Creates a constant.
    public init(_ value: Double) {
        self.value = value
    }

    public static func == (lhs: Constant, rhs: Constant) -> Bool { lhs.value.bitPattern == rhs.value.bitPattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(value.bitPattern) }

    public var description: String {
        if value.isNaN { return "na" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
