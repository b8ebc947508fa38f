public import SextantCore
public import SextantIndicators
public import SextantLanguage

/// Evaluates a graph one bar at a time in O(1) per node: the live path of the same graph the batch
/// evaluator runs over history, giving bit-identical values.
///
/// ```swift
/// let evaluator = StreamEvaluator(graph)
/// for bar in feed { evaluator.update(bar: ["": bar], state: book); if evaluator.value(of: entry) == 1 { … } }
/// ```
public final class StreamEvaluator {
    /// The graph evaluated.
    public let graph: Graph
    /// One stream per kernel node, boxed so that updating one mutates it in place.
    private var streams: [StreamBox?]
    private var histories: [Int: ShiftHistory] = [:]
    /// The latest value of every node's columns, by node (first column for single-output nodes).
    private var current: [[Double]]
    private var scratchInputs: [Double] = []
    private var barIndex = 0

    /// Prepares streams and history buffers for every node.
    public init(_ graph: Graph) {
        self.graph = graph
        current = graph.nodes.map { [Double](repeating: .nan, count: max($0.width, 1)) }
        streams = [StreamBox?](repeating: nil, count: graph.nodes.count)
        for (index, node) in graph.nodes.enumerated() {
            switch node.operation {
            case .kernel(let name, let settings):
                if let kernel = BuiltinTable.lookup(name)?.kernel {
                    streams[index] = StreamBox(kernel.makeStream(settings.map(\.value)))
                }
            case .shift(let bars):
                histories[index] = ShiftHistory(bars: bars, width: max(node.width, 1))
            case .constant(let constant):
                current[index] = [constant.value]
            default:
                break
            }
        }
    }

    /// The latest value of a node (its first column).
    public func value(of node: NodeID) -> Double { current[node.index][0] }

    /// The latest values of a node's columns.
    public func values(of node: NodeID) -> [Double] { current[node.index] }

    /// Feeds the next bar (by symbol alias; nil = the primary symbol) and the current state.
    public func update(time: Int64, bars: [String?: Bar], state: some StateProvider) {
        for (index, node) in graph.nodes.enumerated() {
            switch node.operation {
            case .constant:
                continue
            case .bar(let name, let alias):
                current[index][0] = Self.barValue(name, bars[alias], time: time, index: barIndex)
            case .state(let variable):
                current[index][0] = state.value(of: variable)
            case .kernel:
                guard let box = streams[index] else { continue }
                scratchInputs.removeAll(keepingCapacity: true)
                for input in node.inputs { scratchInputs.append(current[input.index][0]) }
                scratchInputs.withUnsafeBufferPointer { inputs in
                    current[index].withUnsafeMutableBufferPointer { outputs in box.stream.update(inputs, into: outputs)
                    }
                }
            case .unary(let op):
                current[index][0] = ScalarOperators.apply(op, current[node.inputs[0].index][0])
            case .binary(let op):
                current[index][0] = ScalarOperators.apply(
                    op, current[node.inputs[0].index][0], current[node.inputs[1].index][0])
            case .conditional:
                let condition = current[node.inputs[0].index][0]
                current[index][0] = condition == 1 ? current[node.inputs[1].index][0] : current[node.inputs[2].index][0]
            case .shift:
                guard var history = histories[index] else { continue }
                current[index] = history.push(current[node.inputs[0].index])
                histories[index] = history
            case .field(let field, _):
                let base = current[node.inputs[0].index]
                current[index][0] = field < base.count ? base[field] : .nan
            }
        }
        barIndex += 1
    }

    static func barValue(_ name: BarName, _ bar: Bar?, time: Int64, index: Int) -> Double {
        guard let bar else { return .nan }
        return name.value(
            open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume, time: time, index: index
        )
    }
}
