public import SextantLanguage

/// Many param points of one strategy planned into one graph (`sextant optimize`'s input).
///
/// Every point is lowered into the same interner, so a node that does not depend on a swept param
/// exists once for all points, and a node that differs only in a swept value exists once per distinct
/// value: `sma(close, fast)` over ten values of `fast` is ten kernels, however many other params vary.
public struct SweepPlan: Sendable {
    /// The shared graph (its outputs are every point's outputs).
    public let graph: Graph
    /// The param values of each point (declared defaults with the point's overrides).
    public let points: [[String: Double]]
    /// Each point's named outputs (`entry.long`, `let.fast_ma`…), in document order.
    public let outputs: [[Graph.Output]]

    /// Plans `points` (each a set of param overrides) of a strategy into one graph; `extra` adds named
    /// expressions to every point (see `Planner.plan(_:params:extra:)`).
    public init(
        _ strategy: CheckedStrategy, points overrides: [[String: Double]],
        extra: [(name: String, expr: CheckedExpr)] = []
    ) {
        var planner = Planner(params: [:], lets: Planner.letTable(strategy))
        var names: [[String]] = []
        var resolved: [[String: Double]] = []
        for (index, point) in overrides.enumerated() {
            planner.params = Planner.values(of: strategy, point)
            planner.letNodes = [:]
            resolved.append(planner.params)
            var pointNames: [String] = []
            for named in strategy.lets + strategy.sections {
                planner.builder.output("\(index)\u{0}\(named.path)", planner.lower(named.expr))
                pointNames.append(named.path)
            }
            for (name, expr) in extra {
                planner.builder.output("\(index)\u{0}\(name)", planner.lower(expr))
                pointNames.append(name)
            }
            names.append(pointNames)
        }
        let graph = planner.builder.finished()
        var outputs = [[Graph.Output]](repeating: [], count: overrides.count)
        for output in graph.outputs {
            let parts = output.name.split(separator: "\u{0}", maxSplits: 1)
            guard parts.count == 2, let index = Int(parts[0]), index < outputs.count else { continue }
            outputs[index].append(Graph.Output(name: String(parts[1]), node: output.node))
        }
        self.graph = graph
        self.points = resolved
        self.outputs = outputs
    }

    /// The node computing `name` at point `index`.
    public func output(_ name: String, at index: Int) -> NodeID? {
        outputs[index].first { $0.name == name }?.node
    }
}
