/// One order intent, as the router hands it to an adapter and the store records it before it is sent.
///
/// **Quantities** are `Double` units of the instrument (shares, contracts, coins), always positive; the
/// direction is ``side``. `Double`, not a fixed-point decimal, because the backtest sizes in `Double`
/// and the live path must make the same decisions: a fixed-point type would need each instrument's
/// step before any order exists, and its rounding would differ from the backtest's. Venues' decimal
/// strings parse to the nearest `Double` (15 significant digits survive the round trip), and the
/// adapter rounds to the instrument's lot step when it writes a request. Sums of fills are compared
/// with a relative tolerance (``OrderStateMachine/quantityTolerance``), never with `==`.
///
/// The client order ID is derived from the intent's identity (``ClientOrderID``) once, when the order
/// is made; a decoded order keeps the stored ID as it is, so an order written by an older Sextant is
/// never re-derived under a newer derivation.
///
/// JSON (snake_case): `client_order_id`, `symbol`, `side`, `quantity`, `order_type` (`market`, `limit`,
/// `stop`), `limit_price` and `stop_price` (when the type has one), `time_in_force`, `strategy`,
/// `strategy_version`, `bar_time`, `rule`, `leg`.
public struct Order: Sendable, Hashable, Codable {
    /// The deterministic ID the venue knows the order by.
    public let clientOrderID: ClientOrderID
    /// The instrument.
    public var symbol: String
    /// Buy or sell.
    public var side: OrderSide
    /// Units of the instrument, positive.
    public var quantity: Double
    /// Market, limit or stop, with its price.
    public var type: OrderType
    /// How long the order stays working.
    public var timeInForce: TimeInForce
    /// The strategy's name.
    public var strategy: String
    /// The strategy version: the content hash of the strategy file the decision came from.
    public var strategyVersion: String
    /// The open time of the bar the decision was made on, seconds since the Unix epoch (UTC).
    public var barTime: Int64
    /// The rule that decided the order.
    public var rule: OrderRule
    /// The order's number among the orders one rule makes on one bar (0 for the first).
    public var leg: Int

    /// An order intent; its ``clientOrderID`` is derived from `strategyVersion`, `symbol`, `barTime`,
    /// `rule` and `leg`.
    public init(
        strategy: String, strategyVersion: String, symbol: String, barTime: Int64, rule: OrderRule, leg: Int = 0,
        side: OrderSide, quantity: Double, type: OrderType = .market, timeInForce: TimeInForce = .gtc
    ) {
        self.init(
            restoring: ClientOrderID(
                strategyVersion: strategyVersion, symbol: symbol, barTime: barTime, rule: rule, leg: leg),
            strategy: strategy, strategyVersion: strategyVersion, symbol: symbol, barTime: barTime, rule: rule,
            leg: leg, side: side, quantity: quantity, type: type, timeInForce: timeInForce)
    }

    /// An order read back from the store under its stored ID (never re-derived: see above).
    public init(
        restoring clientOrderID: ClientOrderID, strategy: String, strategyVersion: String, symbol: String,
        barTime: Int64, rule: OrderRule, leg: Int, side: OrderSide, quantity: Double, type: OrderType = .market,
        timeInForce: TimeInForce = .gtc
    ) {
        self.clientOrderID = clientOrderID
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.type = type
        self.timeInForce = timeInForce
        self.strategy = strategy
        self.strategyVersion = strategyVersion
        self.barTime = barTime
        self.rule = rule
        self.leg = leg
    }

    /// Why the order cannot be sent as it is, or `nil` when it can: a quantity that is not a positive
    /// number, or a price that is not.
    public var invalidity: String? {
        guard quantity.isFinite, quantity > 0 else { return "quantity \(quantity) is not a positive number" }
        switch type {
        case .market:
            return nil
        case .limit(let price), .stop(let price):
            guard price.isFinite, price > 0 else { return "\(type.name) price \(price) is not a positive number" }
            return nil
        }
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case clientOrderID = "client_order_id"
        case symbol
        case side
        case quantity
        case orderType = "order_type"
        case limitPrice = "limit_price"
        case stopPrice = "stop_price"
        case timeInForce = "time_in_force"
        case strategy
        case strategyVersion = "strategy_version"
        case barTime = "bar_time"
        case rule
        case leg
    }

    /// Decodes an order; a limit order needs `limit_price` and a stop order `stop_price`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clientOrderID = try container.decode(ClientOrderID.self, forKey: .clientOrderID)
        symbol = try container.decode(String.self, forKey: .symbol)
        side = try container.decode(OrderSide.self, forKey: .side)
        quantity = try container.decode(Double.self, forKey: .quantity)
        let typeName = try container.decode(String.self, forKey: .orderType)
        switch typeName {
        case "market":
            type = .market
        case "limit":
            type = .limit(price: try container.decode(Double.self, forKey: .limitPrice))
        case "stop":
            type = .stop(stopPrice: try container.decode(Double.self, forKey: .stopPrice))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .orderType, in: container,
                debugDescription: "unknown order type '\(typeName)' (market, limit or stop)")
        }
        timeInForce = try container.decode(TimeInForce.self, forKey: .timeInForce)
        strategy = try container.decode(String.self, forKey: .strategy)
        strategyVersion = try container.decode(String.self, forKey: .strategyVersion)
        barTime = try container.decode(Int64.self, forKey: .barTime)
        rule = try container.decode(OrderRule.self, forKey: .rule)
        leg = try container.decode(Int.self, forKey: .leg)
    }

    /// Encodes the order with snake_case keys; the type's price goes under `limit_price` or `stop_price`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clientOrderID, forKey: .clientOrderID)
        try container.encode(symbol, forKey: .symbol)
        try container.encode(side, forKey: .side)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(type.name, forKey: .orderType)
        try container.encodeIfPresent(type.limitPrice, forKey: .limitPrice)
        try container.encodeIfPresent(type.stopPrice, forKey: .stopPrice)
        try container.encode(timeInForce, forKey: .timeInForce)
        try container.encode(strategy, forKey: .strategy)
        try container.encode(strategyVersion, forKey: .strategyVersion)
        try container.encode(barTime, forKey: .barTime)
        try container.encode(rule, forKey: .rule)
        try container.encode(leg, forKey: .leg)
    }
}
