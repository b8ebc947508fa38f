extension Graph {
    /// The name under which `exposing(_:)` publishes a node.
    public static func exposedName(of node: NodeID) -> String { "\u{0}node\(node.index)" }

    /// The same graph with `nodes` added as outputs (named by `exposedName(of:)`), so that a batch
    /// evaluation keeps their columns: the market-stage inputs of the state-stage part, or the
    /// arguments of a sizing call.
    public func exposing(_ nodes: [NodeID]) -> Graph {
        var graph = self
        graph.outputs += nodes.map { Output(name: Self.exposedName(of: $0), node: $0) }
        return graph
    }
}
