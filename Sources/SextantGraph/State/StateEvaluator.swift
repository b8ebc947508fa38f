public import SextantIndicators
public import SextantLanguage

/// Evaluates the state-stage part of a graph bar by bar, over market columns computed beforehand.
///
/// The backtester computes everything `market` as whole columns with `BatchEvaluator`; only the nodes
/// that read the position or the account (`open_pnl < -2% of equity`, `percent_equity(20%)`…) must run
/// inside the event loop, because their inputs exist only as the simulation reaches each bar. This
/// evaluator runs just those nodes, reading market-stage inputs from their columns at the current bar.
///
/// ```swift
/// let columns = BatchEvaluator.evaluate(graph.exposing(StateEvaluator.boundary(of: graph)), data: data)
/// let state = StateEvaluator(graph, columns: …)
/// for bar in 0..<data.count { state.step(bar: bar, state: book); if state.value(of: exit, at: bar) == 1 { … } }
/// ```
/// `step` must be called for every bar in order (state-stage kernels and history offsets are streams).
public final class StateEvaluator {
    /// Where a node's value at a bar comes from.
    enum Source {
        case constant(Double)
        case column(UnsafeBufferPointer<Double>)
        case state
    }

    /// The graph evaluated.
    public let graph: Graph
    private let sources: [Source]
    private let stateNodes: [Int]
    private var current: [[Double]]
    private var streams: [Int: StreamBox] = [:]
    private var histories: [Int: ShiftHistory] = [:]
    private var scratch: [Double] = []

    /// The market-stage nodes that state-stage nodes read: the columns `init` needs. With `roots`, only
    /// the state-stage nodes those outputs need count.
    public static func boundary(of graph: Graph, roots: [NodeID]? = nil) -> [NodeID] {
        var needed: Set<Int> = []
        let scope = roots.map { Set(graph.cone(of: $0).map(\.index)) }
        for (index, node) in graph.nodes.enumerated() where node.stage == .state && scope?.contains(index) ?? true {
            for input in node.inputs where graph[input].stage == .market { needed.insert(input.index) }
        }
        return needed.sorted().map(NodeID.init)
    }

    /// Prepares the evaluator. `columns` holds a column for every node of `boundary(of:roots:)` (and may
    /// hold more); a missing one reads as NaN. The columns are read in place (`BatchEvaluator.withColumns`):
    /// the evaluator must not be used after they are gone. With `roots`, only the state-stage nodes those outputs need
    /// are computed (one point of a parameter sweep shares its graph with the others).
    public init(_ graph: Graph, columns: NodeColumns, roots: [NodeID]? = nil) {
        let scope = roots.map { Set(graph.cone(of: $0).map(\.index)) }
        self.graph = graph
        var sources: [Source] = []
        var stateNodes: [Int] = []
        for (index, node) in graph.nodes.enumerated() {
            switch node.stage {
            case .const:
                sources.append(.constant(node.constant ?? .nan))
            case .param:
                sources.append(.constant(node.constant ?? .nan))
            case .market:
                sources.append(columns[NodeID(index)].map(Source.column) ?? .constant(.nan))
            case .state:
                sources.append(.state)
                if scope?.contains(index) ?? true { stateNodes.append(index) }
            }
        }
        self.sources = sources
        self.stateNodes = stateNodes
        current = graph.nodes.map { [Double](repeating: .nan, count: max($0.width, 1)) }
        for index in stateNodes {
            let node = graph.nodes[index]
            switch node.operation {
            case .kernel(let name, let settings):
                if let kernel = BuiltinTable.lookup(name)?.kernel {
                    streams[index] = StreamBox(kernel.makeStream(settings.map(\.value)))
                }
            case .shift(let bars):
                histories[index] = ShiftHistory(bars: bars, width: max(node.width, 1))
            default:
                break
            }
        }
    }

    /// True when the graph has state-stage nodes at all (else `step` does nothing).
    public var hasStateNodes: Bool { !stateNodes.isEmpty }

    /// The value of a node at `bar`: its column for market nodes, the latest `step` for state nodes.
    @inline(__always)
    public func value(of node: NodeID, at bar: Int) -> Double {
        switch sources[node.index] {
        case .constant(let value): value
        case .column(let column): column[bar]
        case .state: current[node.index][0]
        }
    }

    /// Computes every state-stage node at `bar` with the account as `state` reports it.
    public func step(bar: Int, state: some StateProvider) {
        for index in stateNodes {
            let node = graph.nodes[index]
            switch node.operation {
            case .state(let variable):
                current[index][0] = state.value(of: variable)
            case .kernel:
                guard let box = streams[index] else {
                    // Sizing calls have no kernel: the simulation reads their arguments instead.
                    current[index][0] = .nan
                    continue
                }
                scratch.removeAll(keepingCapacity: true)
                for input in node.inputs { scratch.append(value(of: input, at: bar)) }
                scratch.withUnsafeBufferPointer { inputs in
                    current[index].withUnsafeMutableBufferPointer { outputs in box.stream.update(inputs, into: outputs)
                    }
                }
            case .unary(let op):
                current[index][0] = ScalarOperators.apply(op, value(of: node.inputs[0], at: bar))
            case .binary(let op):
                current[index][0] = ScalarOperators.apply(
                    op, value(of: node.inputs[0], at: bar), value(of: node.inputs[1], at: bar))
            case .conditional:
                current[index][0] =
                    value(of: node.inputs[0], at: bar) == 1
                    ? value(of: node.inputs[1], at: bar) : value(of: node.inputs[2], at: bar)
            case .shift:
                guard var history = histories[index] else { continue }
                let input = node.inputs[0]
                let latest = graph[input].stage == .state ? current[input.index] : [value(of: input, at: bar)]
                current[index] = history.push(latest)
                histories[index] = history
            case .field(let field, _):
                let base = current[node.inputs[0].index]
                current[index][0] = field < base.count ? base[field] : .nan
            case .constant, .bar:
                continue
            }
        }
    }
}
