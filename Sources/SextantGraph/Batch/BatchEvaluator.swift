import SextantCore
import SextantIndicators
public import SextantLanguage

/// Evaluates the market-stage part of a graph as whole columns, node by node in topological order.
///
/// Kernels run over contiguous buffers; elementwise operators run as loops over raw pointers,
/// specialized by operator and operand shape (`Elementwise`), writing in place into an input that has
/// no later reader; bar columns are read where `MarketData` holds them, not copied. A buffer returns
/// to a pool right after its last reader, so memory stays near the number of columns alive at once. State-stage nodes are skipped: the loop that drives the simulation
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

    /// Evaluates the market-stage nodes `nodes` need and runs `body` with their columns, without copying
    /// them out: the pointers are valid only inside `body` (bar columns point into `data`). A node
    /// that has no column (a constant, a state-stage node) has none in `NodeColumns`.
    ///
    /// `spare`, a buffer of at least `data.count` values that the caller owns, may hold the columns of
    /// nodes that are neither in `nodes` nor read after `body` starts, in place of fresh pool buffers;
    /// `NodeColumns.spare` hands it back to `body` when no column is left in it. A backtest's equity
    /// column then goes where an intermediate indicator was: pages already mapped, instead of another
    /// column of fresh ones.
    public static func withColumns<Result>(
        of nodes: [NodeID], in graph: Graph, data: MarketData, spare: UnsafeMutableBufferPointer<Double>? = nil,
        _ body: (NodeColumns) throws -> Result
    ) rethrows -> Result {
        let outputs = nodes.map { Graph.Output(name: Graph.exposedName(of: $0), node: $0) }
        var run = BatchRun(
            graph: Graph(nodes: graph.nodes, outputs: outputs), data: data, keep: nil, timings: false,
            keepNodes: false)
        if let spare, data.count > 0, spare.count >= data.count {
            run.spare = UnsafeMutableBufferPointer(rebasing: spare[0..<data.count])
        }
        return try run.withKeptColumns(body)
    }
}

/// One evaluation's working state.
private struct BatchRun {
    /// A computed node: a constant, or columns (several for a multi-output kernel).
    enum Value {
        case none
        case constant(Double)
        case columns([UnsafeMutableBufferPointer<Double>])
        /// A bar column read in place from `MarketData` (never written, never returned to the pool).
        case borrowed(UnsafeBufferPointer<Double>)
    }

    let graph: Graph
    let data: MarketData
    let keptOutputs: [Graph.Output]
    let timings: Bool
    let keepNodes: Bool
    let pool: ColumnPool
    var values: [Value]
    var seconds: [Double]
    /// The bar columns of `data` by alias and field, valid for the duration of `run()`.
    var barColumns: [String?: [BarField: UnsafeBufferPointer<Double>]] = [:]
    /// The index of the last node reading each node (see `lastUses()`), for in-place reuse.
    var lastUse: [Int] = []
    /// The index of the node being computed.
    var current = 0
    /// The caller's buffer that columns of transient nodes may use (`BatchEvaluator.withColumns`), and
    /// whether one is in it.
    var spare: UnsafeMutableBufferPointer<Double>?
    var spareHeld = false

    init(graph: Graph, data: MarketData, keep: Set<String>?, timings: Bool, keepNodes: Bool) {
        self.keepNodes = keepNodes
        self.graph = graph
        self.data = data
        self.keptOutputs = graph.outputs.filter { keep?.contains($0.name) ?? true }
        self.timings = timings
        self.pool = ColumnPool(count: data.count, touch: timings)
        self.values = [Value](repeating: .none, count: graph.nodes.count)
        self.seconds = [Double](repeating: 0, count: graph.nodes.count)
    }

    mutating func run() -> BatchResult {
        // Bar nodes read the market data's arrays in place instead of copying them into pool buffers:
        // the pointers come from nested `withUnsafeBufferPointer` calls, so they stay valid for the
        // whole evaluation without copying a column.
        let columns = data.columns.flatMap { alias, fields in
            fields.filter { $0.value.count == data.count }.map { (alias: alias, field: $0.key, values: $0.value) }
        }
        return withBarColumns(columns[...]) { $0.evaluate() }
    }

    /// Computes the nodes, then runs `body` with the kept outputs' columns in place.
    mutating func withKeptColumns<Result>(
        _ body: (NodeColumns) throws -> Result
    ) rethrows -> Result {
        let columns = data.columns.flatMap { alias, fields in
            fields.filter { $0.value.count == data.count }.map { (alias: alias, field: $0.key, values: $0.value) }
        }
        return try withBarColumns(columns[...]) { run in
            run.computeNodes()
            var kept = NodeColumns(count: run.graph.nodes.count)
            if let spare = run.spare, !run.spareHeld { kept.spare = spare }
            for output in run.keptOutputs {
                switch run.values[output.node.index] {
                case .columns(let buffers): kept[output.node] = UnsafeBufferPointer(buffers[0])
                case .borrowed(let buffer): kept[output.node] = buffer
                case .none, .constant: break
                }
            }
            return try body(kept)
        }
    }

    /// Binds each of `columns` to a buffer pointer, then runs `body` with them in `barColumns`.
    private mutating func withBarColumns<Result>(
        _ columns: ArraySlice<(alias: String?, field: BarField, values: [Double])>,
        _ body: (inout BatchRun) throws -> Result
    ) rethrows -> Result {
        guard let first = columns.first else { return try body(&self) }
        return try first.values.withUnsafeBufferPointer { pointer in
            barColumns[first.alias, default: [:]][first.field] = pointer
            defer { barColumns[first.alias]?[first.field] = nil }
            return try withBarColumns(columns.dropFirst(), body)
        }
    }

    private mutating func evaluate() -> BatchResult {
        computeNodes()
        var columns: [String: [Double]] = [:]
        for output in keptOutputs {
            columns[output.name] = materialize(output.node)
        }
        let nodeColumns: [[Double]?] =
            keepNodes
            ? graph.nodes.indices.map { graph.nodes[$0].stage == .state ? nil : materialize(NodeID($0)) } : []
        return BatchResult(
            columns: columns, nodeSeconds: seconds, nodeColumns: nodeColumns, peakBytes: pool.allocatedBytes,
            allocationSeconds: pool.allocationSeconds)
    }

    /// Computes every market-stage node in order, releasing each buffer after its last reader.
    private mutating func computeNodes() {
        lastUse = lastUses()
        let clock = ContinuousClock()
        for (index, node) in graph.nodes.enumerated() where node.stage <= .market {
            let started = clock.now
            let allocated = pool.allocationSeconds
            current = index
            values[index] = compute(node)
            // New buffers' allocation and first touch are the pool's, not the node's (see `ColumnPool`).
            if timings { seconds[index] = (clock.now - started).seconds - (pool.allocationSeconds - allocated) }
            if keepNodes { continue }
            for input in Set(node.inputs) where lastUse[input.index] == index { release(input.index) }
        }
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
            for buffer in buffers {
                if buffer.baseAddress == spare?.baseAddress {
                    spareHeld = false
                } else {
                    pool.give(buffer)
                }
            }
        }
        values[index] = .none
    }

    private func materialize(_ id: NodeID) -> [Double] {
        switch values[id.index] {
        case .none: return [Double](repeating: .nan, count: data.count)
        case .constant(let value): return [Double](repeating: value, count: data.count)
        case .columns(let buffers): return Array(buffers[0])
        case .borrowed(let buffer): return Array(buffer)
        }
    }

    // MARK: - Nodes

    private mutating func compute(_ node: GraphNode) -> Value {
        switch node.operation {
        case .constant(let constant):
            return .constant(constant.value)
        case .bar(let name, let alias):
            if let field = name.field, let column = barColumns[alias]?[field] { return .borrowed(column) }
            let output = outputColumn()
            let fields = data.columns[alias] ?? [:]
            fill(output, name, fields)
            return .columns([output])
        case .state:
            return .none
        case .kernel(let name, let settings):
            return kernel(name, settings.map(\.value), node)
        case .unary(let op):
            let input = operand(node.inputs[0])
            let output = elementwiseOutput(node)
            Elementwise.unary(op, input, output)
            return .columns([output])
        case .binary(let op):
            let lhs = operand(node.inputs[0])
            let rhs = operand(node.inputs[1])
            let output = elementwiseOutput(node)
            Elementwise.binary(op, lhs, rhs, output)
            return .columns([output])
        case .conditional:
            let condition = operand(node.inputs[0])
            let then = operand(node.inputs[1])
            let otherwise = operand(node.inputs[2])
            let output = elementwiseOutput(node)
            Elementwise.conditional(condition, then, otherwise, output)
            return .columns([output])
        case .shift(let bars):
            let output = outputColumn()
            switch operand(node.inputs[0]) {
            case .column(let source):
                let head = min(bars, data.count)
                for index in 0..<head { output[index] = .nan }
                for index in head..<data.count { output[index] = source[index - bars] }
            case .constant(let value):
                for index in 0..<data.count { output[index] = index >= bars ? value : .nan }
            }
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
        if let cross = Elementwise.Cross(name), node.inputs.count == 2,
            case .column(let a) = operand(node.inputs[0]), case .column(let b) = operand(node.inputs[1])
        {
            // The cross kernels write Bools into a scratch array that is then converted to 1/0: the
            // same comparisons straight into the output column skip an allocation and a pass. Like an
            // elementwise node, the cross may write over an input it is the last reader of.
            let output = elementwiseOutput(node)
            Elementwise.cross(cross, a, b, output)
            return .columns([output])
        }
        guard let kernel = BuiltinTable.lookup(name)?.kernel else { return .none }
        var temporaries: [UnsafeMutableBufferPointer<Double>] = []
        let inputs = node.inputs.map { id -> UnsafeBufferPointer<Double> in
            switch values[id.index] {
            case .columns(let buffers): return UnsafeBufferPointer(buffers[0])
            case .borrowed(let buffer): return buffer
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
        let outputs = kernel.outputCount == 1 ? [outputColumn()] : (0..<kernel.outputCount).map { _ in pool.take() }
        kernel.batch(inputs, settings, outputs)
        for column in temporaries { pool.give(column) }
        return .columns(outputs)
    }

    /// A node's values for elementwise loops: a column, or a constant (NaN for a node without values).
    private func operand(_ id: NodeID) -> Elementwise.Operand {
        switch values[id.index] {
        case .columns(let buffers): .column(UnsafeBufferPointer(buffers[0]))
        case .borrowed(let buffer): .column(buffer)
        case .constant(let value): .constant(value)
        case .none: .constant(.nan)
        }
    }

    /// The output buffer of an elementwise node: an input's own buffer when this node is its last
    /// reader (every element is read before it is written at the same index, so writing in place is
    /// safe), else a pool buffer. Reusing a buffer that is still in cache saves memory traffic; a
    /// kernel's buffers, which its field nodes alias, are never taken.
    private mutating func elementwiseOutput(_ node: GraphNode) -> UnsafeMutableBufferPointer<Double> {
        guard !keepNodes else { return pool.take() }
        for input in node.inputs where lastUse[input.index] == current {
            guard case .columns(let buffers) = values[input.index], buffers.count == 1 else { continue }
            if case .field = graph.nodes[input.index].operation { continue }
            // The spare holds only columns that are released before the caller's body runs.
            if buffers[0].baseAddress == spare?.baseAddress, !isTransient(current) { continue }
            // This node owns the buffer now: the release after it finds nothing to return.
            values[input.index] = .none
            return buffers[0]
        }
        return outputColumn()
    }

    /// A buffer for the single column of the node being computed: the spare when it is free and the
    /// node is transient, else a pool buffer.
    private mutating func outputColumn() -> UnsafeMutableBufferPointer<Double> {
        if let spare, !spareHeld, !keepNodes, isTransient(current) {
            spareHeld = true
            return spare
        }
        return pool.take()
    }

    /// Whether node `index` has a reader after it and is not kept: its column is released before the
    /// evaluation ends. (A node nobody reads keeps its column to the end.)
    private func isTransient(_ index: Int) -> Bool {
        index < lastUse.count && lastUse[index] > index && lastUse[index] != Int.max
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
