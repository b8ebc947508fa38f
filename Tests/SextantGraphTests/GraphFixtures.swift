import Foundation
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

/// Shared inputs of the graph tests.
enum GraphFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// GOOG daily bars (examples/data/GOOG.csv), parsed simply: the file is known to be well formed.
    static let goog: [Bar] = {
        guard let text = try? String(contentsOf: root.appendingPathComponent("examples/data/GOOG.csv"), encoding: .utf8)
        else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",")
            guard fields.count == 6 else { return nil }
            let date = fields[0].split(separator: "-").compactMap { Int($0) }
            guard date.count == 3,
                let day = calendar.date(from: DateComponents(year: date[0], month: date[1], day: date[2]))
            else { return nil }
            let numbers = fields.dropFirst().compactMap { Double($0) }
            guard numbers.count == 5 else { return nil }
            return Bar(
                time: Int64(day.timeIntervalSince1970), open: numbers[0], high: numbers[1], low: numbers[2],
                close: numbers[3], volume: numbers[4])
        }
    }()

    /// Lints and checks a strategy file of the repository.
    static func strategy(_ relativePath: String) throws -> CheckedStrategy {
        let result = Linter.lint(path: root.appendingPathComponent(relativePath).path)
        guard case .strategy(let strategy) = result.checked else {
            throw Failure(message: "\(relativePath) did not check: \(result.diagnostics.map(\.message))")
        }
        return strategy
    }

    /// Checks a strategy given as text.
    static func strategy(text: String) throws -> CheckedStrategy {
        let result = Linter.lint(SourceFile(path: "test.yaml", text: text))
        guard case .strategy(let strategy) = result.checked else {
            throw Failure(message: "did not check: \(result.diagnostics.map(\.message))")
        }
        return strategy
    }

    /// Market data for a strategy: GOOG for the primary symbol and for every alias (a transformed copy
    /// for the second and later aliases, so that pairs are not identical).
    static func market(for strategy: CheckedStrategy) -> MarketData {
        var data = MarketData(bars: goog)
        for (index, symbol) in strategy.document.symbols.enumerated() {
            let bars = goog.enumerated().map { offset, bar in
                index == 0
                    ? bar
                    : Bar(
                        time: bar.time, open: bar.open * 0.5 + 3, high: bar.high * 0.5 + 3 + Double(offset % 7) * 0.01,
                        low: bar.low * 0.5 + 3, close: bar.close * 0.5 + 3 + Double(offset % 5) * 0.02,
                        volume: bar.volume)
            }
            data.columns[symbol.alias] = MarketData(bars: bars).columns[nil]
        }
        return data
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
