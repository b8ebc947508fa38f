/// How `sextant optimize` shows and writes its result: a table of the best points, CSV and JSON.
public enum OptimizeOutput {
    /// The statistics shown next to each point.
    static let columns = ["return_pct", "sharpe", "max_drawdown_pct", "trades", "win_rate_pct"]

    /// The text table of the `top` best points (or of the folds, in walk-forward mode).
    public static func table(_ result: OptimizeResult, top: Int) -> String {
        var lines: [String] = []
        let names = result.axes.map(\.name)
        if result.folds.isEmpty {
            lines.append(
                "\(result.strategy): \(result.points.count) point(s) by \(result.metric)"
                    + skipped(result) + ", \(StatValue.format((result.seconds * 1000).rounded() / 1000)) s")
            let header = ["#"] + names + [result.metric] + columns.filter { $0 != result.metric }
            var rows: [[String]] = [header]
            for (rank, point) in result.points.prefix(top).enumerated() {
                let values = Dictionary(
                    point.params.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
                rows.append(
                    [String(rank + 1)] + names.map { StatValue.format(values[$0] ?? .nan) }
                        + header.dropFirst(1 + names.count).map { text(point.stats, $0) })
            }
            lines += aligned(rows)
        } else {
            lines.append(
                "\(result.strategy): walk-forward, \(result.folds.count) fold(s), best by \(result.metric)"
                    + skipped(result))
            let extra = ["return_pct", "trades"].filter { $0 != result.metric }
            let header =
                ["fold", "train", "test"] + names + ["train " + result.metric, "test " + result.metric]
                + extra.map { "test " + $0 }
            var rows: [[String]] = [header]
            for (index, fold) in result.folds.enumerated() {
                let values = Dictionary(
                    (fold.best?.params ?? []).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
                rows.append(
                    [
                        String(index + 1), "\(day(fold.trainTimes.0))…\(day(fold.trainTimes.1))",
                        "\(day(fold.testTimes.0))…\(day(fold.testTimes.1))",
                    ] + names.map { StatValue.format(values[$0] ?? .nan) } + [
                        fold.best.map { StatValue.format(($0.score * 1000).rounded() / 1000) } ?? "—",
                        fold.testStats.map { text($0, result.metric) } ?? "—",
                    ] + extra.map { key in fold.testStats.map { text($0, key) } ?? "—" })
            }
            lines += aligned(rows)
        }
        if let reason = result.invalidReason { lines.append("first invalid point: \(reason)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every point as CSV: params, then every numeric statistic.
    public static func csv(_ result: OptimizeResult) -> String {
        let names = result.axes.map(\.name)
        let keys = BacktestStats().entries.filter { if case .time = $0.value { false } else { true } }.map(\.key)
        var out = (["rank"] + names + keys).joined(separator: ",") + "\n"
        for (rank, point) in result.points.enumerated() {
            let values = Dictionary(point.params.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            let fields =
                [String(rank + 1)] + names.map { JSONText.number(values[$0] ?? .nan) }
                + keys.map { point.stats.number($0).map { $0.isFinite ? JSONText.number($0) : "" } ?? "" }
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The result as JSON (`docs/json-formats.md`).
    public static func json(_ result: OptimizeResult) -> String {
        func point(_ point: OptimizeResult.Point) -> String {
            JSONText.object([
                ("params", JSONText.object(point.params.map { ($0.name, JSONText.number($0.value)) })),
                ("score", JSONText.number(point.score)),
                ("stats", stats(point.stats)),
            ])
        }
        let folds = result.folds.map { fold in
            JSONText.object([
                ("train_start", JSONText.string(fold.trainTimes.0)), ("train_end", JSONText.string(fold.trainTimes.1)),
                ("test_start", JSONText.string(fold.testTimes.0)), ("test_end", JSONText.string(fold.testTimes.1)),
                ("best", fold.best.map(point) ?? "null"),
                ("test_stats", fold.testStats.map(stats) ?? "null"),
            ])
        }
        let document: [(String, String)] = [
            ("strategy", JSONText.string(result.strategy)),
            ("metric", JSONText.string(result.metric)),
            (
                "axes",
                JSONText.object(result.axes.map { ($0.name, JSONText.array($0.values.map(JSONText.number))) })
            ),
            ("excluded_by_constraint", String(result.excludedByConstraint)),
            ("invalid", String(result.invalid)),
            ("invalid_reason", result.invalidReason.map(JSONText.string) ?? "null"),
            ("seconds", JSONText.number(result.seconds)),
            ("load_seconds", JSONText.number(result.loadSeconds)),
            ("points", "[\n" + result.points.map(point).joined(separator: ",\n") + "\n]"),
            ("folds", JSONText.array(folds)),
        ]
        return "{\n" + document.map { JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}\n"
    }

    static func stats(_ stats: BacktestStats) -> String {
        JSONText.object(
            stats.entries.map { entry in
                switch entry.value {
                case .number(let value), .duration(let value): (entry.key, JSONText.number(value))
                case .count(let value): (entry.key, String(value))
                case .time(let value): (entry.key, JSONText.string(value))
                }
            })
    }

    static func text(_ stats: BacktestStats, _ key: String) -> String {
        guard let value = stats.number(key) else { return "—" }
        return value.isNaN ? "—" : StatValue.format((value * 1000).rounded() / 1000)
    }

    static func skipped(_ result: OptimizeResult) -> String {
        var parts: [String] = []
        if result.excludedByConstraint > 0 { parts.append("\(result.excludedByConstraint) excluded by constraints") }
        if result.invalid > 0 { parts.append("\(result.invalid) invalid") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    static func day(_ iso: String) -> String { String(iso.prefix(10)) }

    static func aligned(_ rows: [[String]]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }
}
