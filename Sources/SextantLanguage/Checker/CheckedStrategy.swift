/// A strategy whose every expression parsed and checked: the input of the graph compiler.
public struct CheckedStrategy: Sendable {
    /// A param with its checked default value.
    public struct Param: Sendable {
        /// The param's name.
        public var name: String
        /// Its type (number, bool or duration).
        public var type: ValueType
        /// Its default value (1/0 for booleans; bars or seconds for durations).
        public var value: Double
        /// The optimizer's `[start, stop, step]`, if declared.
        public var range: [Double]?
        /// Its doc line.
        public var doc: String?
    }

    /// A named expression of the document: a `let`, a signal, a stop, a limit…
    public struct Named: Sendable {
        /// The document path: `let.fast_ma`, `entry.long`, `stops.loss`, `risk.cooldown`.
        public var path: String
        /// The checked expression.
        public var expr: CheckedExpr
    }

    /// The document it was checked from.
    public var document: StrategyDocument
    /// Params in source order.
    public var params: [Param]
    /// `let` bindings in dependency order (each after everything it uses).
    public var lets: [Named]
    /// Signals, size, stops and limits in document order.
    public var sections: [Named]

    /// The strategy's warm-up: the longest warm-up of any market-stage section or `let` it uses,
    /// i.e. how many bars of history the live engine loads before the first decision.
    public var warmup: Int {
        (sections + lets).filter { $0.expr.stage <= .market }.map(\.expr.warmup).max() ?? 0
    }

    /// The section at a path, if present.
    public func section(_ path: String) -> CheckedExpr? {
        sections.first { $0.path == path }?.expr
    }
}
