/// Where the engine keeps its trading records: strategy versions, runs, orders and their intents,
/// fills, positions, risk events and equity snapshots.
///
/// The protocol speaks only in plain record types, never in a database library's types, so the embedded
/// `SQLiteStore` and a Postgres store (issue 7) are interchangeable behind it. Its rules hold for every
/// implementation:
///
/// - **Atomic and durable.** Each method is one transaction. A write method returns only after its
///   transaction is committed durably (synced to stable storage), so what it wrote survives a crash of
///   the process or the machine from that moment on.
/// - **Intent before send.** `recordIntent(_:)` must return before the engine sends the order. A crash
///   between the two leaves an intent in state `new`, which `unsentIntents()` hands to the restart to
///   reconcile with the venue; a crash before it leaves nothing, and the order was never sent.
/// - **Idempotent where a retry or a replay can repeat a call.** Recording an existing client order ID,
///   fill, strategy version, run or equity time returns or keeps what is there instead of failing or
///   duplicating it.
/// - **One error type.** Every method throws `StoreError`; `StoreError.isTransient` says whether to
///   retry.
/// - **Times** are `EpochMilliseconds`; bar times are seconds, as `Bar.time` has them.
public protocol TradingStore: Sendable {
    // MARK: Strategy versions and runs

    /// Records a strategy version, or marks an already known content hash as seen again at
    /// `version.lastSeen` (its first-seen time, path and source stay as first recorded).
    /// - Returns: The stored version.
    @discardableResult
    func recordStrategyVersion(_ version: StrategyVersionRecord) async throws -> StrategyVersionRecord

    /// The version with this content hash, if recorded.
    func strategyVersion(contentHash: String) async throws -> StrategyVersionRecord?

    /// The most recently seen version of the strategy with this name, if any.
    func latestStrategyVersion(named name: String) async throws -> StrategyVersionRecord?

    /// Records a run; recording an existing run ID again leaves the stored run unchanged.
    func recordRun(_ run: RunRecord) async throws

    /// The run with this ID, if recorded.
    func run(id: String) async throws -> RunRecord?

    // MARK: Orders

    /// Durably records an order intent before the order is sent.
    ///
    /// If the client order ID is already stored, nothing is written and the stored row is returned with
    /// `wasInserted == false`: the caller must not send the order again. The order's strategy version
    /// must have been recorded (`StoreError.unknownStrategyVersion` otherwise).
    func recordIntent(_ order: OrderRecord) async throws -> RecordedIntent

    /// Records a bar's intents in one transaction: all of them or, when the call throws, none.
    ///
    /// Each result is what `recordIntent(_:)` would have returned had the intents been recorded one by
    /// one in this order: a client order ID already stored, or repeated earlier in the list, is not
    /// inserted again and comes back as stored with `wasInserted == false`. One durable commit for the
    /// whole bar instead of one per order is what lets a busy engine keep up with its venue.
    /// - Throws: `StoreError.unknownStrategyVersion` for the first order whose strategy version is not
    ///   recorded, `.invalidRecord` for the first invalid order; nothing is written then.
    func recordIntents(_ orders: [OrderRecord]) async throws -> [RecordedIntent]

    /// Sets an order's state and, when given, its venue order ID (`nil` keeps the stored one).
    /// - Returns: The order as stored after the change.
    /// - Throws: `StoreError.orderNotFound` when no order has the ID.
    @discardableResult
    func updateOrderState(
        clientOrderID: String, to state: OrderRecord.State, venueOrderID: String?, at time: EpochMilliseconds
    ) async throws -> OrderRecord

    /// The order with this client order ID, if stored.
    func order(clientOrderID: String) async throws -> OrderRecord?

    /// Orders that can still fill (`new`, `acknowledged`, `partiallyFilled`), oldest first.
    func openOrders() async throws -> [OrderRecord]

    /// Intents stored but never acknowledged (state `new`), oldest first: after a restart each may or may
    /// not have reached the venue, and the engine must ask the venue before deciding to send or drop it.
    func unsentIntents() async throws -> [OrderRecord]

    // MARK: Fills and positions

    /// Records a fill and, in the same transaction, the order state and position it leads to.
    ///
    /// A fill already stored (same venue and fill ID) changes nothing — neither the fill nor the order
    /// nor the position — and the method returns false; the caller then discards the state and position
    /// it computed from the duplicate. Recording the three together is what keeps a crash from storing
    /// a fill without its position (the replayed fill would be a duplicate, and the position change
    /// would be lost).
    /// - Returns: True when the fill was new.
    /// - Throws: `StoreError.orderNotFound` when the fill's order is not stored.
    @discardableResult
    func recordFill(_ fill: FillRecord, orderState: OrderStateUpdate?, position: PositionRecord?) async throws -> Bool

    /// Applies order-book writes in one transaction: all of them or, when the call throws, none.
    ///
    /// The outcome is that of making the calls one by one in this order — `recordFill` for a fill,
    /// `updateOrderState` for a state: a fill already stored, or repeated earlier in the list, changes
    /// nothing; an order ends in the state of its last write that applied (its venue order ID the last
    /// one given, else the stored one); a position ends as its last applied fill left it.
    /// - Returns: For each write, whether it applied: true for a new fill and for every state write.
    /// - Throws: `StoreError.orderNotFound` for a write whose order is not stored, `.invalidRecord` for
    ///   the first invalid record; nothing is written then.
    @discardableResult
    func record(_ writes: [OrderBookWrite]) async throws -> [Bool]

    /// The fills of one order, in execution order.
    func fills(for clientOrderID: String) async throws -> [FillRecord]

    /// Sets a strategy's position in a symbol, creating it if needed.
    func upsertPosition(_ position: PositionRecord) async throws

    /// Every stored position, flat ones included, by strategy then symbol.
    func positions() async throws -> [PositionRecord]

    // MARK: Risk and equity

    /// Records a risk gate decision.
    /// - Returns: The event with its assigned `id`.
    @discardableResult
    func recordRiskEvent(_ event: RiskEventRecord) async throws -> RiskEventRecord

    /// Risk events at or after `time`, oldest first.
    func riskEvents(since time: EpochMilliseconds) async throws -> [RiskEventRecord]

    /// Records an equity snapshot, replacing the run's snapshot at the same time if there is one.
    /// - Throws: `StoreError.unknownRun` when the run is not recorded.
    func recordEquity(_ snapshot: EquitySnapshotRecord) async throws

    /// A run's equity snapshots, oldest first.
    func equitySnapshots(runID: String) async throws -> [EquitySnapshotRecord]

    // MARK: Lifecycle

    /// Finishes pending work and releases the connection(s); later calls throw `StoreError.closed`.
    func close() async throws
}
