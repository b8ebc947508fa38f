import Foundation
public import SextantCore
import SextantIndicators
public import SextantLanguage

/// Runs an `EvalRequest`: load and align bars, check the expressions, plan one graph, evaluate it.
public enum EvalRunner {
    /// Evaluates the request; throws without partial results on any error.
    public static func run(_ request: EvalRequest) throws(EvalFailure) -> EvalResult {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let data = try load(request)
        let loadSeconds = (clock.now - loadStart).seconds

        var diagnostics = DiagnosticBag()
        var strategy: CheckedStrategy?
        if let path = request.strategyPath {
            let result = Linter.lint(path: path)
            guard case .strategy(let checked) = result.checked else {
                let errors = result.diagnostics.filter { $0.severity == .error }
                throw .diagnostics(errors.isEmpty ? result.diagnostics : errors)
            }
            strategy = checked
            for name in request.params.keys where !checked.params.contains(where: { $0.name == name }) {
                throw .usage("`\(name)` is not a param of \(path)")
            }
        } else if let name = request.params.keys.sorted().first {
            throw .usage("--param \(name) needs --strategy: params belong to a strategy")
        }
        var seen: Set<String> = []
        var checked: [(name: String, expr: CheckedExpr)] = []
        for (name, text) in request.expressions {
            guard seen.insert(name).inserted else { throw .usage("the column name `\(name)` is given twice") }
            let source = ExpressionSource(standalone: text, name: "-e \(name)")
            if let expr = Checker.check(
                expression: source, path: name, in: strategy, aliases: request.symbols.map(\.alias), into: &diagnostics)
            {
                checked.append((name, expr))
            }
        }
        guard !diagnostics.hasErrors else { throw .diagnostics(diagnostics.sorted) }

        let graph = Planner.plan(checked, strategy: strategy, params: request.params)
        let evaluation = BatchEvaluator.evaluate(graph, data: data, timings: true)
        let cones = graph.outputs.map { output in (output.name, cone(of: output.node, in: graph)) }
        var columnSeconds: [String: Double] = [:]
        for (name, nodes) in cones { columnSeconds[name] = nodes.reduce(0) { $0 + evaluation.nodeSeconds[$1] } }
        let columns = checked.map { item in
            (
                name: item.name, isCondition: item.expr.type.isBoolean,
                values: evaluation.columns[item.name] ?? [Double](repeating: .nan, count: data.count)
            )
        }
        return EvalResult(
            time: data.time, columns: columns, loadSeconds: loadSeconds, columnSeconds: columnSeconds,
            computeSeconds: evaluation.nodeSeconds.reduce(0, +), allocationSeconds: evaluation.allocationSeconds,
            peakBytes: evaluation.peakBytes)
    }

    /// The node indexes an output needs.
    static func cone(of node: NodeID, in graph: Graph) -> [Int] {
        var seen: Set<Int> = []
        var stack = [node]
        while let id = stack.popLast() {
            guard seen.insert(id.index).inserted else { continue }
            stack.append(contentsOf: graph[id].inputs)
        }
        return seen.sorted()
    }

    /// Reads the bar files and aligns the symbols by timestamp (inner join).
    static func load(_ request: EvalRequest) throws(EvalFailure) -> MarketData {
        let primary: BarSeries
        do { primary = try CSVBarReader.read(path: request.dataPath) } catch { throw .data(error) }
        guard !request.symbols.isEmpty else { return MarketData(primary) }
        var series: [(String?, BarSeries)] = [(nil, primary)]
        for (alias, path) in request.symbols {
            do { series.append((alias, try CSVBarReader.read(path: path))) } catch { throw .data(error) }
        }
        return MarketData(aligning: series)
    }
}

extension MarketData {
    /// Market data of one symbol.
    public init(_ series: BarSeries) {
        var fields: [BarField: [Double]] = [:]
        for field in BarField.allCases { fields[field] = series[field] }
        self.init(time: series.time, columns: [nil: fields])
    }

    /// Several symbols aligned by `BarAlignment.default` (an inner join on timestamps: bars of one
    /// symbol without a counterpart in every other are left out, so no value is ever invented). The
    /// first entry is the primary symbol (alias nil).
    public init(aligning series: [(alias: String?, bars: BarSeries)]) {
        let named = series.enumerated().map { (name: $1.alias ?? "\u{0}primary\($0)", bars: $1.bars) }
        let aligned = BarAlignment.default.align(named)
        var columns: [String?: [BarField: [Double]]] = [:]
        for (item, bars) in zip(series, aligned.series) {
            var fields: [BarField: [Double]] = [:]
            for field in BarField.allCases { fields[field] = bars[field] }
            columns[item.alias] = fields
        }
        self.init(time: aligned.time, columns: columns)
    }
}
