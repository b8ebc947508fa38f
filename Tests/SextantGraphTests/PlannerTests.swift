import SextantGraph
import SextantLanguage
import Testing

@Suite("Planner")
struct PlannerTests {
    static let shared = """
        kind: strategy
        name: shared
        let:
          vol: atr(14)
        entry:
          long: close > sma(close, 20) + vol
        exit:
          long: close < sma(close, 20) - 2 * atr(14)
        size: risk_fraction(1%, stop = 2 * atr(14))
        stops:
          loss: 2 * atr(14)
          trailing: 3 * vol
        """

    @Test func equalSubexpressionsAreOneNode() throws {
        let graph = Planner.plan(try GraphFixtures.strategy(text: Self.shared))
        let kernels = graph.nodes.compactMap { node -> String? in
            if case .kernel(let name, _) = node.operation { return name }
            return nil
        }
        #expect(kernels.filter { $0 == "atr" }.count == 1)
        #expect(kernels.filter { $0 == "sma" }.count == 1)
        // `2 * atr(14)` in the exit, the size and the stop is one multiplication too.
        let products = graph.nodes.filter {
            if case .binary(.multiply) = $0.operation { return true }
            return false
        }
        #expect(products.count == 2)  // 2 * atr(14) and 3 * vol
        let consumers = graph.consumers
        let atr = try #require(graph.nodes.indices.first { graph.nodes[$0].operation.label == "atr(14)" })
        #expect(Set(consumers[atr]).isSuperset(of: ["let.vol", "entry.long", "exit.long", "size", "stops.loss"]))
    }

    @Test func constantsFoldAndParamsBecomeSettings() throws {
        let text = """
            kind: strategy
            name: fold
            params:
              n: 10
            entry:
              long: close > sma(close, n * 2) + (2 * 3 + 1) and 1 < 2
            exit:
              long: close < open
            """
        let strategy = try GraphFixtures.strategy(text: text)
        let graph = Planner.plan(strategy)
        #expect(graph.nodes.contains { $0.operation == .kernel(name: "sma", settings: [Constant(20)]) })
        #expect(graph.nodes.contains { $0.constant == 7 })
        #expect(!graph.nodes.contains { $0.constant == 2 || $0.constant == 3 }, "folded operands must be dropped")
        let swept = Planner.plan(strategy, params: ["n": 7])
        #expect(swept.nodes.contains { $0.operation == .kernel(name: "sma", settings: [Constant(14)]) })
    }

    @Test func everyNodeIsNeeded() throws {
        for file in ["sma_cross", "macd_trend", "pairs_zscore", "guarded_breakout"] {
            let graph = Planner.plan(try GraphFixtures.strategy("Strategies/\(file).yaml"))
            let users = graph.users
            let outputs = Set(graph.outputs.map(\.node))
            for index in graph.nodes.indices {
                #expect(!users[index].isEmpty || outputs.contains(NodeID(index)), "\(file): node \(index) is dead")
                #expect(graph.nodes[index].inputs.allSatisfy { $0.index < index }, "not topological")
            }
        }
    }

    /// The graph's warm-up of every output equals the checker's (two independent computations).
    @Test(arguments: [
        "sma_cross", "rsi_mean_reversion", "bollinger_breakout", "donchian_turtle", "macd_trend",
        "pairs_zscore", "vol_target", "guarded_breakout", "stoch_pullback",
    ])
    func warmupsAgreeWithTheChecker(_ name: String) throws {
        let strategy = try GraphFixtures.strategy("Strategies/\(name).yaml")
        let graph = Planner.plan(strategy)
        for named in strategy.lets + strategy.sections where named.expr.type.isSeries {
            let node = try #require(graph.output(named: named.path))
            #expect(graph[node].warmup == named.expr.warmup, "\(named.path)")
        }
        #expect(graph.warmup == strategy.warmup)
    }
}
