public import SextantIndicators
public import SextantLanguage

/// Turns checked expressions into an evaluation graph for one set of param values.
///
/// ```swift
/// let graph = Planner.plan(strategy, params: ["fast": 5])
/// ```
/// Params become constants (a graph is planned per param point; `SweepPlanner` shares the nodes of
/// many points), constant subtrees fold, equal subtrees are one node, and nodes no output needs are
/// dropped.
public struct Planner {
    var builder = GraphBuilder()
    var params: [String: Double]
    let lets: [String: CheckedExpr]
    var letNodes: [String: NodeID] = [:]

    init(params: [String: Double], lets: [String: CheckedExpr]) {
        self.params = params
        self.lets = lets
    }

    /// The graph of a strategy: one output per `let` and per section, in document order.
    /// `params` overrides the declared defaults; unknown names are ignored.
    /// `extra` adds named expressions checked in the strategy's scope (a backtest's volatility for
    /// `vol_target`, ATR for slippage) to the same graph, so they share its nodes.
    public static func plan(
        _ strategy: CheckedStrategy, params overrides: [String: Double] = [:],
        extra: [(name: String, expr: CheckedExpr)] = []
    ) -> Graph {
        var planner = Planner(params: values(of: strategy, overrides), lets: letTable(strategy))
        planner.addOutputs(of: strategy)
        for (name, expr) in extra { planner.builder.output(name, planner.lower(expr)) }
        return planner.builder.finished()
    }

    /// The graph of standalone named expressions (`sextant eval -e NAME=EXPR`), optionally in the
    /// scope of a strategy's params and lets.
    public static func plan(
        _ expressions: [(name: String, expr: CheckedExpr)], strategy: CheckedStrategy? = nil,
        params overrides: [String: Double] = [:]
    ) -> Graph {
        var planner = Planner(
            params: strategy.map { values(of: $0, overrides) } ?? overrides,
            lets: strategy.map(letTable) ?? [:])
        for (name, expr) in expressions { planner.builder.output(name, planner.lower(expr)) }
        return planner.builder.finished()
    }

    /// Declared param defaults with overrides applied (names the strategy does not declare are ignored).
    public static func values(of strategy: CheckedStrategy, _ overrides: [String: Double]) -> [String: Double] {
        var values = Dictionary(strategy.params.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for (name, value) in overrides where values[name] != nil { values[name] = value }
        return values
    }

    static func letTable(_ strategy: CheckedStrategy) -> [String: CheckedExpr] {
        Dictionary(
            strategy.lets.map { (String($0.path.dropFirst("let.".count)), $0.expr) },
            uniquingKeysWith: { first, _ in first })
    }

    mutating func addOutputs(of strategy: CheckedStrategy) {
        for named in strategy.lets + strategy.sections {
            builder.output(named.path, lower(named.expr))
        }
    }
}
