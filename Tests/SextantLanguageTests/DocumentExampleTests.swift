import SextantLanguage
import Testing

/// The examples of DSL.md §2 and §4, verbatim, load without a single diagnostic.
@Suite struct DocumentExampleTests {
    static let strategy = """
        kind: strategy
        name: sma_cross
        description: Long/short SMA crossover, reverses on the opposite signal.
        symbols: [GOOG]                 # or a map of aliases: {btc: BTC/USDT, eth: ETH/USDT}
        timeframe: 1d
        params:
          fast: {value: 10, range: [5, 50, 5], doc: fast SMA length}
          slow: {value: 20, range: [10, 100, 10]}
          risk_per_trade: 1%
        let:
          fast_ma: sma(close, fast)
          slow_ma: sma(close, slow)
        entry:
          long: crosses_above(fast_ma, slow_ma)
          short: crosses_below(fast_ma, slow_ma)
        exit:
          long: crosses_below(fast_ma, slow_ma)
        size: risk_fraction(risk_per_trade, stop = 2 * atr(14))
        stops:
          loss: 2 * atr(14)             # distance from the entry price
          trailing: 3 * atr(14)
          take_profit: 4 * atr(14)
          max_bars: 30
        risk:
          max_position: 25% of equity
          max_daily_loss: 3% of equity
          cooldown: 5 bars
        tests:                          # promtool-style unit tests, run by `sextant test`
          - name: enters after a cross
            bars: {close: [10, 10, 10, 9, 12, 14]}
            params: {fast: 2, slow: 3}
            expect: {entry.long: [4]}   # bar indexes where the signal is true

        """

    static let risk = """
        kind: risk
        name: default
        limits:
          max_gross_exposure: 150% of equity
          max_position_per_symbol: 25% of equity
          max_open_positions: 10
          max_order_notional: 50000
          max_orders_per_minute: 30
          max_daily_loss: 3% of equity          # no new entries for the rest of the day
        circuit_breakers:
          - when: drawdown > 10%
            action: halt_entries                 # halt_entries | flatten | halt_all
          - when: day_pnl < -5% of equity
            action: flatten

        """

    static let engine = """
        kind: engine
        strategies: [Strategies/*.yaml]
        risk: Config/risk.yaml
        venue: {adapter: paper, cash: 100000, commission: 0.1%}
        data: {feed: csv, path: examples/data/GOOG.csv}
        store: sqlite:var/sextant.sqlite         # embedded default; postgres://... in production
        bus: none                                # or redis://127.0.0.1:6379
        watch: true                              # hot reload

        """

    @Test func strategyExampleLoads() throws {
        let strategy = try DocumentTests.strategy(Self.strategy)
        #expect(strategy.name.value == "sma_cross")
        #expect(strategy.name.span.start.description == "2:7")
        #expect(strategy.description == "Long/short SMA crossover, reverses on the opposite signal.")
        #expect(strategy.symbols.map(\.symbol) == ["GOOG"])
        #expect(strategy.timeframe?.value.seconds == 86_400)
        #expect(strategy.params.map(\.name) == ["fast", "slow", "risk_per_trade"])
        #expect(strategy.params[0].value.source.text == "10")
        #expect(strategy.params[0].value.path == "params.fast.value")
        #expect(strategy.params[0].range?.value == [5, 50, 5])
        #expect(strategy.params[0].doc == "fast SMA length")
        #expect(strategy.params[1].range?.value == [10, 100, 10])
        #expect(strategy.params[2].value.source.text == "1%")
        #expect(strategy.params[2].value.source.wholeSpan.start.description == "9:19")
        #expect(strategy.lets.map(\.name) == ["fast_ma", "slow_ma"])
        #expect(strategy.lets[0].value.path == "let.fast_ma")
        #expect(strategy.entry.long?.source.text == "crosses_above(fast_ma, slow_ma)")
        #expect(strategy.entry.long?.path == "entry.long")
        #expect(strategy.entry.long?.keySpan.start.description == "14:3")
        #expect(strategy.entry.short?.source.text == "crosses_below(fast_ma, slow_ma)")
        #expect(strategy.exit.long != nil && strategy.exit.short == nil)
        #expect(strategy.size?.source.text == "risk_fraction(risk_per_trade, stop = 2 * atr(14))")
        #expect(strategy.stops.loss?.source.text == "2 * atr(14)")
        #expect(strategy.stops.takeProfit?.source.text == "4 * atr(14)")
        #expect(strategy.stops.maxBars?.source.text == "30")
        #expect(strategy.risk.maxPosition?.source.text == "25% of equity")
        #expect(strategy.risk.cooldown?.source.text == "5 bars")
        #expect(
            strategy.orders.fill == .nextOpen && strategy.orders.direction == .both && strategy.orders.pyramiding == 1)
        let test = try #require(strategy.tests.first)
        #expect(test.name.value == "enters after a cross")
        #expect(test.bars.count == 1 && test.bars[0].field.value == "close")
        guard case .values(let closes) = test.bars[0].values.value else {
            Issue.record("bars should be a list")
            return
        }
        #expect(closes == [10, 10, 10, 9, 12, 14])
        #expect(test.params.map(\.name.value) == ["fast", "slow"])
        #expect(test.params.map(\.value.value) == [2, 3])
        #expect(test.expect.map(\.path.value) == ["entry.long"])
        #expect(test.expect[0].bars.value == [4])
    }

    @Test func riskExampleLoads() throws {
        let (document, diagnostics) = DocumentTests.load(Self.risk)
        #expect(diagnostics.isEmpty, "\(DocumentTests.describe(diagnostics))")
        guard case .risk(let risk) = document else {
            Issue.record("not a risk document")
            return
        }
        #expect(risk.name.value == "default")
        #expect(
            risk.limits.map(\.key) == [
                "max_gross_exposure", "max_position_per_symbol", "max_open_positions", "max_order_notional",
                "max_orders_per_minute", "max_daily_loss",
            ])
        #expect(risk.limits[0].value.source.text == "150% of equity")
        #expect(risk.limits[0].value.path == "limits.max_gross_exposure")
        #expect(risk.circuitBreakers.map(\.action.value) == [.haltEntries, .flatten])
        #expect(risk.circuitBreakers[1].when.source.text == "day_pnl < -5% of equity")
        #expect(risk.circuitBreakers[1].when.path == "circuit_breakers[1].when")
        #expect(risk.circuitBreakers[1].when.source.wholeSpan.start.description == "13:11")
    }

    @Test func engineExampleLoads() throws {
        let (document, diagnostics) = DocumentTests.load(Self.engine)
        #expect(diagnostics.isEmpty, "\(DocumentTests.describe(diagnostics))")
        guard case .engine(let engine) = document else {
            Issue.record("not an engine document")
            return
        }
        #expect(engine.name == nil)
        #expect(engine.strategies.map(\.value) == ["Strategies/*.yaml"])
        #expect(engine.strategies[0].span.start.description == "2:14")
        #expect(engine.risk?.value == "Config/risk.yaml")
        #expect(engine.venue?.adapter.value == "paper")
        #expect(engine.venue?.cash?.value == 100_000)
        #expect(engine.venue?.commission?.value == 0.001)
        #expect(engine.data?.feed.value == "csv")
        #expect(engine.data?.path?.value == "examples/data/GOOG.csv")
        #expect(engine.store?.value == "sqlite:var/sextant.sqlite")
        #expect(engine.bus?.value == "none")
        #expect(engine.watch?.value == true)
    }

    @Test func symbolAliasesLoad() throws {
        let strategy = try DocumentTests.strategy(
            """
            kind: strategy
            name: pair
            symbols: {btc: BTC/USDT, eth: ETH/USDT}
            entry:
              long: btc.close > eth.close
            tests:
              - name: aliases
                bars: {btc.close: "100+1x2", eth.close: [1, 2, na]}
                expect: {entry.long: []}
            """)
        #expect(strategy.symbols.map(\.alias) == ["btc", "eth"])
        #expect(strategy.symbols.map(\.symbol) == ["BTC/USDT", "ETH/USDT"])
        #expect(strategy.symbols[1].span.start.description == "3:26")
        guard case .notation(let notation) = strategy.tests.first?.bars.first?.values.value else {
            Issue.record("expected notation")
            return
        }
        #expect(notation == "100+1x2")
        guard case .values(let values) = strategy.tests.first?.bars.last?.values.value else {
            Issue.record("expected values")
            return
        }
        #expect(values.count == 3 && values[2].isNaN)
    }

    @Test func ordersOverridesLoad() throws {
        let strategy = try DocumentTests.strategy(
            """
            kind: strategy
            name: orders
            orders: {fill: close, direction: long, pyramiding: 3}
            """)
        #expect(strategy.orders.fill == .close)
        #expect(strategy.orders.direction == .long)
        #expect(strategy.orders.pyramiding == 3)
    }
}
