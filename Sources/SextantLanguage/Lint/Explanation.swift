/// What `sextant lint --explain` shows of a checked document: params, lets, and the type, stage
/// and warm-up of every named expression. Codable: the JSON form is part of `--format json`.
public struct Explanation: Codable, Sendable, Equatable {
    /// One param.
    public struct Param: Codable, Sendable, Equatable {
        public var name: String
        public var type: String
        public var value: Double
        public var range: [Double]?
        public var doc: String?
    }

    /// One named expression (`let.x`, `entry.long`, `stops.loss`, `limits.max_daily_loss`…).
    public struct Expression: Codable, Sendable, Equatable {
        public var path: String
        public var type: String
        public var stage: String
        /// Bars before the first valid value; nil for values that are not series.
        public var warmup: Int?
        public var source: String
    }

    public var file: String
    public var kind: String
    public var name: String
    public var params: [Param]
    public var lets: [Expression]
    public var expressions: [Expression]
    /// The strategy's warm-up (the longest market-stage warm-up); nil for other kinds.
    public var warmup: Int?

    /// The explanation of a checked document.
    public init(_ document: CheckedDocument) {
        switch document {
        case .strategy(let strategy):
            file = strategy.document.file.path
            kind = "strategy"
            name = strategy.document.name.value
            params = strategy.params.map {
                Param(name: $0.name, type: $0.type.description, value: $0.value, range: $0.range, doc: $0.doc)
            }
            let byName = Dictionary(strategy.lets.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            // Lets in source order reads better than dependency order.
            lets = strategy.document.lets.compactMap { byName["let.\($0.name)"] }.map(Explanation.expression)
            expressions = strategy.sections.map(Explanation.expression)
            warmup = strategy.warmup
        case .risk(let risk):
            file = risk.document.file.path
            kind = "risk"
            name = risk.document.name.value
            params = []
            lets = []
            expressions = (risk.limits + risk.breakers.map(\.condition)).map(Explanation.expression)
            warmup = nil
        case .engine(let engine):
            file = engine.file.path
            kind = "engine"
            name = engine.name?.value ?? ""
            params = []
            lets = []
            expressions = []
            warmup = nil
        }
    }

    private static func expression(_ named: CheckedStrategy.Named) -> Expression {
        let expr = named.expr
        let series = expr.type.isSeries
        return Expression(
            path: named.path, type: expr.type.description, stage: expr.stage.description,
            warmup: series ? expr.warmup : nil, source: String(expr.span.text))
    }

    /// The text form.
    public var text: String {
        var out = "\(file): \(kind) \(name)\n"
        if !params.isEmpty {
            out += "  params:\n"
            let width = params.map(\.name.count).max() ?? 0
            for param in params {
                var line = "    \(param.name.padded(width)) = \(format(param.value)) (\(param.type))"
                if let range = param.range { line += "  range [\(range.map(format).joined(separator: ", "))]" }
                if let doc = param.doc { line += "  — \(doc)" }
                out += line + "\n"
            }
        }
        let all = lets + expressions
        let width = all.map(\.path.count).max() ?? 0
        let typeWidth = all.map(\.type.count).max() ?? 0
        for (title, group) in [("let", lets), ("expressions", expressions)] where !group.isEmpty {
            out += "  \(title):\n"
            for item in group {
                let warm = item.warmup.map { "warm-up \($0)" } ?? ""
                out +=
                    "    \(item.path.padded(width))  \(item.type.padded(typeWidth))  \(item.stage.padded(6))  \(warm)"
                    .trimmingTrailingSpaces() + "\n"
            }
        }
        if let warmup { out += "  warm-up: \(warmup) bar\(warmup == 1 ? "" : "s") before the first decision\n" }
        return out
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension String {
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
