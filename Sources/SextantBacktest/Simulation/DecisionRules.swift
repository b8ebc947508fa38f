/// The strategy's decisions at a bar's close, DSL.md §2's order semantics: exits (signal, opposite
/// entry, `max_bars`), entries (direction, pyramiding, conflicting signals) and the signal-time risk
/// limits (`max_daily_loss`, `max_drawdown`, `cooldown`, `max_trades_per_day`). Shared by the backtest
/// and the engine, so that both decide alike on the same values.
enum DecisionRules {
    /// The orders decided at `bar` (closes before entries); refusals are recorded in `broker`.
    static func decide(
        at bar: Int, time: Int64, equity value: Double, program: StrategyProgram, broker: inout Broker
    ) -> [PendingOrder] {
        var orders: [PendingOrder] = []
        decide(at: bar, time: time, equity: value, program: program, broker: &broker, into: &orders)
        return orders
    }

    /// Appends the orders decided at `bar` to `orders` (the backtest reuses one array: a decision bar
    /// comes every few bars, and a fresh array each time costs an allocation).
    static func decide(
        at bar: Int, time: Int64, equity value: Double, program: StrategyProgram, broker: inout Broker,
        into orders: inout [PendingOrder]
    ) {
        let settings = broker.settings
        let held = broker.position
        let entryLong = program.entryLong?.isTrue(bar) ?? false
        let entryShort = program.entryShort?.isTrue(bar) ?? false
        var closeLong = false
        var closeShort = false
        var longReason = ExitReason.signal
        var shortReason = ExitReason.signal
        if held > 0 {
            if program.exitLong?.isTrue(bar) ?? false {
                closeLong = true
            } else if entryShort && !entryLong {
                closeLong = true
                longReason = .reverse
            }
        } else if held < 0 {
            if program.exitShort?.isTrue(bar) ?? false {
                closeShort = true
            } else if entryLong && !entryShort {
                closeShort = true
                shortReason = .reverse
            }
        }
        if !broker.trades.isEmpty, !closeLong, !closeShort, let limit = program.maxBars?.at(bar), !limit.isNaN {
            // `max_bars: N` closes a trade N bars after its entry bar: decided one bar early when the
            // exit fills at the next open.
            let lead = settings.fill == .nextOpen ? 1 : 0
            if broker.trades.contains(where: { bar + lead - $0.entryBar >= Int(limit) }) {
                if held > 0 {
                    closeLong = true
                    longReason = .maxBars
                } else {
                    closeShort = true
                    shortReason = .maxBars
                }
            }
        }
        let atr = program.atr?.at(bar) ?? .nan
        func closing(_ long: Bool, _ reason: ExitReason) -> PendingOrder {
            var parameters = OrderParameters()
            parameters.atr = atr
            return PendingOrder(kind: .close(long: long, reason: reason), signalBar: bar, parameters: parameters)
        }
        if closeLong { orders.append(closing(true, longReason)) }
        if closeShort { orders.append(closing(false, shortReason)) }

        if entryLong && entryShort {
            broker.reject(bar: bar, time: time, long: true, reason: .conflictingSignals, requested: .nan, filled: 0)
        } else if entryLong || entryShort {
            let long = entryLong
            let sideAllowed = settings.direction == .both || (settings.direction == .long) == long
            // An entry on the side just exited on this bar is ignored, as is one past `pyramiding`.
            let exitingSameSide = long ? closeLong : closeShort
            let sameSide = (long ? held < 0 : held > 0) ? 0 : broker.trades.count
            if sideAllowed, !exitingSameSide, sameSide < settings.pyramiding,
                admits(long: long, at: bar, time: time, equity: value, program: program, broker: &broker)
            {
                orders.append(
                    PendingOrder(kind: .open(long: long), signalBar: bar, parameters: program.parameters(at: bar)))
            }
        }
    }

    /// The signal-time risk checks of an entry; a refusal is recorded.
    static func admits(
        long: Bool, at bar: Int, time: Int64, equity value: Double, program: StrategyProgram, broker: inout Broker
    ) -> Bool {
        func refuse(_ reason: RejectionReason) -> Bool {
            broker.reject(bar: bar, time: time, long: long, reason: reason, requested: .nan, filled: 0)
            return false
        }
        if let limit = program.maxDailyLoss?.at(bar), !limit.isNaN, value - broker.dayStartEquity < -abs(limit) {
            return refuse(.maxDailyLoss)
        }
        if let limit = program.maxDrawdown?.at(bar), !limit.isNaN, broker.peak > 0, 1 - value / broker.peak > limit {
            return refuse(.maxDrawdown)
        }
        if let bars = program.cooldown?.at(bar), !bars.isNaN, bar - broker.lastLossExitBar < Int(bars) {
            return refuse(.cooldown)
        }
        if let limit = program.maxTradesPerDay?.at(bar), !limit.isNaN, Double(broker.entriesToday) >= limit {
            return refuse(.maxTradesPerDay)
        }
        return true
    }
}
