/// The index of a node in a `Graph`. Inputs always have smaller IDs than their users.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Position in `Graph.nodes`.
    public let index: Int

    /// Creates an ID.
    public init(_ index: Int) {
        self.index = index
    }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }

    public var description: String { "n\(index)" }
}
