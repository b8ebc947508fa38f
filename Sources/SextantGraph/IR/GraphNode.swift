public import SextantLanguage

/// One node of a strategy's evaluation graph.
public struct GraphNode: Sendable {
    /// What it computes.
    public var operation: Operation
    /// The nodes it reads, in the operation's order.
    public var inputs: [NodeID]
    /// Its type (a series unless it is a constant).
    public var type: ValueType
    /// When its value is known: `const`, `market` (computed as whole columns) or `state` (bar by bar).
    public var stage: Stage
    /// Leading bars without a valid value.
    public var warmup: Int
    /// How many columns it produces: 1, or a multi-output kernel's field count.
    public var width: Int

    /// Creates a node.
    public init(operation: Operation, inputs: [NodeID], type: ValueType, stage: Stage, warmup: Int, width: Int = 1) {
        self.operation = operation
        self.inputs = inputs
        self.type = type
        self.stage = stage
        self.warmup = warmup
        self.width = width
    }

    /// The node's constant value, if it is a constant.
    public var constant: Double? {
        if case .constant(let constant) = operation { return constant.value }
        return nil
    }
}
