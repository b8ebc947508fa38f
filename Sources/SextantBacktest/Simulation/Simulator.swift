import SextantCore
import SextantGraph

/// The event loop of a backtest: one pass over the bars with Backtesting.py's order of events.
///
/// At each bar: orders decided at the previous close fill at this bar's open (closes first, then
/// entries sized from the cash the closes freed); open trades meet their stops within the bar; equity
/// is marked at the close; then, from the first decision bar on, the strategy decides on this bar's
/// close (exits, stops by bar count, entries through the risk checks). With `fill: close` the decisions
/// fill at once at this close instead. Nothing reads a later bar.
struct Simulator {
    let program: StrategyProgram
    let settings: BacktestSettings
    let time: [Int64]
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]
    let dateOnly: Bool

    var cash: Double
    var trades: [OpenTrade] = []
    var closed: [TradeRecord] = []
    var rejections: [OrderRejection] = []
    var equity: [Double]
    var pending: [PendingOrder] = []
    var peak: Double
    var day: Int64 = .min
    var dayStartEquity: Double
    var entriesToday = 0
    /// The bar of the latest losing exit, for `risk.cooldown`.
    var lastLossExitBar = Int.min / 2
    var warnings: [String] = []
    /// No decision before this bar (a walk-forward test window starts after its warm-up bars).
    var decisionsFrom = 0

    init(program: StrategyProgram, settings: BacktestSettings, data: MarketData) {
        self.program = program
        self.settings = settings
        time = data.time
        let fields = data.columns[nil] ?? [:]
        let empty = [Double](repeating: .nan, count: data.count)
        open = fields[.open] ?? empty
        high = fields[.high] ?? empty
        low = fields[.low] ?? empty
        close = fields[.close] ?? empty
        dateOnly = time.allSatisfy { $0 % 86_400 == 0 }
        cash = settings.cash
        peak = settings.cash
        dayStartEquity = settings.cash
        equity = HugePages.column(count: data.count, repeating: settings.cash)
    }

    /// The first bar the strategy decides on (Backtesting.py's `start`).
    var firstDecisionBar: Int { max(program.indicatorWarmup + 1, decisionsFrom) }

    mutating func run() {
        let count = time.count
        let start = firstDecisionBar
        let state = program.state
        var account = AccountSnapshot()
        trades.reserveCapacity(max(1, settings.pyramiding))
        for bar in 0..<count {
            if !pending.isEmpty { fillPending(at: bar) }
            if !trades.isEmpty { checkStops(at: bar) }
            let value = markedEquity(at: close[bar])
            equity[bar] = value
            if value <= 0, bar >= start {
                ruin(at: bar)
                return
            }
            if value > peak { peak = value }
            let today = UTCTime.day(of: time[bar])
            if today != day {
                day = today
                dayStartEquity = bar > 0 ? equity[bar - 1] : settings.cash
                entriesToday = 0
            }
            if state.hasStateNodes {
                account = snapshot(at: bar, equity: value)
                state.step(bar: bar, state: account)
            }
            guard bar >= start else { continue }
            decide(at: bar, equity: value)
            if !trades.isEmpty { ratchetTrailingStops(at: bar) }
        }
        if !pending.isEmpty {
            warnings.append("\(pending.count) order(s) decided on the last bar were not filled (no next bar)")
            pending.removeAll()
        }
        if settings.closeAtEnd, let last = count.checkedPredecessor {
            closeTrades(long: nil, price: close[last], bar: last, reason: .end, slip: false)
            equity[last] = markedEquity(at: close[last])
        }
    }

    /// Equity at or below zero ends the run, as in Backtesting.py: every trade closes at this close,
    /// the cash and the rest of the equity curve are 0.
    mutating func ruin(at bar: Int) {
        closeTrades(long: nil, price: close[bar], bar: bar, reason: .end, slip: false)
        cash = 0
        pending.removeAll()
        for index in bar..<equity.count { equity[index] = 0 }
        warnings.append("equity fell to zero or below at bar \(bar) (\(iso(bar))): the run stopped there")
    }

    // MARK: - Account

    /// Cash plus the open trades marked at `price`.
    @inline(__always)
    func markedEquity(at price: Double) -> Double {
        var value = cash
        for trade in trades { value += trade.size * (price - trade.entryPrice) }
        return value
    }

    /// Signed units held.
    var position: Double { trades.reduce(0) { $0 + $1.size } }

    func snapshot(at bar: Int, equity value: Double) -> AccountSnapshot {
        var account = AccountSnapshot()
        account.equity = value
        account.drawdown = peak > 0 ? max(0, 1 - value / peak) : 0
        account.dayPnl = value - dayStartEquity
        var units = 0.0
        var cost = 0.0
        var exposure = 0.0
        var first = Int.max
        for trade in trades {
            units += trade.size
            cost += trade.size * trade.entryPrice
            exposure += abs(trade.size) * close[bar]
            first = min(first, trade.entryBar)
        }
        account.position = units
        account.cash = max(0, value - exposure)
        if !trades.isEmpty, units != 0 {
            account.entryPrice = cost / units
            account.barsInTrade = Double(bar - first)
            account.openPnl = units * close[bar] - cost
        }
        return account
    }

    // MARK: - Decisions

    mutating func decide(at bar: Int, equity value: Double) {
        let state = program.state
        let held = position
        let entryLong = program.entryLong?.isTrue(bar, state) ?? false
        let entryShort = program.entryShort?.isTrue(bar, state) ?? false
        var closeLong = false
        var closeShort = false
        var longReason = ExitReason.signal
        var shortReason = ExitReason.signal
        if held > 0 {
            if program.exitLong?.isTrue(bar, state) ?? false {
                closeLong = true
            } else if entryShort && !entryLong {
                closeLong = true
                longReason = .reverse
            }
        } else if held < 0 {
            if program.exitShort?.isTrue(bar, state) ?? false {
                closeShort = true
            } else if entryLong && !entryShort {
                closeShort = true
                shortReason = .reverse
            }
        }
        if !trades.isEmpty, !closeLong, !closeShort, let limit = program.maxBars?.at(bar, state), !limit.isNaN {
            // `max_bars: N` closes a trade N bars after its entry bar: decided one bar early when the
            // exit fills at the next open.
            let lead = settings.fill == .nextOpen ? 1 : 0
            if trades.contains(where: { bar + lead - $0.entryBar >= Int(limit) }) {
                if held > 0 {
                    closeLong = true
                    longReason = .maxBars
                } else {
                    closeShort = true
                    shortReason = .maxBars
                }
            }
        }
        var orders: [PendingOrder] = []
        if closeLong { orders.append(PendingOrder(kind: .close(long: true, reason: longReason), signalBar: bar)) }
        if closeShort { orders.append(PendingOrder(kind: .close(long: false, reason: shortReason), signalBar: bar)) }

        if entryLong && entryShort {
            reject(bar: bar, long: true, reason: .conflictingSignals, requested: .nan, filled: 0)
        } else if entryLong || entryShort {
            let long = entryLong
            let sideAllowed = settings.direction == .both || (settings.direction == .long) == long
            // An entry on the side just exited on this bar is ignored, as is one past `pyramiding`.
            let exitingSameSide = long ? closeLong : closeShort
            let remaining = (long ? held < 0 : held > 0) ? 0 : trades.count
            if sideAllowed, !exitingSameSide, remaining < settings.pyramiding,
                admits(long: long, at: bar, equity: value)
            {
                orders.append(PendingOrder(kind: .open(long: long), signalBar: bar))
            }
        }
        guard !orders.isEmpty else { return }
        switch settings.fill {
        case .nextOpen:
            pending += orders
        case .close:
            for order in orders { execute(order, at: bar, price: close[bar]) }
        }
    }

    /// The signal-time risk checks of an entry (`risk.max_daily_loss`, `max_drawdown`, `cooldown`,
    /// `max_trades_per_day`); a refusal is recorded.
    mutating func admits(long: Bool, at bar: Int, equity value: Double) -> Bool {
        let state = program.state
        if let limit = program.maxDailyLoss?.at(bar, state), !limit.isNaN, value - dayStartEquity < -abs(limit) {
            reject(bar: bar, long: long, reason: .maxDailyLoss, requested: .nan, filled: 0)
            return false
        }
        if let limit = program.maxDrawdown?.at(bar, state), !limit.isNaN, peak > 0, 1 - value / peak > limit {
            reject(bar: bar, long: long, reason: .maxDrawdown, requested: .nan, filled: 0)
            return false
        }
        if let bars = program.cooldown?.at(bar, state), !bars.isNaN, bar - lastLossExitBar < Int(bars) {
            reject(bar: bar, long: long, reason: .cooldown, requested: .nan, filled: 0)
            return false
        }
        if let limit = program.maxTradesPerDay?.at(bar, state), !limit.isNaN, Double(entriesToday) >= limit {
            reject(bar: bar, long: long, reason: .maxTradesPerDay, requested: .nan, filled: 0)
            return false
        }
        return true
    }

    // MARK: - Fills

    mutating func fillPending(at bar: Int) {
        let orders = pending
        pending.removeAll(keepingCapacity: true)
        // Closes go first so that an entry is sized from the cash they free (Backtesting.py's
        // `position.close()` puts its order at the front of the queue).
        for order in orders where order.isClose { execute(order, at: bar, price: open[bar]) }
        for order in orders where !order.isClose { execute(order, at: bar, price: open[bar]) }
    }

    mutating func execute(_ order: PendingOrder, at bar: Int, price: Double) {
        switch order.kind {
        case .close(let long, let reason):
            closeTrades(long: long, price: price, bar: bar, reason: reason, slip: true, signalBar: order.signalBar)
        case .open(let long):
            openTrade(long: long, price: price, bar: bar, signalBar: order.signalBar)
        }
    }

    /// Slippage against the trader: buys fill higher, sells lower.
    @inline(__always)
    func slipped(_ price: Double, buy: Bool, signalBar: Int) -> Double {
        if case .none = settings.slippage { return price }
        let atr = program.atr.map { signalBar < $0.count ? $0[signalBar] : .nan } ?? .nan
        let distance = settings.slippage.distance(price: price, atr: atr)
        return buy ? price + distance : price - distance
    }

    mutating func openTrade(long: Bool, price quoted: Double, bar: Int, signalBar: Int) {
        guard quoted.isFinite, quoted > 0 else { return }
        let state = program.state
        let raw = slipped(quoted, buy: long, signalBar: signalBar)
        let adjusted = raw * (1 + (long ? settings.spread : -settings.spread))
        let commission = settings.commission
        let marked = markedEquity(at: raw)
        var exposure = 0.0
        for trade in trades { exposure += abs(trade.size) * raw }
        let margin = max(0, marked - exposure)
        // Cost of one unit including its commission, as Backtesting.py sizes relative orders.
        let fraction = 1 - 0x1p-52
        let unitCost = adjusted + commission.of(units: fraction, price: raw) / fraction

        var units: Double
        switch program.sizing {
        case .allIn:
            units = Self.floorDivide(margin * fraction, unitCost)
        case .units(let count):
            units = count.at(signalBar, state).rounded(.towardZero)
        case .cashAmount(let amount):
            units = (amount.at(signalBar, state) / unitCost).rounded(.down)
        case .percentEquity(let share):
            units = (marked * share.at(signalBar, state) / unitCost).rounded(.down)
        case .riskFraction(let share, let stop):
            units = (marked * share.at(signalBar, state) / abs(stop.at(signalBar, state))).rounded(.down)
        case .kelly(let winRate, let payoff, let scale):
            let w = winRate.at(signalBar, state)
            let share = (w - (1 - w) / payoff.at(signalBar, state)) * scale.at(signalBar, state)
            units = (marked * share / unitCost).rounded(.down)
        case .volTarget(let target, let volatility):
            let sigma = signalBar < volatility.count ? volatility[signalBar] : .nan
            units = (marked * target.at(signalBar, state) / (sigma * raw)).rounded(.down)
        }
        let requested = units
        guard units.isFinite, units >= 1 else {
            reject(bar: bar, long: long, reason: .zeroSize, requested: requested, filled: 0)
            return
        }
        if let limit = program.maxPosition?.at(signalBar, state), !limit.isNaN {
            let held = trades.reduce(0) { $0 + abs($1.size) }
            let allowed = (abs(limit) / raw).rounded(.down) - held
            if allowed < units {
                guard allowed >= 1 else {
                    reject(bar: bar, long: long, reason: .maxPosition, requested: requested, filled: 0)
                    return
                }
                units = allowed
                reject(bar: bar, long: long, reason: .maxPosition, requested: requested, filled: units, shrunk: true)
            }
        }
        if units * unitCost > margin {
            let affordable = Self.floorDivide(margin, unitCost)
            guard affordable >= 1 else {
                reject(bar: bar, long: long, reason: .insufficientCash, requested: requested, filled: 0)
                return
            }
            reject(bar: bar, long: long, reason: .insufficientCash, requested: units, filled: affordable, shrunk: true)
            units = affordable
        }
        let size = long ? units : -units
        cash -= commission.of(units: size, price: adjusted)
        entriesToday += 1
        var trade = OpenTrade(
            size: size, entryPrice: adjusted, entryBar: bar, stopLoss: .nan, takeProfit: .nan, trailingStop: .nan)
        let direction = long ? 1.0 : -1.0
        if let distance = program.stopLoss?.at(signalBar, state), distance.isFinite {
            trade.stopLoss = adjusted - direction * abs(distance)
        }
        if let distance = program.takeProfit?.at(signalBar, state), distance.isFinite {
            trade.takeProfit = adjusted + direction * abs(distance)
        }
        if let distance = program.trailing?.at(signalBar, state), distance.isFinite {
            trade.trailingStop = adjusted - direction * abs(distance)
        }
        trades.append(trade)
    }

    /// Closes the open trades of a side (nil: all) at `price`.
    mutating func closeTrades(
        long: Bool?, price quoted: Double, bar: Int, reason: ExitReason, slip: Bool, signalBar: Int? = nil
    ) {
        var index = 0
        while index < trades.count {
            let trade = trades[index]
            guard long == nil || trade.isLong == long else {
                index += 1
                continue
            }
            let price = slip ? slipped(quoted, buy: !trade.isLong, signalBar: signalBar ?? max(0, bar - 1)) : quoted
            close(trade, at: price, bar: bar, reason: reason)
            trades.remove(at: index)
        }
    }

    /// Books the exit of one trade (the caller removes it from `trades`).
    mutating func close(_ trade: OpenTrade, at price: Double, bar: Int, reason: ExitReason) {
        let commission = settings.commission
        let exitFee = commission.of(units: trade.size, price: price)
        let entryFee = commission.of(units: trade.size, price: trade.entryPrice)
        let gross = trade.size * (price - trade.entryPrice)
        cash += gross - exitFee
        let fees = entryFee + exitFee
        let pnl = gross - fees
        let returnFraction =
            (trade.isLong ? 1 : -1) * (price / trade.entryPrice - 1) - fees / (abs(trade.size) * trade.entryPrice)
        if pnl < 0 { lastLossExitBar = bar }
        closed.append(
            TradeRecord(
                entryBar: trade.entryBar, exitBar: bar, entryTime: iso(trade.entryBar), exitTime: iso(bar),
                size: trade.size, entryPrice: trade.entryPrice, exitPrice: price, pnl: pnl,
                returnPct: returnFraction * 100, commission: fees, exitReason: reason,
                durationSeconds: Double(time[bar] - time[trade.entryBar])))
    }

    // MARK: - Stops

    /// Stops within bar `bar`: a gap through a level fills at the open; when a bar touches both the stop
    /// and the take-profit, the stop is assumed first (the conservative reading of an unknown path).
    mutating func checkStops(at bar: Int) {
        var index = 0
        while index < trades.count {
            let trade = trades[index]
            let direction = trade.isLong ? 1.0 : -1.0
            var stop = trade.stopLoss
            var stopReason = ExitReason.stopLoss
            if !trade.trailingStop.isNaN, stop.isNaN || direction * (trade.trailingStop - stop) > 0 {
                stop = trade.trailingStop
                stopReason = .trailingStop
            }
            let target = trade.takeProfit
            // Prices in the trade's favour are larger after multiplying by `direction`.
            let o = direction * open[bar]
            let adverse = direction * (trade.isLong ? low[bar] : high[bar])
            let favourable = direction * (trade.isLong ? high[bar] : low[bar])
            var exit: (price: Double, reason: ExitReason)?
            if !stop.isNaN, o <= direction * stop {
                exit = (open[bar], stopReason)
            } else if !target.isNaN, o >= direction * target {
                exit = (open[bar], .takeProfit)
            } else if !stop.isNaN, adverse <= direction * stop {
                exit = (stop, stopReason)
            } else if !target.isNaN, favourable >= direction * target {
                exit = (target, .takeProfit)
            }
            guard let exit else {
                index += 1
                continue
            }
            let price = slipped(exit.price, buy: !trade.isLong, signalBar: max(0, bar - 1))
            close(trade, at: price, bar: bar, reason: exit.reason)
            trades.remove(at: index)
        }
    }

    /// Moves trailing stops after the close of `bar`: the level follows the close by the trailing
    /// distance of this bar and never moves back. It applies from the next bar on.
    mutating func ratchetTrailingStops(at bar: Int) {
        guard let trailing = program.trailing else { return }
        let distance = abs(trailing.at(bar, program.state))
        guard distance.isFinite else { return }
        for index in trades.indices where !trades[index].trailingStop.isNaN {
            if trades[index].isLong {
                trades[index].trailingStop = max(trades[index].trailingStop, close[bar] - distance)
            } else {
                trades[index].trailingStop = min(trades[index].trailingStop, close[bar] + distance)
            }
        }
    }

    // MARK: - Records

    mutating func reject(
        bar: Int, long: Bool, reason: RejectionReason, requested: Double, filled: Double, shrunk: Bool = false
    ) {
        let sign = long ? 1.0 : -1.0
        rejections.append(
            OrderRejection(
                bar: bar, time: iso(bar), side: long.sideName, action: shrunk ? .shrunk : .rejected, reason: reason,
                requested: requested.isNaN ? requested : sign * requested, filled: sign * filled))
    }

    func iso(_ bar: Int) -> String { UTCTime.iso8601(time[bar], dateOnly: false) }

    /// Python's float `//` (Backtesting.py sizes with it): floor of the quotient, computed as CPython
    /// does so that a quotient that rounds up to a whole number is not off by one.
    static func floorDivide(_ a: Double, _ b: Double) -> Double {
        guard b != 0, a.isFinite, b.isFinite else { return .nan }
        let mod = a.truncatingRemainder(dividingBy: b)
        var div = (a - mod) / b
        if mod != 0, (b < 0) != (mod < 0) { div -= 1 }
        guard div != 0 else { return 0 }
        var floorDiv = div.rounded(.down)
        if div - floorDiv > 0.5 { floorDiv += 1 }
        return floorDiv
    }

    /// Open trades as records, marked at the last close.
    func openRecords() -> [TradeRecord] {
        guard let last = time.indices.last else { return [] }
        return trades.map { trade in
            let entryFee = settings.commission.of(units: trade.size, price: trade.entryPrice)
            let gross = trade.size * (close[last] - trade.entryPrice)
            let returnFraction =
                (trade.isLong ? 1 : -1) * (close[last] / trade.entryPrice - 1)
                - entryFee / (abs(trade.size) * trade.entryPrice)
            return TradeRecord(
                entryBar: trade.entryBar, exitBar: nil, entryTime: iso(trade.entryBar), exitTime: nil, size: trade.size,
                entryPrice: trade.entryPrice, exitPrice: close[last], pnl: gross - entryFee,
                returnPct: returnFraction * 100, commission: entryFee, exitReason: nil, durationSeconds: nil)
        }
    }
}

extension PendingOrder {
    var isClose: Bool {
        if case .close = kind { return true }
        return false
    }
}

extension Int {
    /// `self - 1` when positive.
    var checkedPredecessor: Int? { self > 0 ? self - 1 : nil }
}
