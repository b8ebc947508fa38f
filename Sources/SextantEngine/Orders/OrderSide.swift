/// Buy or sell.
public enum OrderSide: String, Sendable, Hashable, Codable {
    case buy
    case sell
}
