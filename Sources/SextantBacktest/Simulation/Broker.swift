import SextantCore

/// The book and the fill model: cash, open trades, stops, commissions, slippage and spread — everything
/// about an account that does not depend on how decisions are made. The backtest drives it from its bar
/// loop; the engine's paper adapter drives the same type from the live bar stream, so both fill alike.
///
/// Bars are identified by an index (for trade records) and a time; nothing here reads a later bar.
struct Broker: Sendable {
    let settings: BacktestSettings
    /// The sizing rule of the strategy version trading through this book (replaced on a hot reload).
    var sizing: Sizing
    /// Bar times are dates only (for readable record times).
    let dateOnly: Bool

    private(set) var cash: Double
    private(set) var trades: [OpenTrade] = []
    private(set) var closed: [TradeRecord] = []
    private(set) var rejections: [OrderRejection] = []
    /// The highest equity marked so far.
    private(set) var peak: Double
    /// Equity at the end of the previous UTC day, for `day_pnl` and `max_daily_loss`.
    private(set) var dayStartEquity: Double
    private(set) var day: Int64 = .min
    private(set) var lastEquity: Double
    /// Entries filled in the current UTC day.
    private(set) var entriesToday = 0
    /// The bar of the latest losing exit, for `risk.cooldown`.
    private(set) var lastLossExitBar = Int.min / 2
    /// Some trade has had a stop level: until then the per-bar stop check is skipped.
    private(set) var stopsActive = false

    init(settings: BacktestSettings, sizing: Sizing, dateOnly: Bool) {
        self.settings = settings
        self.sizing = sizing
        self.dateOnly = dateOnly
        cash = settings.cash
        peak = settings.cash
        dayStartEquity = settings.cash
        lastEquity = settings.cash
        trades.reserveCapacity(max(1, settings.pyramiding))
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

    /// Marks the book at a bar's close: returns the equity, tracks its peak and the day's start.
    mutating func mark(time: Int64, close: Double) -> Double {
        let value = markedEquity(at: close)
        let today = UTCTime.day(of: time)
        if today != day {
            dayStartEquity = day == .min ? settings.cash : lastEquity
            day = today
            entriesToday = 0
        }
        if value > peak { peak = value }
        lastEquity = value
        return value
    }

    /// Marks `bars` in order as `mark` would, writing each bar's equity into `equity`, for bars on which
    /// nothing else happens (no fill, no stop, no decision). Stops before the first bar from `start` on
    /// whose equity is zero or below, without marking it (the caller steps it, which ruins the run), and
    /// returns that bar, or `bars.upperBound`.
    ///
    /// The book's state ends as after marking each bar with `mark`: the peak is the running maximum,
    /// and the day bookkeeping follows the last change of UTC day among the bars (found from the end,
    /// so that no bar but those of the last day need their day computed).
    mutating func markQuiet(
        _ bars: Range<Int>, time: UnsafeBufferPointer<Int64>, close: UnsafeBufferPointer<Double>,
        into equity: UnsafeMutableBufferPointer<Double>, ruinFrom start: Int
    ) -> Int {
        var end = bars.upperBound
        var peak = self.peak
        // `markedEquity` with the trade loop unrolled for the usual books: the same operations in the
        // same order, so the same bits.
        switch trades.count {
        case 0:
            for bar in bars {
                if cash <= 0, bar >= start {
                    end = bar
                    break
                }
                equity[bar] = cash
                if cash > peak { peak = cash }
            }
        case 1:
            let size = trades[0].size
            let entry = trades[0].entryPrice
            for bar in bars {
                let value = cash + size * (close[bar] - entry)
                if value <= 0, bar >= start {
                    end = bar
                    break
                }
                equity[bar] = value
                if value > peak { peak = value }
            }
        default:
            for bar in bars {
                let value = markedEquity(at: close[bar])
                if value <= 0, bar >= start {
                    end = bar
                    break
                }
                equity[bar] = value
                if value > peak { peak = value }
            }
        }
        guard end > bars.lowerBound else { return end }
        self.peak = peak
        let last = end - 1
        let lastDay = UTCTime.day(of: time[last])
        let dayStart = lastDay * 86_400
        var first = last
        while first > bars.lowerBound, UTCTime.isTime(time[first - 1], inDayStartingAt: dayStart) { first -= 1 }
        if first > bars.lowerBound {
            // `mark` at `first` saw a new day after the bar before it.
            dayStartEquity = equity[first - 1]
            entriesToday = 0
        } else if lastDay != day {
            dayStartEquity = day == .min ? settings.cash : lastEquity
            entriesToday = 0
        }
        day = lastDay
        lastEquity = equity[last]
        return end
    }

    /// The account as state-stage expressions read it at a bar's close.
    func snapshot(bar: Int, close: Double, equity value: Double) -> AccountSnapshot {
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
            exposure += abs(trade.size) * close
            first = min(first, trade.entryBar)
        }
        account.position = units
        account.cash = max(0, value - exposure)
        if !trades.isEmpty, units != 0 {
            account.entryPrice = cost / units
            account.barsInTrade = Double(bar - first)
            account.openPnl = units * close - cost
        }
        return account
    }

    /// Equity at or below zero ends a run, as in Backtesting.py: every trade closes at this close and
    /// the cash is 0.
    mutating func ruin(bar: Int, time: Int64, close: Double) {
        closeTrades(long: nil, price: close, bar: bar, time: time, reason: .end, slippage: nil)
        cash = 0
    }

    // MARK: - Fills

    /// Fills orders at one price: closes first, so that an entry is sized from the cash they free
    /// (Backtesting.py's `position.close()` puts its order at the front of the queue).
    mutating func fill(_ orders: [PendingOrder], bar: Int, time: Int64, price: Double) {
        for order in orders where order.isClose { fill(order, bar: bar, time: time, price: price) }
        for order in orders where !order.isClose { fill(order, bar: bar, time: time, price: price) }
    }

    mutating func fill(_ order: PendingOrder, bar: Int, time: Int64, price: Double) {
        switch order.kind {
        case .close(let long, let reason):
            closeTrades(long: long, price: price, bar: bar, time: time, reason: reason, slippage: order.parameters.atr)
        case .open(let long):
            openTrade(long: long, price: price, bar: bar, time: time, parameters: order.parameters)
        }
    }

    /// Slippage against the trader: buys fill higher, sells lower.
    @inline(__always)
    func slipped(_ price: Double, buy: Bool, atr: Double) -> Double {
        if case .none = settings.slippage { return price }
        let distance = settings.slippage.distance(price: price, atr: atr)
        return buy ? price + distance : price - distance
    }

    /// The units the sizing rule asks for at a fill at `raw` (before spread), with the cost of one
    /// unit including its commission and the margin available.
    func sizing(long: Bool, raw: Double, parameters: OrderParameters) -> (
        units: Double, unitCost: Double, margin: Double
    ) {
        let adjusted = raw * (1 + (long ? settings.spread : -settings.spread))
        let marked = markedEquity(at: raw)
        var exposure = 0.0
        for trade in trades { exposure += abs(trade.size) * raw }
        let margin = max(0, marked - exposure)
        // Cost of one unit including its commission, as Backtesting.py sizes relative orders.
        let fraction = 1 - 0x1p-52
        let unitCost = adjusted + settings.commission.of(units: fraction, price: raw) / fraction
        let (a, b, c) = parameters.sizing
        let units: Double
        switch sizing {
        case .allIn: units = Self.floorDivide(margin * fraction, unitCost)
        case .units: units = a.rounded(.towardZero)
        case .cashAmount: units = (a / unitCost).rounded(.down)
        case .percentEquity: units = (marked * a / unitCost).rounded(.down)
        case .riskFraction: units = (marked * a / abs(b)).rounded(.down)
        case .kelly: units = (marked * ((a - (1 - a) / b) * c) / unitCost).rounded(.down)
        case .volTarget: units = (marked * a / (b * raw)).rounded(.down)
        }
        return (units, unitCost, margin)
    }

    mutating func openTrade(long: Bool, price quoted: Double, bar: Int, time: Int64, parameters: OrderParameters) {
        guard quoted.isFinite, quoted > 0 else { return }
        let raw = slipped(quoted, buy: long, atr: parameters.atr)
        let adjusted = raw * (1 + (long ? settings.spread : -settings.spread))
        let commission = settings.commission
        var (units, unitCost, margin) = sizing(long: long, raw: raw, parameters: parameters)
        let requested = units
        guard units.isFinite, units >= 1 else {
            reject(bar: bar, time: time, long: long, reason: .zeroSize, requested: requested, filled: 0)
            return
        }
        let limit = parameters.maxPosition
        if !limit.isNaN {
            let held = trades.reduce(0) { $0 + abs($1.size) }
            let allowed = (abs(limit) / raw).rounded(.down) - held
            if allowed < units {
                guard allowed >= 1 else {
                    reject(bar: bar, time: time, long: long, reason: .maxPosition, requested: requested, filled: 0)
                    return
                }
                units = allowed
                reject(
                    bar: bar, time: time, long: long, reason: .maxPosition, requested: requested, filled: units,
                    shrunk: true)
            }
        }
        if units * unitCost > margin {
            let affordable = Self.floorDivide(margin, unitCost)
            guard affordable >= 1 else {
                reject(bar: bar, time: time, long: long, reason: .insufficientCash, requested: requested, filled: 0)
                return
            }
            reject(
                bar: bar, time: time, long: long, reason: .insufficientCash, requested: units, filled: affordable,
                shrunk: true)
            units = affordable
        }
        let size = long ? units : -units
        cash -= commission.of(units: size, price: adjusted)
        entriesToday += 1
        let direction = long ? 1.0 : -1.0
        var trade = OpenTrade(
            size: size, entryPrice: adjusted, entryBar: bar, entryTime: time, stopLoss: .nan, takeProfit: .nan,
            trailingStop: .nan)
        if parameters.stopLoss.isFinite { trade.stopLoss = adjusted - direction * abs(parameters.stopLoss) }
        if parameters.takeProfit.isFinite { trade.takeProfit = adjusted + direction * abs(parameters.takeProfit) }
        if parameters.trailing.isFinite { trade.trailingStop = adjusted - direction * abs(parameters.trailing) }
        if !(trade.stopLoss.isNaN && trade.takeProfit.isNaN && trade.trailingStop.isNaN) { stopsActive = true }
        trades.append(trade)
    }

    /// Closes the open trades of a side (nil: all) at `price`, with exit slippage unless `slippage` is nil.
    mutating func closeTrades(
        long: Bool?, price quoted: Double, bar: Int, time: Int64, reason: ExitReason, slippage atr: Double?
    ) {
        var index = 0
        while index < trades.count {
            let trade = trades[index]
            guard long == nil || trade.isLong == long else {
                index += 1
                continue
            }
            let price = atr.map { slipped(quoted, buy: !trade.isLong, atr: $0) } ?? quoted
            close(trade, at: price, bar: bar, time: time, reason: reason)
            // The usual book holds one trade: dropping the last is cheaper than a general removal.
            if index == trades.count - 1 { trades.removeLast() } else { trades.remove(at: index) }
        }
    }

    /// Books the exit of one trade (the caller removes it from `trades`).
    private mutating func close(_ trade: OpenTrade, at price: Double, bar: Int, time: Int64, reason: ExitReason) {
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
                entryBar: trade.entryBar, exitBar: bar, entryTimestamp: trade.entryTime, exitTimestamp: time,
                size: trade.size, entryPrice: trade.entryPrice, exitPrice: price, pnl: pnl,
                returnPct: returnFraction * 100, commission: fees, exitReason: reason))
    }

    // MARK: - Stops

    /// Stops within a bar: a gap through a level fills at the open; when a bar touches both the stop and
    /// the take-profit, the stop is assumed first (the conservative reading of an unknown path). `atr`
    /// is the latest ATR known before the bar, for ATR slippage.
    mutating func checkStops(bar: Int, time: Int64, open: Double, high: Double, low: Double, atr: Double) {
        guard stopsActive else { return }
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
            let o = direction * open
            let adverse = direction * (trade.isLong ? low : high)
            let favourable = direction * (trade.isLong ? high : low)
            var exit: (price: Double, reason: ExitReason)?
            if !stop.isNaN, o <= direction * stop {
                exit = (open, stopReason)
            } else if !target.isNaN, o >= direction * target {
                exit = (open, .takeProfit)
            } else if !stop.isNaN, adverse <= direction * stop {
                exit = (stop, stopReason)
            } else if !target.isNaN, favourable >= direction * target {
                exit = (target, .takeProfit)
            }
            guard let exit else {
                index += 1
                continue
            }
            close(
                trade, at: slipped(exit.price, buy: !trade.isLong, atr: atr), bar: bar, time: time, reason: exit.reason)
            trades.remove(at: index)
        }
    }

    /// Moves trailing stops after a close: the level follows the close by the trailing distance of this
    /// bar and never moves back. It applies from the next bar on.
    mutating func ratchetTrailingStops(close: Double, distance: Double) {
        let distance = abs(distance)
        guard distance.isFinite else { return }
        for index in trades.indices where !trades[index].trailingStop.isNaN {
            if trades[index].isLong {
                trades[index].trailingStop = max(trades[index].trailingStop, close - distance)
            } else {
                trades[index].trailingStop = min(trades[index].trailingStop, close + distance)
            }
        }
    }

    // MARK: - Records

    /// Makes room for `count` closed trades in all (an array grown by doubling copies every record
    /// it holds at each step).
    mutating func reserveClosed(_ count: Int) {
        guard count > closed.capacity else { return }
        let stride = MemoryLayout<TradeRecord>.stride
        // A capacity whose storage fills whole huge pages (`HugePages.arrayCapacity`), advised before
        // the records first touch it: 4 KB faults over megabytes of records cost more than writing them.
        // The records so far are copied in after the advice: a page they touched first would keep its
        // whole 2 MB range on 4 KB pages.
        let capacity = HugePages.arrayCapacity(count: count, stride: stride)
        closed = [TradeRecord](unsafeUninitializedCapacity: capacity) { records, initialized in
            if let base = records.baseAddress {
                HugePages.adviseArray(UnsafeMutableRawPointer(base), bytes: capacity * stride)
            }
            initialized = closed.withUnsafeBufferPointer { records.initialize(fromContentsOf: $0) }
        }
    }

    mutating func reject(
        bar: Int, time: Int64, long: Bool, reason: RejectionReason, requested: Double, filled: Double,
        shrunk: Bool = false
    ) {
        let sign = long ? 1.0 : -1.0
        rejections.append(
            OrderRejection(
                bar: bar, time: iso(time), side: long.sideName, action: shrunk ? .shrunk : .rejected, reason: reason,
                requested: requested.isNaN ? requested : sign * requested, filled: sign * filled))
    }

    func iso(_ time: Int64) -> String { UTCTime.iso8601(time, dateOnly: false) }

    /// Open trades as records, marked at `close` (the last bar's).
    func openRecords(close: Double) -> [TradeRecord] {
        trades.map { trade in
            let entryFee = settings.commission.of(units: trade.size, price: trade.entryPrice)
            let gross = trade.size * (close - trade.entryPrice)
            let returnFraction =
                (trade.isLong ? 1 : -1) * (close / trade.entryPrice - 1)
                - entryFee / (abs(trade.size) * trade.entryPrice)
            return TradeRecord(
                entryBar: trade.entryBar, exitBar: nil, entryTimestamp: trade.entryTime, exitTimestamp: nil,
                size: trade.size, entryPrice: trade.entryPrice, exitPrice: close, pnl: gross - entryFee,
                returnPct: returnFraction * 100, commission: entryFee, exitReason: nil)
        }
    }

    /// Python's float `//` (Backtesting.py sizes with it): the floor of the exact quotient, so that a
    /// quotient that rounds up to a whole number is not off by one. Sizes are far below 2⁵², where the
    /// remainder of the rounded quotient is exact in one fused multiply-add; beyond it, CPython's own
    /// `fmod` route.
    static func floorDivide(_ a: Double, _ b: Double) -> Double {
        guard b != 0, a.isFinite, b.isFinite else { return .nan }
        let quotient = (a / b).rounded(.down)
        if abs(quotient) < 0x1p52 {
            // a − q·b with one rounding (its sign is exact): negative when q overshot the true quotient,
            // at least b when it fell short.
            let remainder = a.addingProduct(-quotient, b)
            if b > 0 {
                if remainder < 0 { return quotient - 1 }
                if remainder >= b { return quotient + 1 }
            } else {
                if remainder > 0 { return quotient - 1 }
                if remainder <= b { return quotient + 1 }
            }
            return quotient == 0 ? 0 : quotient
        }
        let mod = a.truncatingRemainder(dividingBy: b)
        var div = (a - mod) / b
        if mod != 0, (b < 0) != (mod < 0) { div -= 1 }
        guard div != 0 else { return 0 }
        var floorDiv = div.rounded(.down)
        if div - floorDiv > 0.5 { floorDiv += 1 }
        return floorDiv
    }

}
