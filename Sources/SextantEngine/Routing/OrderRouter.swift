public import SextantStore

/// Takes approved orders to a venue and the venue's reports back to the orders: one state machine per
/// order, the store written before anything is sent.
///
/// **Intent before send.** With a store, `route(_:time:)` records the order's intent and places the
/// order only once that write returned; if the store already holds the client order ID (a retry, a
/// replayed bar, a restart), nothing is sent again. A store that is away (a transient error) holds the
/// order, and everything else, until it returns (`storeWrite`); one that refuses the write for good
/// stops the order: it is not sent, and an `error` event says why.
///
/// **Reports.** `drain(time:)` takes the venue's reports and applies each to its order's state machine;
/// the machine's actions are carried out here: a new fill is stored together with the order's state
/// and the position it leads to (one transaction), anomalies become `error` events. A repeated report
/// changes nothing.
///
/// The router runs on the engine's bar loop; it is not shared between tasks.
public final class OrderRouter {
    /// The venue orders go to.
    public let adapter: any ExchangeAdapter
    let store: (any TradingStore)?
    let events: any EventSink
    /// True when the venue sizes orders at their fill (paper): a fill may resize its order once.
    let sizesAtFill: Bool
    /// Every order this router has seen, by client order ID.
    public private(set) var orders: [ClientOrderID: OrderStateMachine] = [:]
    /// Signed position and average entry price per strategy and symbol, from the fills.
    private var positions: [PositionKey: (quantity: Double, price: Double)] = [:]
    /// The orders placed (counting every `place` call): what a test of "never sent twice" reads.
    public private(set) var placements = 0
    /// Fills and order states applied in memory and not yet stored (written at the end of each drain).
    private var pendingWrites: [OrderBookWrite] = []
    /// Orders the store already held that were replayed into an in-process venue after a restart.
    public private(set) var replays = 0
    /// Order states being written while the engine waits for its next bar (`drain(time:deferringStates:)`):
    /// the write's first attempt, the list (to write again if that attempt failed) and its bar time.
    private var statesInFlight: (attempt: Task<Bool, Never>, writes: [OrderBookWrite], time: Int64)?

    struct PositionKey: Hashable {
        var strategy: String
        var symbol: String
    }

    /// Waits between retries of a store that is away.
    let clock: any EngineClock
    /// The first wait after a transient store failure and the longest (the wait doubles in between).
    let backoff: (first: Double, longest: Double)
    /// True while the store is away (a `risk` event with `rule: store` marks each change).
    public private(set) var storeAway = false

    /// A router to `adapter`, writing to `store` when given. A store that fails transiently
    /// (`StoreError.isTransient`: a lost connection, a locked database) is retried every `backoff`
    /// (doubling) through `clock`, holding every order until it returns.
    public init(
        adapter: any ExchangeAdapter, store: (any TradingStore)?, events: any EventSink, sizesAtFill: Bool,
        clock: any EngineClock = SystemClock(), backoff: (first: Double, longest: Double) = (0.1, 5)
    ) {
        self.adapter = adapter
        self.store = store
        self.events = events
        self.sizesAtFill = sizesAtFill
        self.clock = clock
        self.backoff = backoff
    }

    /// Runs a store write until it succeeds or fails for good. While the store is away (a transient
    /// failure) nothing else happens on this router: no order is sent without its intent stored, no
    /// fill is forgotten. The wait doubles from `backoff.first` to `backoff.longest`; a cancelled task
    /// stops waiting and gets the last error.
    func storeWrite<T>(time: Int64, _ write: () async throws -> T) async throws -> T {
        var wait = backoff.first
        while true {
            do {
                let value = try await write()
                if storeAway { changeStoreState(away: false, time: time, detail: "the store is back") }
                return value
            } catch let error as StoreError where error.isTransient && !Task.isCancelled {
                if !storeAway { changeStoreState(away: true, time: time, detail: "\(error)") }
                do { try await clock.sleep(seconds: wait) } catch { throw error }
                wait = min(wait * 2, backoff.longest)
            }
        }
    }

    private func changeStoreState(away: Bool, time: Int64, detail: String) {
        storeAway = away
        events.emit(
            EngineEvent(
                .risk, time: time,
                fields: [
                    ("rule", .string("store")), ("decision", .string(away ? "halt" : "resume")),
                    ("reason", .string(away ? "store unavailable, orders held: \(detail)" : detail)),
                ]))
    }

    /// Records the intent (with a store), then sends the order. Returns true when it was sent now;
    /// false when it is already known (never sent twice) or could not be stored.
    @discardableResult
    public func route(_ order: Order, time: Int64) async -> Bool {
        await route([order], time: time) == 1
    }

    /// Routes a bar's orders: their intents are written together (one transaction, one durable commit
    /// for the bar instead of one per order), then each order whose intent was new is placed, in the
    /// given order. Returns how many were sent now.
    @discardableResult
    public func route(_ batch: [Order], time: Int64) async -> Int {
        var seen: Set<ClientOrderID> = []
        let fresh = batch.filter { orders[$0.clientOrderID] == nil && seen.insert($0.clientOrderID).inserted }
        guard !fresh.isEmpty else { return 0 }
        let recorded = await recordIntents(fresh, time: time)
        var sent = 0
        for (order, outcome) in zip(fresh, recorded) {
            let id = order.clientOrderID
            switch outcome {
            case .failure(let error):
                report(
                    error: "order \(id) not sent: its intent could not be stored (\(error))", order: order, time: time)
            case .success(let stored?)
            where !stored.wasInserted && stored.order.state == .new && adapter.replaysOnRestart:
                // Stored, never acknowledged, and the in-process venue cannot have it (it started with this
                // process): it was never sent, or was lost with the venue. Send it now, once.
                var machine = OrderStateMachine(order: order)
                let actions = machine.send()
                orders[id] = machine
                await perform(actions, for: id, time: time)
                sent += 1
            case .success(let stored?) where !stored.wasInserted:
                let fills = (try? await storedFills(of: order)) ?? []
                restorePosition(order, fills)
                orders[id] = OrderStateMachine(
                    restoring: order, status: Self.status(stored.order.state), venueOrderID: stored.order.venueOrderID,
                    fills: fills)
                if adapter.replaysOnRestart {
                    // The in-process venue lost this order with the previous process: replay it. Its
                    // reports carry the same IDs, so the restored machine counts nothing twice.
                    replays += 1
                    try? await adapter.place(order)
                }
            case .success:
                var machine = OrderStateMachine(order: order)
                let actions = machine.send()
                orders[id] = machine
                await perform(actions, for: id, time: time)
                sent += 1
            }
        }
        return sent
    }

    /// Writes the intents in one transaction (nil results without a store), in the batch's order. A
    /// store that is away holds the whole batch until it returns (`storeWrite`). One that refuses the
    /// batch for good (an invalid order, an unknown strategy version) is asked again one intent at a
    /// time, so that only the orders at fault are stopped.
    private func recordIntents(_ batch: [Order], time: Int64) async -> [Result<RecordedIntent?, StoreError>] {
        guard let store, !batch.isEmpty else { return batch.map { _ in .success(nil) } }
        await finishWrites()
        let records = batch.map { Self.record($0, time: time) }
        if let stored = try? await storeWrite(time: time, { try await store.recordIntents(records) }) {
            return stored.map { .success($0) }
        }
        var results: [Result<RecordedIntent?, StoreError>] = []
        for record in records {
            do {
                results.append(.success(try await storeWrite(time: time) { try await store.recordIntent(record) }))
            } catch {
                results.append(.failure(error as? StoreError ?? .database(String(describing: error))))
            }
        }
        return results
    }

    /// Picks up where a previous process stopped: the store's open orders get their state machines
    /// back (with their stored fills), and each intent stored but never acknowledged is reconciled with
    /// the venue — acknowledged if the venue has it, sent once if it does not. Nothing already sent is
    /// sent again. Returns how many intents were sent. (An in-process venue is rebuilt by the replay
    /// instead: see `ExchangeAdapter.replaysOnRestart`.)
    @discardableResult
    public func resume(time: Int64) async throws -> Int {
        await finishWrites()
        // An in-process venue starts empty with this process: the replay of the feed hands it every stored
        // order as it is decided again (`route`), so there is nothing to ask it now.
        guard let store, !adapter.replaysOnRestart else { return 0 }
        for position in try await store.positions() {
            positions[PositionKey(strategy: position.strategy, symbol: position.symbol)] = (
                position.quantity, position.averagePrice
            )
        }
        let working = try await adapter.openOrders()
        let atVenue = Dictionary(working.map { ($0.order.clientOrderID, $0) }, uniquingKeysWith: { first, _ in first })
        var sent = 0
        var names: [String: String] = [:]
        for record in try await store.openOrders() {
            if names[record.strategyVersion] == nil {
                names[record.strategyVersion] = try await store.strategyVersion(contentHash: record.strategyVersion)?
                    .name
            }
            guard let order = Self.order(record, strategy: names[record.strategyVersion] ?? ""),
                orders[order.clientOrderID] == nil
            else { continue }
            let fills = try await storedFills(of: order)
            var machine = OrderStateMachine(
                restoring: order, status: Self.status(record.state), venueOrderID: record.venueOrderID, fills: fills)
            guard record.state == .new else {
                orders[order.clientOrderID] = machine
                continue
            }
            if let known = atVenue[order.clientOrderID] {
                _ = machine.send()
                _ = machine.acknowledge(venueOrderID: known.venueOrderID)
                orders[order.clientOrderID] = machine
                await persist(machine, time: time)
            } else {
                let actions = machine.send()
                orders[order.clientOrderID] = machine
                await perform(actions, for: order.clientOrderID, time: time)
                sent += 1
            }
        }
        await drain(time: time)
        return sent
    }

    /// Counts an order's stored fills into the positions again: the replay after a restart meets every
    /// stored order in its original sequence, so the positions rebuild as they were.
    private func restorePosition(_ order: Order, _ fills: [Fill]) {
        let key = PositionKey(strategy: order.strategy, symbol: order.symbol)
        for fill in fills {
            let signed = order.side == .buy ? fill.quantity : -fill.quantity
            positions[key] = Self.apply(signed, at: fill.price, to: positions[key] ?? (0, 0))
        }
    }

    /// The fills the store holds for an order.
    private func storedFills(of order: Order) async throws -> [Fill] {
        guard let store else { return [] }
        return try await store.fills(for: order.clientOrderID.rawValue).map {
            Fill(
                fillID: $0.fillID, clientOrderID: order.clientOrderID, quantity: $0.quantity, price: $0.price,
                commission: $0.commission, timeMilliseconds: $0.time.rawValue)
        }
    }

    /// Applies everything the venue reported since the last call, and stores what changed before it
    /// returns — except, with `deferringStates`, a list of order states alone (acknowledgements,
    /// rejections, cancels: no fill), whose write then runs while the engine waits for its next bar.
    /// The next store write, `resume` and `finishWrites()` wait for it first (and retry it if it
    /// failed), so writes keep their order and no order is sent while the store is away. A crash
    /// before it lands leaves those orders in their stored state (an acknowledged order still `new`),
    /// which a restart reconciles with the venue as it does any unacknowledged intent.
    public func drain(time: Int64, deferringStates: Bool = false) async {
        let reports = adapter.takeReports()
        guard !reports.isEmpty else {
            await flushWrites(time: time, deferringStates: deferringStates)
            return
        }
        var filled: [ClientOrderID: Double] = [:]
        if sizesAtFill {
            for case .fill(let fill) in reports { filled[fill.clientOrderID, default: 0] += fill.quantity }
        }
        // The orders the venue made (triggered stops) are stored together before their reports apply.
        var triggered: [Order] = []
        for case .triggered(let order) in reports where orders[order.clientOrderID] == nil {
            triggered.append(order)
        }
        let adopted = Dictionary(
            zip(triggered.map(\.clientOrderID), await recordIntents(triggered, time: time)),
            uniquingKeysWith: { first, _ in first })
        for report in reports {
            let id = report.clientOrderID
            if case .triggered(let order) = report {
                if let stored = adopted[id] { await adopt(order, stored: stored, time: time) }
                continue
            }
            guard var machine = orders[id] else {
                self.report(error: "the venue reported an unknown order \(id)", order: nil, time: time)
                continue
            }
            var actions: [OrderAction] = []
            switch report {
            case .acknowledged(_, let venueOrderID):
                actions = machine.acknowledge(venueOrderID: venueOrderID)
                await persist(machine, time: time)
            case .rejected(_, let reason):
                actions = machine.reject(reason: reason)
                await persist(machine, time: time)
            case .cancelled:
                actions = machine.cancelAcknowledged()
                await persist(machine, time: time)
            case .fill(let fill):
                if let quantity = filled.removeValue(forKey: id), machine.filledQuantity == 0,
                    abs(quantity - machine.order.quantity) > machine.order.quantity
                        * OrderStateMachine.quantityTolerance
                {
                    actions += machine.resize(to: quantity)
                }
                actions += machine.fill(fill)
            case .triggered:
                continue
            }
            orders[id] = machine
            await perform(actions, for: id, time: time)
        }
        await flushWrites(time: time, deferringStates: deferringStates)
    }

    /// An order the venue made on the account's behalf (a triggered stop), its intent just written
    /// (`stored`): marked sent and acknowledged by the reports that follow, never placed.
    private func adopt(_ order: Order, stored: Result<RecordedIntent?, StoreError>, time: Int64) async {
        guard orders[order.clientOrderID] == nil else { return }
        switch stored {
        case .success(let intent?) where !intent.wasInserted:
            // Replayed after a restart: the stored state and fills stand, and the replayed reports (same
            // IDs) change nothing.
            do {
                let fills = try await storedFills(of: order)
                restorePosition(order, fills)
                orders[order.clientOrderID] = OrderStateMachine(
                    restoring: order, status: Self.status(intent.order.state), venueOrderID: intent.order.venueOrderID,
                    fills: fills)
                return
            } catch {
                report(error: "venue order \(order.clientOrderID) not restored (\(error))", order: order, time: time)
            }
        case .failure(let error):
            report(error: "venue order \(order.clientOrderID) not stored (\(error))", order: order, time: time)
        case .success:
            break
        }
        var machine = OrderStateMachine(order: order)
        _ = machine.send()
        orders[order.clientOrderID] = machine
    }

    /// Carries out a state machine's actions.
    private func perform(_ actions: [OrderAction], for id: ClientOrderID, time: Int64) async {
        for action in actions {
            switch action {
            case .send(let order):
                placements += 1
                do { try await adapter.place(order) } catch {
                    if var machine = orders[id] {
                        let more = machine.timeout()
                        orders[id] = machine
                        report(
                            error: "order \(id): \(error); its status is unknown until reconciled", order: order,
                            time: time)
                        await perform(more.filter { $0 != .reconcile }, for: id, time: time)
                    }
                }
            case .record(let fill):
                await record(fill, time: time)
            case .cancelAtVenue:
                do { try await adapter.cancel(id) } catch {
                    report(error: "cancel of \(id): \(error)", order: orders[id]?.order, time: time)
                }
            case .alert(let anomaly):
                report(error: "order \(id): \(anomaly)", order: orders[id]?.order, time: time)
            case .reconcile, .ignore:
                // Reconciliation asks the venue's open orders; the paper venue's reports are complete.
                continue
            }
        }
    }

    /// Applies a new fill to the position and queues its write (the fill with the order's state and the
    /// position it leads to, one transaction); `flushWrites` writes the queue at the end of a drain.
    private func record(_ fill: Fill, time: Int64) async {
        guard let machine = orders[fill.clientOrderID] else { return }
        let order = machine.order
        let key = PositionKey(strategy: order.strategy, symbol: order.symbol)
        let signed = order.side == .buy ? fill.quantity : -fill.quantity
        let before = positions[key] ?? (0, 0)
        let after = Self.apply(signed, at: fill.price, to: before)
        positions[key] = after
        guard store != nil else { return }
        let stamp = EpochMilliseconds(fill.timeMilliseconds)
        pendingWrites.append(
            .fill(
                FillRecord(
                    venue: adapter.venue, fillID: fill.fillID, clientOrderID: fill.clientOrderID.rawValue,
                    quantity: fill.quantity, price: fill.price, commission: fill.commission, time: stamp),
                orderState: OrderStateUpdate(
                    state: Self.state(machine.status), venueOrderID: machine.venueOrderID, time: stamp),
                position: PositionRecord(
                    strategy: order.strategy, symbol: order.symbol, quantity: after.quantity,
                    averagePrice: after.quantity == 0 ? 0 : after.price, updated: stamp)))
    }

    /// Writes the queued fills and order states in one transaction (`TradingStore.record(_:)`), after
    /// any states still in flight; with `deferringStates`, a list without a fill is only started
    /// (`drain(time:deferringStates:)`).
    private func flushWrites(time: Int64, deferringStates: Bool = false) async {
        await finishWrites()
        guard let store, !pendingWrites.isEmpty else { return }
        let writes = Self.coalesced(pendingWrites)
        pendingWrites.removeAll(keepingCapacity: true)
        if deferringStates, !writes.contains(where: { if case .fill = $0 { true } else { false } }) {
            statesInFlight = (Task { (try? await store.record(writes)) != nil }, writes, time)
            return
        }
        await write(writes, to: store, time: time)
    }

    /// Waits for the order states being written while the engine waited (`drain(time:deferringStates:)`)
    /// and writes them again if that attempt failed. The engine calls it before it stops.
    public func finishWrites() async {
        guard let (attempt, writes, time) = statesInFlight, let store else { return }
        statesInFlight = nil
        if await attempt.value { return }
        await write(writes, to: store, time: time)
    }

    /// Writes a list in one transaction. A store that is away holds it until it returns (`storeWrite`):
    /// money moved, so a fill is never dropped. One that refuses the list for good is asked again one
    /// write at a time, so that only the writes at fault are reported.
    private func write(_ writes: [OrderBookWrite], to store: any TradingStore, time: Int64) async {
        if (try? await storeWrite(time: time, { try await store.record(writes) })) != nil { return }
        for write in writes {
            do { _ = try await storeWrite(time: time) { try await store.record([write]) } } catch {
                let label =
                    switch write {
                    case .fill(let fill, _, _): "fill \(fill.fillID)"
                    case .orderState(let id, let update): "order \(id) state \(update.state.rawValue)"
                    }
                report(error: "\(label) not stored (\(error))", order: nil, time: time)
            }
        }
    }

    /// `writes` without the state writes that a later write of the same order overrides (a later state
    /// write, or a fill that carries the order's state). Fewer rows, and a retry made safe: when a commit
    /// went through but its answer was lost, the retried list finds its fills stored and skips them with
    /// their states, so an acknowledgement kept from before them would set the order back.
    static func coalesced(_ writes: [OrderBookWrite]) -> [OrderBookWrite] {
        var stateFollows: Set<String> = []
        var kept: [OrderBookWrite] = []
        kept.reserveCapacity(writes.count)
        for write in writes.reversed() {
            switch write {
            case .orderState(let id, _):
                guard stateFollows.insert(id).inserted else { continue }
            case .fill(let fill, let state, _):
                if state != nil { stateFollows.insert(fill.clientOrderID) }
            }
            kept.append(write)
        }
        return kept.reversed()
    }

    /// Queues an order's state after an acknowledgement, a rejection or a cancel (written with the
    /// drain's fills, in order with the fills of the same position).
    private func persist(_ machine: OrderStateMachine, time: Int64) async {
        guard store != nil else { return }
        pendingWrites.append(
            .orderState(
                clientOrderID: machine.order.clientOrderID.rawValue,
                OrderStateUpdate(
                    state: Self.state(machine.status), venueOrderID: machine.venueOrderID,
                    time: EpochMilliseconds(seconds: time))))
    }

    private func report(error message: String, order: Order?, time: Int64) {
        events.emit(
            EngineEvent(
                .error, time: time, strategy: order?.strategy, symbol: order?.symbol,
                fields: [("message", .string(message))]))
    }

    // MARK: - Conversions

    /// A position after a signed fill: an addition averages the entry price by volume, a reduction
    /// keeps it, and a fill through zero restarts it at the fill price.
    public static func apply(_ units: Double, at price: Double, to position: (quantity: Double, price: Double)) -> (
        quantity: Double, price: Double
    ) {
        let quantity = position.quantity + units
        if position.quantity == 0 { return (quantity, price) }
        if (units > 0) == (position.quantity > 0) {
            return (quantity, (position.quantity * position.price + units * price) / quantity)
        }
        if quantity == 0 { return (0, 0) }
        return (quantity, (quantity > 0) == (position.quantity > 0) ? position.price : price)
    }

    static func record(_ order: Order, time: Int64) -> OrderRecord {
        let kind: OrderRecord.Kind
        switch order.type {
        case .market: kind = .market
        case .limit: kind = .limit
        case .stop: kind = .stop
        }
        return OrderRecord(
            clientOrderID: order.clientOrderID.rawValue, strategyVersion: order.strategyVersion, symbol: order.symbol,
            side: order.side == .buy ? .buy : .sell, quantity: order.quantity, kind: kind,
            limitPrice: order.type.limitPrice, stopPrice: order.type.stopPrice, barTime: order.barTime,
            rule: order.rule.rawValue, leg: String(order.leg), created: EpochMilliseconds(seconds: time))
    }

    /// The order a stored record describes, or nil for a record this engine cannot have written.
    static func order(_ record: OrderRecord, strategy: String) -> Order? {
        guard let id = ClientOrderID(record.clientOrderID), let leg = Int(record.leg) else { return nil }
        let type: OrderType
        switch record.kind {
        case .market: type = .market
        case .limit: type = .limit(price: record.limitPrice ?? .nan)
        case .stop: type = .stop(stopPrice: record.stopPrice ?? .nan)
        case .stopLimit: return nil
        }
        return Order(
            restoring: id, strategy: strategy, strategyVersion: record.strategyVersion, symbol: record.symbol,
            barTime: record.barTime, rule: OrderRule(rawValue: record.rule), leg: leg,
            side: record.side == .buy ? .buy : .sell, quantity: record.quantity, type: type)
    }

    static func state(_ status: OrderStatus) -> OrderRecord.State {
        switch status {
        case .new, .pendingAck: .new
        case .acknowledged, .pendingCancel, .unknown: .acknowledged
        case .partiallyFilled: .partiallyFilled
        case .filled: .filled
        case .cancelled: .cancelled
        case .rejected: .rejected
        case .expired: .expired
        }
    }

    static func status(_ state: OrderRecord.State) -> OrderStatus {
        switch state {
        case .new: .new
        case .acknowledged: .acknowledged
        case .partiallyFilled: .partiallyFilled
        case .filled: .filled
        case .cancelled: .cancelled
        case .rejected: .rejected
        case .expired: .expired
        }
    }
}
