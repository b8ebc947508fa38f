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
    private var histories: [Int: ShiftHistory] = [:]
    /// Every node's latest values, flat: node `i`'s columns are `values[offsets[i] ..< offsets[i] + widths[i]]`.
    private var values: [Double]
    private let offsets: [Int]
    private let widths: [Int]
    /// Each node's work, in the graph's (topological) order.
    private let steps: [StreamStep]
    private var scratchInputs: [Double] = []
    private var barIndex = 0

    /// Prepares streams and history buffers for every node.
    public init(_ graph: Graph) {
        self.graph = graph
        var offsets: [Int] = []
        var widths: [Int] = []
        var total = 0
        for node in graph.nodes {
            offsets.append(total)
            widths.append(max(node.width, 1))
            total += max(node.width, 1)
        }
        values = [Double](repeating: .nan, count: total)
        var steps: [StreamStep] = []
        steps.reserveCapacity(graph.nodes.count)
        for (index, node) in graph.nodes.enumerated() {
            let inputs = node.inputs.map { offsets[$0.index] }
            switch node.operation {
            case .constant(let constant):
                values[offsets[index]] = constant.value
                steps.append(.skip)
            case .bar(let name, let alias):
                steps.append(alias.map { .aliasBar(name, alias: $0) } ?? .primaryBar(name))
            case .state(let variable):
                steps.append(.state(variable))
            case .kernel(let name, let settings):
                if let kernel = BuiltinTable.lookup(name)?.kernel {
                    steps.append(.kernel(StreamBox(kernel.makeStream(settings.map(\.value))), inputs: inputs))
                } else {
                    steps.append(.skip)
                }
            case .unary(let op):
                steps.append(.unary(op, inputs[0]))
            case .binary(let op):
                steps.append(.binary(op, inputs[0], inputs[1]))
            case .conditional:
                steps.append(.conditional(inputs[0], inputs[1], inputs[2]))
            case .shift(let bars):
                histories[index] = ShiftHistory(bars: bars, width: max(node.width, 1))
                steps.append(.shift(input: inputs[0], width: widths[node.inputs[0].index]))
            case .field(let field, _):
                let base = node.inputs[0].index
                steps.append(.field(field < widths[base] ? offsets[base] + field : nil))
            }
        }
        self.offsets = offsets
        self.widths = widths
        self.steps = steps
    }

    /// The latest value of a node (its first column).
    public func value(of node: NodeID) -> Double { values[offsets[node.index]] }

    /// The latest values of a node's columns.
    public func values(of node: NodeID) -> [Double] {
        Array(values[offsets[node.index]..<offsets[node.index] + widths[node.index]])
    }

    /// Feeds the next bar (by symbol alias; nil = the primary symbol) and the current state.
    public func update(time: Int64, bars: [String?: Bar], state: some StateProvider) {
        advance(time: time, primary: bars[nil], bars: bars, state: state)
    }

    /// Feeds the next bar of a single-symbol graph (its primary symbol) and the current state: the
    /// live path's per-bar call, without building a dictionary for one bar.
    public func update(time: Int64, bar: Bar, state: some StateProvider) {
        advance(time: time, primary: bar, bars: [:], state: state)
    }

    /// One bar through every node.
    private func advance(time: Int64, primary: Bar?, bars: [String?: Bar], state: some StateProvider) {
        let index = barIndex
        values.withUnsafeMutableBufferPointer { values in
            for (node, step) in steps.enumerated() {
                let out = offsets[node]
                switch step {
                case .skip:
                    continue
                case .primaryBar(let name):
                    values[out] = Self.barValue(name, primary, time: time, index: index)
                case .aliasBar(let name, let alias):
                    values[out] = Self.barValue(name, bars[alias], time: time, index: index)
                case .state(let variable):
                    values[out] = state.value(of: variable)
                case .kernel(let box, let inputs):
                    scratchInputs.removeAll(keepingCapacity: true)
                    for input in inputs { scratchInputs.append(values[input]) }
                    let output = UnsafeMutableBufferPointer(rebasing: values[out..<out + widths[node]])
                    scratchInputs.withUnsafeBufferPointer { box.stream.update($0, into: output) }
                case .unary(let op, let a):
                    values[out] = ScalarOperators.apply(op, values[a])
                case .binary(let op, let a, let b):
                    values[out] = ScalarOperators.apply(op, values[a], values[b])
                case .conditional(let condition, let then, let otherwise):
                    values[out] = values[condition] == 1 ? values[then] : values[otherwise]
                case .shift(let input, let width):
                    // Mutated in place through the optional: copying the history out would copy its ring.
                    let pushed = Array(values[input..<input + width])
                    if let shifted = histories[node]?.push(pushed) {
                        for (column, value) in shifted.prefix(widths[node]).enumerated() {
                            values[out + column] = value
                        }
                    }
                case .field(let source):
                    values[out] = source.map { values[$0] } ?? .nan
                }
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
