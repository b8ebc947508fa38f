public import SextantLanguage

/// How a backtest fills orders and accounts for costs. The defaults reproduce Backtesting.py 0.6.6's
/// defaults (`docs/backtest.md`): next-open fills, all-in whole-unit sizing, commission at entry and exit,
/// no spread, no slippage, the trade still open at the end left open.
public struct BacktestSettings: Sendable, Codable, Equatable {
    /// Starting cash.
    public var cash: Double = 10_000
    /// Commission per fill.
    public var commission = Commission()
    /// Adverse price movement applied to every fill.
    public var slippage: Slippage = .none
    /// Bid-ask spread as a fraction of the price, added to long entries and taken from short entries
    /// (Backtesting.py's `spread`: it moves the entry price once).
    public var spread: Double = 0
    /// When a signal's order fills (`orders.fill` of the strategy unless overridden).
    public var fill: OrdersSection.Fill = .nextOpen
    /// Which sides may be opened (`orders.direction` unless overridden).
    public var direction: OrdersSection.Direction = .both
    /// The most trades open in one direction (`orders.pyramiding` unless overridden).
    public var pyramiding: Int = 1
    /// Close the trades still open on the last bar at its close and count them in the statistics
    /// (Backtesting.py's `finalize_trades`; off by default, as there).
    public var closeAtEnd: Bool = false

    /// The defaults.
    public init() {}

    /// The defaults with a strategy's `orders:` section applied.
    public init(orders: OrdersSection) {
        fill = orders.fill
        direction = orders.direction
        pyramiding = max(1, orders.pyramiding)
    }

    enum CodingKeys: String, CodingKey {
        case cash, commission, slippage, spread, fill, direction, pyramiding
        case closeAtEnd = "close_at_end"
    }
}

extension OrdersSection.Fill: Codable {}
extension OrdersSection.Direction: Codable {}
