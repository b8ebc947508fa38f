public import SextantCore

/// A trading venue as the engine's router sees it: where orders go and where fills come from.
///
/// The router is the only caller, from the engine's bar loop, one call at a time (adapters need not be
/// thread-safe; a live adapter keeps its network I/O on its own tasks and buffers what arrives).
///
/// **Reports are a stream.** Acknowledgements, rejections, fills and cancels arrive on the venue's
/// own schedule (a live venue's websocket; the paper venue's fill model at the next bar's open). The
/// adapter buffers them in arrival order and `takeReports()` hands over everything buffered so far;
/// the router drains it at every bar and after every placement. Each report names its order by client
/// order ID, and each fill carries the venue's fill ID, so a report seen twice (a reconnect replaying
/// the stream) is counted once by the order's state machine.
///
/// **Placement is idempotent by client order ID**: placing an ID the venue already knows must not
/// create a second order (venues refuse a duplicate client ID; the paper venue ignores it), which is
/// what lets a restart place an intent whose fate it does not know.
public protocol ExchangeAdapter: AnyObject {
    /// The venue's name, as fills are stored under it (`paper`, `binance`…).
    var venue: String { get }

    /// True for a venue that lives inside the engine's process and is rebuilt by replaying the feed
    /// after a restart (the paper venue): orders the store already holds are replayed into it, since
    /// it lost them with the process, instead of being skipped. A real venue keeps its orders, and
    /// nothing it already has is ever placed again.
    var replaysOnRestart: Bool { get }

    /// Sends an order. Returning means the venue has it (or refused it: see the reports); throwing
    /// means it may or may not have it, and the router reconciles with `openOrders()` before deciding
    /// again.
    func place(_ order: Order) async throws(VenueError)

    /// Asks the venue to cancel an order; the outcome comes back as a report.
    func cancel(_ id: ClientOrderID) async throws(VenueError)

    /// The venue's working orders (acknowledged, not finished).
    func openOrders() async throws(VenueError) -> [VenueOrder]

    /// The account's balances.
    func balances() async throws(VenueError) -> [VenueBalance]

    /// The account's positions.
    func positions() async throws(VenueError) -> [VenuePosition]

    /// Bars of `symbol` in `timeframe` from `start` (seconds since the epoch, inclusive), oldest first:
    /// the history an engine warms its strategies on.
    func bars(symbol: String, timeframe: Timeframe, from start: Int64) async throws(VenueError) -> [Bar]

    /// Everything the venue reported since the last call, in arrival order: the fill stream.
    func takeReports() -> [VenueReport]
}
