/// How an order executes, with the prices it needs.
///
/// Prices are in the quote currency, as `Double`s like the backtest's: a venue adapter rounds them to
/// the instrument's tick size when it writes the request.
public enum OrderType: Sendable, Hashable {
    /// At the best available price.
    case market
    /// At `price` or better: a buy at or below it, a sell at or above it.
    case limit(price: Double)
    /// A market order triggered when the price trades through `stopPrice`: a buy at or above it, a sell
    /// at or below it (stop-losses, breakouts).
    case stop(stopPrice: Double)

    /// The type's name as it is written in JSON: `market`, `limit` or `stop`.
    public var name: String {
        switch self {
        case .market: "market"
        case .limit: "limit"
        case .stop: "stop"
        }
    }

    /// The limit price, if the type has one.
    public var limitPrice: Double? {
        if case .limit(let price) = self { price } else { nil }
    }

    /// The trigger price, if the type has one.
    public var stopPrice: Double? {
        if case .stop(let price) = self { price } else { nil }
    }
}
