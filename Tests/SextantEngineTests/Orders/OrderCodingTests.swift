import Foundation
import SextantEngine
import Testing

/// JSON of orders and fills (snake_case), sides, rules and times in force, and order validity.
@Suite struct OrderCodingTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The whole order, key by key.
    @Test func orderJSON() throws {
        let expected = #"""
            {"bar_time":1700000000,"client_order_id":"6a1f46bb-7dc8-8379-910b-bb5be5a92174","leg":0,\#
            "limit_price":100,"order_type":"limit","quantity":10,"rule":"entry.long","side":"buy",\#
            "strategy":"sma_cross",\#
            "strategy_version":"564d0b9284e80fbe9e5ac027e54417cd614c96800bddd0f10795247b516cf145",\#
            "symbol":"BTCUSDT","time_in_force":"gtc"}
            """#
        #expect(try Self.json(OrderFixtures.order) == expected)
    }

    /// Every type with every time in force survives a round trip; only the type's own price is written.
    @Test(arguments: [OrderType.market, .limit(price: 101.25), .stop(stopPrice: 95.5)], TimeInForce.allCases)
    func orderRoundTrip(_ type: OrderType, _ timeInForce: TimeInForce) throws {
        var order = OrderFixtures.order
        order.type = type
        order.timeInForce = timeInForce
        order.side = .sell
        let data = try JSONEncoder().encode(order)
        #expect(try JSONDecoder().decode(Order.self, from: data) == order)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("limit_price") == (type.limitPrice != nil))
        #expect(text.contains("stop_price") == (type.stopPrice != nil))
        #expect(text.contains(#""time_in_force":"\#(timeInForce.rawValue)""#))
    }

    /// A decoded order keeps its stored ID rather than deriving one: the stored ID is what the venue knows.
    @Test func decodedOrderKeepsItsStoredID() throws {
        let other = ClientOrderID(strategyVersion: "old", symbol: "BTCUSDT", barTime: 0, rule: .exitLong, leg: 0)
        let text = try Self.json(OrderFixtures.order)
            .replacingOccurrences(of: OrderFixtures.order.clientOrderID.rawValue, with: other.rawValue)
        let order = try JSONDecoder().decode(Order.self, from: Data(text.utf8))
        #expect(order.clientOrderID == other)
    }

    /// A type without its price, an unknown type, an unknown side or time in force: decoding errors.
    @Test(arguments: [
        (#""limit_price":100,"#, ""),
        (#""order_type":"limit""#, #""order_type":"stop""#),
        (#""order_type":"limit""#, #""order_type":"trailing""#),
        (#""side":"buy""#, #""side":"short""#),
        (#""time_in_force":"gtc""#, #""time_in_force":"gtd""#),
        (#""leg":0"#, #""leg":0.5"#),
    ])
    func malformedOrderFailsToDecode(_ original: String, _ replacement: String) throws {
        let text = try Self.json(OrderFixtures.order).replacingOccurrences(of: original, with: replacement)
        #expect(text != (try Self.json(OrderFixtures.order)))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Order.self, from: Data(text.utf8)) }
    }

    /// Sides are `buy` and `sell` in JSON, and nothing else decodes as one.
    @Test(arguments: [(OrderSide.buy, "buy"), (.sell, "sell")])
    func sideNames(_ side: OrderSide, _ name: String) throws {
        #expect(side.rawValue == name)
        #expect(try Self.json([side]) == #"["\#(name)"]"#)
        #expect(try JSONDecoder().decode([OrderSide].self, from: Data(#"["\#(name)"]"#.utf8)) == [side])
    }

    /// Rules are bare strings; the well-known ones spell the document paths.
    @Test(arguments: [
        (OrderRule.entryLong, "entry.long"), (.entryShort, "entry.short"), (.exitLong, "exit.long"),
        (.exitShort, "exit.short"), (.stopLoss, "stops.loss"), (.trailingStop, "stops.trailing"),
        (.takeProfit, "stops.take_profit"), (.maxBars, "stops.max_bars"), (.riskFlatten, "risk.flatten"),
    ])
    func ruleNames(_ rule: OrderRule, _ path: String) throws {
        #expect(rule.rawValue == path)
        #expect(try Self.json([rule]) == #"["\#(path)"]"#)
        #expect(try JSONDecoder().decode([OrderRule].self, from: Data(#"["\#(path)"]"#.utf8)) == [rule])
    }

    /// A fill's JSON, key by key, and its round trip.
    @Test func fillJSON() throws {
        let fill = OrderFixtures.fill("T-42", 0.5, at: 101.5, commission: 0.25)
        let expected = #"""
            {"client_order_id":"6a1f46bb-7dc8-8379-910b-bb5be5a92174","commission":0.25,"fill_id":"T-42",\#
            "price":101.5,"quantity":0.5,"time_ms":1700000060000}
            """#
        #expect(try Self.json(fill) == expected)
        #expect(try JSONDecoder().decode(Fill.self, from: Data(expected.utf8)) == fill)
    }

    /// What makes an order unsendable.
    @Test(arguments: [
        (1.0, OrderType.market, true), (0.001, .limit(price: 0.5), true), (2, .stop(stopPrice: 90), true),
        (0, .market, false), (-1, .market, false), (.nan, .market, false), (.infinity, .market, false),
        (1, .limit(price: 0), false), (1, .limit(price: .infinity), false), (1, .stop(stopPrice: .nan), false),
    ])
    func validity(_ quantity: Double, _ type: OrderType, _ valid: Bool) {
        var order = OrderFixtures.order
        order.quantity = quantity
        order.type = type
        #expect((order.invalidity == nil) == valid)
    }
}
