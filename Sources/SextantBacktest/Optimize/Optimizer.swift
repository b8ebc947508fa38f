import Dispatch
public import SextantGraph
import SextantIndicators
public import SextantLanguage
import Synchronization

/// Grid, random and walk-forward search over a strategy's params (`sextant optimize`).
///
/// Points are planned in chunks with `SweepPlan`, so an indicator that does not depend on a swept
/// param, or that several points share a value of, is computed once per chunk; chunks run on all cores.
/// Every point is checked with its values first (a length of 0 is skipped with its reason, never run).
public enum Optimizer {
    /// Points planned and evaluated together (bounded so that a chunk's columns stay in memory).
    static let chunkSize = 16

    /// Runs the search; `progress(done, total)` is called as points finish (from worker threads).
    public static func run(
        _ request: OptimizeRequest, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(OptimizeFailure) -> OptimizeResult {
        let prepared: BacktestRunner.Prepared
        do { prepared = try BacktestRunner.prepare(request.backtest) } catch { throw .backtest(error) }
        let strategy = prepared.strategy
        guard BacktestStats().number(request.maximize) != nil else {
            let keys = BacktestStats().entries.filter { if case .time = $0.value { false } else { true } }.map(\.key)
            throw .usage(
                "--maximize: `\(request.maximize)` is not a statistic (one of: \(keys.joined(separator: ", ")))")
        }
        let axes = try axes(request, strategy)
        let constraints = try constraints(request.constraints, strategy)
        let clock = ContinuousClock()
        let started = clock.now
        var candidates = try points(axes, random: request.random, seed: request.seed)
        for index in candidates.indices {
            for (name, value) in request.backtest.params where candidates[index][name] == nil {
                candidates[index][name] = value
            }
        }
        var excluded = 0
        var invalid = 0
        var invalidReason: String?
        var valid: [[String: Double]] = []
        for point in candidates {
            guard constraints.allSatisfy({ holds($0, strategy, point) }) else {
                excluded += 1
                continue
            }
            var diagnostics = DiagnosticBag()
            guard Checker.check(strategy.document, params: point, into: &diagnostics) != nil else {
                invalid += 1
                if invalidReason == nil, let first = diagnostics.sorted.first(where: { $0.severity == .error }) {
                    invalidReason = "\(describe(point, axes)): \(first.message)"
                }
                continue
            }
            valid.append(point)
        }
        guard !valid.isEmpty else {
            throw .usage(
                "no point to run: \(excluded) excluded by constraints, \(invalid) invalid"
                    + (invalidReason.map { " (\($0))" } ?? ""))
        }
        let settings = request.backtest.settings(for: strategy)
        var result = OptimizeResult(
            strategy: strategy.document.name.value, metric: request.maximize, axes: axes, points: [],
            excludedByConstraint: excluded, invalid: invalid, invalidReason: invalidReason, folds: [], seconds: 0,
            loadSeconds: prepared.loadSeconds)
        if let windows = request.walkForward {
            result.folds = try walkForward(
                strategy, data: prepared.data, points: valid, settings: settings, metric: request.maximize,
                windows: windows, jobs: request.jobs, progress: progress)
        } else {
            result.points = evaluate(
                strategy, data: prepared.data, points: valid, settings: settings, metric: request.maximize,
                jobs: request.jobs, progress: progress)
        }
        let elapsed = (clock.now - started).components
        result.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        return result
    }

    // MARK: - Points

    static func axes(_ request: OptimizeRequest, _ strategy: CheckedStrategy) throws(OptimizeFailure) -> [ParamAxis] {
        if request.grid.isEmpty {
            let axes = strategy.params.compactMap { param -> ParamAxis? in
                guard let range = param.range, range.count == 3,
                    let values = ParamAxis.values(start: range[0], stop: range[1], step: range[2])
                else { return nil }
                return ParamAxis(name: param.name, values: values)
            }
            guard !axes.isEmpty else {
                throw .usage(
                    "\(strategy.document.name.value) declares no param `range:`; give --grid NAME=START..STOP:STEP")
            }
            return axes
        }
        var seen: Set<String> = []
        for axis in request.grid {
            guard strategy.params.contains(where: { $0.name == axis.name }) else {
                let known = strategy.params.map(\.name).joined(separator: ", ")
                throw .usage("--grid: `\(axis.name)` is not a param of the strategy (params: \(known))")
            }
            guard seen.insert(axis.name).inserted else { throw .usage("--grid: `\(axis.name)` is given twice") }
        }
        return request.grid
    }

    /// The grid's points (the cartesian product), or `random` of them drawn without replacement.
    static func points(_ axes: [ParamAxis], random: Int?, seed: UInt64) throws(OptimizeFailure) -> [[String: Double]] {
        var total = 1
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: max(1, axis.values.count))
            guard !overflow, product <= 10_000_000 else {
                throw .usage("the grid has more than 10 million points; narrow it or use --random N")
            }
            total = product
        }
        var indexes: [Int]
        if let random, random < total {
            guard random > 0 else { throw .usage("--random must be ≥ 1") }
            var generator = Xoshiro256StarStar(seed: seed)
            var chosen: Set<Int> = []
            while chosen.count < random { chosen.insert(Int(generator.next() % UInt64(total))) }
            indexes = chosen.sorted()
        } else {
            guard total <= 1_000_000 else {
                throw .usage("the grid has \(total) points; use --random N to sample it, or narrow it")
            }
            indexes = Array(0..<total)
        }
        return indexes.map { flat in
            var rest = flat
            var point: [String: Double] = [:]
            for axis in axes.reversed() {
                point[axis.name] = axis.values[rest % axis.values.count]
                rest /= axis.values.count
            }
            return point
        }
    }

    static func describe(_ point: [String: Double], _ axes: [ParamAxis]) -> String {
        axes.map { "\($0.name)=\(StatValue.format(point[$0.name] ?? .nan))" }.joined(separator: " ")
    }

    // MARK: - Constraints

    static func constraints(_ texts: [String], _ strategy: CheckedStrategy) throws(OptimizeFailure) -> [CheckedExpr] {
        var diagnostics = DiagnosticBag()
        var checked: [CheckedExpr] = []
        for (index, text) in texts.enumerated() {
            let source = ExpressionSource(standalone: text, name: "--constraint \(index + 1)")
            guard
                let expr = Checker.check(
                    expression: source, path: "constraint", in: strategy, into: &diagnostics)
            else { continue }
            guard expr.type.isBoolean, expr.stage <= .param else {
                throw .usage("--constraint `\(text)` must be a condition over params (e.g. `fast < slow`)")
            }
            checked.append(expr)
        }
        guard !diagnostics.hasErrors else { throw .diagnostics(diagnostics.sorted) }
        return checked
    }

    static func holds(_ constraint: CheckedExpr, _ strategy: CheckedStrategy, _ point: [String: Double]) -> Bool {
        let graph = Planner.plan([("constraint", constraint)], strategy: strategy, params: point)
        guard let node = graph.output(named: "constraint") else { return false }
        return graph[node].constant == 1
    }

    // MARK: - Evaluation

    /// Runs every point over `data` and returns them best first.
    static func evaluate(
        _ strategy: CheckedStrategy, data: MarketData, points: [[String: Double]], settings: BacktestSettings,
        metric: String, jobs: Int, decisionsFrom: Int = 0, progress: (@Sendable (Int, Int) -> Void)?
    ) -> [OptimizeResult.Point] {
        let chunks = stride(from: 0, to: points.count, by: chunkSize).map {
            Array(points[$0..<min($0 + chunkSize, points.count)])
        }
        let results = Mutex([[OptimizeResult.Point]](repeating: [], count: chunks.count))
        let done = Atomic(0)
        let total = points.count
        let next = Atomic(0)
        let workers = max(1, min(jobs, chunks.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < chunks.count else { return }
                let chunk = run(chunk: chunks[index], strategy, data: data, settings: settings, metric: metric)
                results.withLock { $0[index] = chunk }
                let finished = done.add(chunk.count, ordering: .relaxed).newValue
                progress?(finished, total)
            }
        }
        let all = results.withLock { $0.flatMap { $0 } }
        return all.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.score, rhs.element.score)
            if a.isNaN != b.isNaN { return !a.isNaN }
            if a != b, !a.isNaN { return a > b }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// One chunk: planned together, evaluated once, simulated point by point.
    static func run(
        chunk: [[String: Double]], _ strategy: CheckedStrategy, data: MarketData, settings: BacktestSettings,
        metric: String
    ) -> [OptimizeResult.Point] {
        let sweep = SweepPlan(strategy, points: chunk, extra: StrategyProgram.extraExpressions(strategy, settings))
        let outputs = chunk.indices.map { StrategyProgram.simulated(sweep.outputs[$0]) }
        var needed: Set<NodeID> = []
        for named in outputs {
            needed.formUnion(StrategyProgram.marketNodes(sweep.graph, outputs: Array(named.values)))
        }
        return BatchEvaluator.withColumns(of: needed.sorted { $0.index < $1.index }, in: sweep.graph, data: data) {
            columns in
            chunk.indices.map { index in
                let program = StrategyProgram(
                    strategy: strategy, graph: sweep.graph, outputs: outputs[index], columns: columns)
                let result = Backtester.simulate(
                    strategy, program: program, data: data, params: chunk[index], settings: settings)
                return OptimizeResult.Point(
                    params: result.params, stats: result.stats, score: result.stats.number(metric) ?? .nan)
            }
        }
    }
}
