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

extension Graph {
    /// Every node `roots` need, in topological order.
    public func cone(of roots: [NodeID]) -> [NodeID] {
        var seen = [Bool](repeating: false, count: nodes.count)
        var stack = roots
        while let id = stack.popLast() {
            guard !seen[id.index] else { continue }
            seen[id.index] = true
            stack.append(contentsOf: nodes[id.index].inputs)
        }
        return seen.indices.filter { seen[$0] }.map(NodeID.init)
    }
}
