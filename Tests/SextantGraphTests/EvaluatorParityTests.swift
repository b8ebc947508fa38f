import Foundation
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

@Suite("Batch and stream evaluators")
struct EvaluatorParityTests {
    /// Every node of every bundled strategy, on every GOOG bar: the stream evaluator's value has the
    /// batch evaluator's bits (NaN equal to NaN).
    @Test(arguments: [
        "sma_cross", "rsi_mean_reversion", "bollinger_breakout", "donchian_turtle", "macd_trend",
        "pairs_zscore", "vol_target", "guarded_breakout", "stoch_pullback",
    ])
    func streamMatchesBatchBitForBit(_ name: String) throws {
        let strategy = try GraphFixtures.strategy("Strategies/\(name).yaml")
        let graph = Planner.plan(strategy)
        let data = GraphFixtures.market(for: strategy)
        let batch = BatchEvaluator.evaluate(graph, data: data, keepNodes: true)
        let stream = StreamEvaluator(graph)
        var mismatches: [String] = []
        for index in 0..<data.count {
            var bars: [String?: Bar] = [:]
            for (alias, fields) in data.columns {
                bars[alias] = Bar(
                    time: data.time[index], open: fields[.open]?[index] ?? .nan, high: fields[.high]?[index] ?? .nan,
                    low: fields[.low]?[index] ?? .nan, close: fields[.close]?[index] ?? .nan,
                    volume: fields[.volume]?[index] ?? .nan)
            }
            stream.update(time: data.time[index], bars: bars, state: FlatState(equity: 10_000))
            for (node, column) in batch.nodeColumns.enumerated() {
                guard let column else { continue }
                let streamed = stream.value(of: NodeID(node))
                if streamed.bitPattern != column[index].bitPattern, !(streamed.isNaN && column[index].isNaN) {
                    mismatches.append(
                        "bar \(index) node \(node) \(graph.nodes[node].operation.label): \(streamed) vs \(column[index])"
                    )
                }
            }
            if mismatches.count > 5 { break }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The SMA cross signals on GOOG are exactly the bars before Backtesting.py's entries
    /// (`backtesting_SmaCross_GOOG.json`: every trade, including the one open at the end).
    @Test func smaCrossSignalsMatchBacktestingPy() throws {
        let strategy = try GraphFixtures.strategy("Strategies/sma_cross.yaml")
        let result = BatchEvaluator.evaluate(Planner.plan(strategy), data: GraphFixtures.market(for: strategy))
        let long = try #require(result.columns["entry.long"])
        let short = try #require(result.columns["entry.short"])
        let reference = GraphFixtures.root.appendingPathComponent(
            "Tests/SextantIndicatorsTests/Reference/backtesting_SmaCross_GOOG.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: reference)) as? [String: Any])
        let trades = try #require(json["trades"] as? [[String: Any]])
        let open = try #require(json["open_trades_at_end"] as? [[String: Any]])
        var expectedLong: Set<Int> = []
        var expectedShort: Set<Int> = []
        for trade in trades {
            let bar = try #require(trade["EntryBar"] as? Int) - 1
            if try #require(trade["Size"] as? Int) > 0 { expectedLong.insert(bar) } else { expectedShort.insert(bar) }
        }
        for trade in open {
            let bar = try #require(trade["entry_bar"] as? Int) - 1
            if try #require(trade["size"] as? Int) > 0 { expectedLong.insert(bar) } else { expectedShort.insert(bar) }
        }
        let gotLong = Set(long.indices.filter { long[$0] == 1 })
        let gotShort = Set(short.indices.filter { short[$0] == 1 })
        // The last bar's signal (if any) never fills, so it has no trade.
        #expect(gotLong.subtracting([long.count - 1]) == expectedLong)
        #expect(gotShort.subtracting([short.count - 1]) == expectedShort)
        #expect(expectedLong.count + expectedShort.count == 94)
    }

    @Test func historyShiftsAndMemoryReuse() throws {
        let text = """
            kind: strategy
            name: shift
            let:
              a: close[2]
              b: (close - open) * 2 + (high - low) / 3 - volume * 0
            entry:
              long: a > b
            exit:
              long: close < open
            """
        let strategy = try GraphFixtures.strategy(text: text)
        let graph = Planner.plan(strategy)
        let data = MarketData(bars: GraphFixtures.goog)
        let result = BatchEvaluator.evaluate(graph, data: data, keep: ["let.a"])
        let shifted = try #require(result.columns["let.a"])
        let close = try #require(data.columns[nil]?[.close])
        #expect(shifted[0].isNaN && shifted[1].isNaN)
        #expect(Array(shifted[2...]) == Array(close[..<(close.count - 2)]))
        // Far fewer live columns than nodes: buffers are reused after their last reader.
        #expect(result.peakBytes < graph.nodes.count * data.count * 8)
    }
}
