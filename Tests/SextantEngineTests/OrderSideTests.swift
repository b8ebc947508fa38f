import SextantEngine
import Testing

@Suite struct OrderSideTests {
    @Test func rawValues() {
        #expect(OrderSide.buy.rawValue == "buy")
        #expect(OrderSide(rawValue: "sell") == .sell)
    }
}
