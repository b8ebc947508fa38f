/// A typed DAG computing every named expression of a strategy (or of `sextant eval`).
///
/// Nodes are stored in topological order (inputs first), so evaluators walk `nodes` front to back.
/// Structurally equal subexpressions are one node: every `atr(14)` of a document, in signals, sizing
/// and stops alike, is computed once.
public struct Graph: Sendable {
    /// A named result: a `let`, a section (`entry.long`, `stops.loss`…) or an `eval` column.
    public struct Output: Sendable {
        /// The name (`let.fast_ma`, `entry.long`, `fast` for `eval -e fast=…`).
        public var name: String
        /// The node computing it.
        public var node: NodeID
    }

    /// All nodes, inputs before users.
    public internal(set) var nodes: [GraphNode]
    /// Named results in document order.
    public internal(set) var outputs: [Output]

    /// Creates a graph.
    public init(nodes: [GraphNode] = [], outputs: [Output] = []) {
        self.nodes = nodes
        self.outputs = outputs
    }

    /// The node with an ID.
    public subscript(id: NodeID) -> GraphNode { nodes[id.index] }

    /// The output with a name.
    public func output(named name: String) -> NodeID? {
        outputs.first { $0.name == name }?.node
    }

    /// For each node, the nodes that read it.
    public var users: [[NodeID]] {
        var users = [[NodeID]](repeating: [], count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for input in node.inputs where !users[input.index].contains(NodeID(index)) {
                users[input.index].append(NodeID(index))
            }
        }
        return users
    }

    /// For each node, the outputs it is, or feeds (for `explain`'s "shared by").
    public var consumers: [[String]] {
        var consumers = [[String]](repeating: [], count: nodes.count)
        for output in outputs {
            var stack = [output.node]
            var seen: Set<NodeID> = []
            while let id = stack.popLast() {
                guard seen.insert(id).inserted else { continue }
                consumers[id.index].append(output.name)
                stack.append(contentsOf: nodes[id.index].inputs)
            }
        }
        return consumers
    }

    /// The longest warm-up of any market-stage output: how much history a strategy needs.
    public var warmup: Int {
        outputs.map { nodes[$0.node.index] }.filter { $0.stage <= .market }.map(\.warmup).max() ?? 0
    }
}
