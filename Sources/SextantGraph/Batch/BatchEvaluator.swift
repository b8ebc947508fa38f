import SextantCore
import SextantIndicators
public import SextantLanguage

/// Evaluates the market-stage part of a graph as whole columns, node by node in topological order.
///
/// Kernels run over contiguous buffers; elementwise operators run as tight loops over their inputs;
/// a buffer returns to a pool right after its last reader, so memory stays near the number of
/// columns alive at once. State-stage nodes are skipped: the loop that drives the simulation
/// evaluates them bar by bar with `StreamEvaluator`.
public enum BatchEvaluator {
    /// Evaluates `graph` over `data`. `keep` names the outputs to return (all when nil).
    /// `keepNodes` keeps every node's column (no buffer reuse), for node-by-node comparisons.
    public static func evaluate(
        _ graph: Graph, data: MarketData, keep: Set<String>? = nil, timings: Bool = false, keepNodes: Bool = false
    ) -> BatchResult {
        var run = BatchRun(graph: graph, data: data, keep: keep, timings: timings, keepNodes: keepNodes)
        return run.run()
    }
}

/// One evaluation's working state.
private struct BatchRun {
    /// A computed node: a constant, or columns (several for a multi-output kernel).
    enum Value {
        case none
        case constant(Double)
        case columns([UnsafeMutableBufferPointer<Double>])
    }

    let graph: Graph
    let data: MarketData
    let keptOutputs: [Graph.Output]
    let timings: Bool
    let keepNodes: Bool
    let pool: ColumnPool
    var values: [Value]
    var seconds: [Double]

    init(graph: Graph, data: MarketData, keep: Set<String>?, timings: Bool, keepNodes: Bool) {
        self.keepNodes = keepNodes
        self.graph = graph
        self.data = data
        self.keptOutputs = graph.outputs.filter { keep?.contains($0.name) ?? true }
        self.timings = timings
        self.pool = ColumnPool(count: data.count)
        self.values = [Value](repeating: .none, count: graph.nodes.count)
        self.seconds = [Double](repeating: 0, count: graph.nodes.count)
    }

    mutating func run() -> BatchResult {
        let lastUse = lastUses()
        let clock = ContinuousClock()
        for (index, node) in graph.nodes.enumerated() where node.stage <= .market {
            let started = clock.now
            values[index] = compute(node)
            if timings { seconds[index] = (clock.now - started).seconds }
            if keepNodes { continue }
            for input in Set(node.inputs) where lastUse[input.index] == index { release(input.index) }
        }
        var columns: [String: [Double]] = [:]
        for output in keptOutputs {
            columns[output.name] = materialize(output.node)
        }
        let nodeColumns: [[Double]?] =
            keepNodes
            ? graph.nodes.indices.map { graph.nodes[$0].stage == .state ? nil : materialize(NodeID($0)) } : []
        return BatchResult(
            columns: columns, nodeSeconds: seconds, nodeColumns: nodeColumns, peakBytes: pool.allocatedBytes)
    }

    /// The index of the last node that reads each node's columns; kept outputs live to the end.
    /// A field node reads its kernel's buffers, so the kernel lives as long as its fields do.
    private func lastUses() -> [Int] {
        var last = [Int](repeating: -1, count: graph.nodes.count)
        for (index, node) in graph.nodes.enumerated() {
            for input in node.inputs { last[input.index] = max(last[input.index], index) }
        }
        for output in keptOutputs { last[output.node.index] = Int.max }
        for index in graph.nodes.indices.reversed() {
            if case .field = graph.nodes[index].operation, let base = graph.nodes[index].inputs.first {
                last[base.index] = max(last[base.index], last[index])
            }
        }
        return last
    }

    private mutating func release(_ index: Int) {
        if case .columns(let buffers) = values[index] {
            // Field nodes alias their kernel's buffers: only the owner returns them to the pool.
            if case .field = graph.nodes[index].operation {
                values[index] = .none
                return
            }
            for buffer in buffers { pool.give(buffer) }
        }
        values[index] = .none
    }

    private func materialize(_ id: NodeID) -> [Double] {
        switch values[id.index] {
        case .none: return [Double](repeating: .nan, count: data.count)
        case .constant(let value): return [Double](repeating: value, count: data.count)
        case .columns(let buffers): return Array(buffers[0])
        }
    }

    // MARK: - Nodes

    private mutating func compute(_ node: GraphNode) -> Value {
        switch node.operation {
        case .constant(let constant):
            return .constant(constant.value)
        case .bar(let name, let alias):
            let output = pool.take()
            let fields = data.columns[alias] ?? [:]
            fill(output, name, fields)
            return .columns([output])
        case .state:
            return .none
        case .kernel(let name, let settings):
            return kernel(name, settings.map(\.value), node)
        case .unary(let op):
            let output = pool.take()
            let input = self.input(node.inputs[0])
            for index in 0..<data.count { output[index] = ScalarOperators.apply(op, input[index]) }
            return .columns([output])
        case .binary(let op):
            let output = pool.take()
            let lhs = input(node.inputs[0])
            let rhs = input(node.inputs[1])
            for index in 0..<data.count { output[index] = ScalarOperators.apply(op, lhs[index], rhs[index]) }
            return .columns([output])
        case .conditional:
            let output = pool.take()
            let condition = input(node.inputs[0])
            let then = input(node.inputs[1])
            let otherwise = input(node.inputs[2])
            for index in 0..<data.count { output[index] = condition[index] == 1 ? then[index] : otherwise[index] }
            return .columns([output])
        case .shift(let bars):
            let output = pool.take()
            let source = input(node.inputs[0])
            for index in 0..<data.count { output[index] = index >= bars ? source[index - bars] : .nan }
            return .columns([output])
        case .field(let index, _):
            guard case .columns(let buffers) = values[node.inputs[0].index], index < buffers.count else {
                return .none
            }
            return .columns([buffers[index]])
        }
    }

    private func fill(_ output: UnsafeMutableBufferPointer<Double>, _ name: BarName, _ fields: [BarField: [Double]]) {
        if let field = name.field, let column = fields[field], column.count == data.count {
            _ = output.initialize(from: column)
            return
        }
        for index in 0..<data.count { output[index] = MarketData.value(name, fields, data.time, index) }
    }

    private mutating func kernel(_ name: String, _ settings: [Double], _ node: GraphNode) -> Value {
        guard let kernel = BuiltinTable.lookup(name)?.kernel else { return .none }
        var temporaries: [UnsafeMutableBufferPointer<Double>] = []
        let inputs = node.inputs.map { id -> UnsafeBufferPointer<Double> in
            switch values[id.index] {
            case .columns(let buffers): return UnsafeBufferPointer(buffers[0])
            case .constant(let value):
                // Kernels take columns; a scalar argument becomes a constant column for this call.
                let column = pool.take()
                column.initialize(repeating: value)
                temporaries.append(column)
                return UnsafeBufferPointer(column)
            case .none:
                let column = pool.take()
                column.initialize(repeating: .nan)
                temporaries.append(column)
                return UnsafeBufferPointer(column)
            }
        }
        let outputs = (0..<kernel.outputCount).map { _ in pool.take() }
        kernel.batch(inputs, settings, outputs)
        for column in temporaries { pool.give(column) }
        return .columns(outputs)
    }

    /// A node's values for elementwise loops: a column, or a constant read at every index.
    private func input(_ id: NodeID) -> ColumnReader {
        switch values[id.index] {
        case .columns(let buffers): ColumnReader(column: UnsafeBufferPointer(buffers[0]), constant: .nan)
        case .constant(let value): ColumnReader(column: nil, constant: value)
        case .none: ColumnReader(column: nil, constant: .nan)
        }
    }
}

/// Reads a column, or a constant at every index.
private struct ColumnReader {
    let column: UnsafeBufferPointer<Double>?
    let constant: Double

    @inline(__always)
    subscript(index: Int) -> Double { column?[index] ?? constant }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
