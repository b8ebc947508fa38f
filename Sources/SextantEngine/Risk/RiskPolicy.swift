public import SextantCore
public import SextantGraph
public import SextantLanguage

/// A risk file (`kind: risk`) compiled for the engine: its limits and circuit-breaker conditions as one
/// graph over the account state, evaluated once per bar by a stream evaluator.
public final class RiskPolicy {
    /// The checked risk file.
    public let risk: CheckedRisk
    let evaluator: StreamEvaluator
    private let limitNodes: [String: NodeID]
    private let breakerNodes: [(NodeID, CircuitBreaker.Action, String)]

    /// Compiles a checked risk file.
    public init(_ risk: CheckedRisk) {
        self.risk = risk
        let named =
            risk.limits.map { ($0.path, $0.expr) }
            + risk.breakers.enumerated().map { ("breaker.\($0.offset)", $0.element.condition.expr) }
        let graph = Planner.plan(named)
        evaluator = StreamEvaluator(graph)
        var limits: [String: NodeID] = [:]
        for limit in risk.limits {
            if let node = graph.output(named: limit.path) {
                limits[String(limit.path.dropFirst("limits.".count))] = node
            }
        }
        limitNodes = limits
        breakerNodes = risk.breakers.enumerated().compactMap { index, breaker in
            graph.output(named: "breaker.\(index)").map { ($0, breaker.action, breaker.condition.path) }
        }
    }

    /// Evaluates the limits and breakers for the account at a bar's close.
    func update(time: Int64, account: RiskAccount) {
        evaluator.update(time: time, bars: [:], state: account)
    }

    /// A limit's value after the latest update (nil when the file does not set it).
    func limit(_ key: String) -> Double? {
        limitNodes[key].map { evaluator.value(of: $0) }
    }

    /// The breakers whose condition holds after the latest update, with their action and path.
    func trippedBreakers() -> [(action: CircuitBreaker.Action, path: String)] {
        breakerNodes.filter { evaluator.value(of: $0.0) == 1 }.map { ($0.1, $0.2) }
    }
}
