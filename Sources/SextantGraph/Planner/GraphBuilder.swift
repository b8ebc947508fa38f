import SextantIndicators
import SextantLanguage

/// Builds a graph node by node, interning every node so that structurally equal ones are shared
/// (common-subexpression elimination across the whole document), and folding constants.
struct GraphBuilder {
    /// The identity of a node for interning: what it does and what it reads.
    private struct Key: Hashable {
        var operation: Operation
        var inputs: [NodeID]
    }

    private(set) var graph = Graph()
    private var interned: [Key: NodeID] = [:]

    /// Adds a node unless an equal one exists; returns its ID either way.
    mutating func add(
        _ operation: Operation, _ inputs: [NodeID], type: ValueType, stage: Stage, warmup: Int, width: Int = 1
    )
        -> NodeID
    {
        let key = Key(operation: operation, inputs: inputs)
        if let existing = interned[key] { return existing }
        let id = NodeID(graph.nodes.count)
        graph.nodes.append(
            GraphNode(operation: operation, inputs: inputs, type: type, stage: stage, warmup: warmup, width: width))
        interned[key] = id
        return id
    }

    /// A constant node.
    mutating func constant(_ value: Double, type: ValueType = .number) -> NodeID {
        add(.constant(Constant(value)), [], type: ValueType(type.base), stage: .const, warmup: 0)
    }

    /// Names a node as an output.
    mutating func output(_ name: String, _ node: NodeID) {
        graph.outputs.append(Graph.Output(name: name, node: node))
    }

    /// The graph with every node that no output needs removed, IDs renumbered in the same order.
    func finished() -> Graph {
        var live = [Bool](repeating: false, count: graph.nodes.count)
        var stack = graph.outputs.map(\.node)
        while let id = stack.popLast() {
            guard !live[id.index] else { continue }
            live[id.index] = true
            stack.append(contentsOf: graph.nodes[id.index].inputs)
        }
        var renumbered = [NodeID?](repeating: nil, count: graph.nodes.count)
        var nodes: [GraphNode] = []
        for (index, node) in graph.nodes.enumerated() where live[index] {
            renumbered[index] = NodeID(nodes.count)
            var copy = node
            copy.inputs = node.inputs.compactMap { renumbered[$0.index] }
            nodes.append(copy)
        }
        let outputs = graph.outputs.compactMap { output in
            renumbered[output.node.index].map { Graph.Output(name: output.name, node: $0) }
        }
        return Graph(nodes: nodes, outputs: outputs)
    }
}
