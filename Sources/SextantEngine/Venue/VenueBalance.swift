/// One balance of a venue account.
public struct VenueBalance: Sendable, Hashable {
    /// The account (the paper venue keeps one per strategy and symbol: `strategy/symbol`).
    public var account: String
    /// Free cash, in the account currency.
    public var cash: Double
    /// Cash plus open positions marked at the latest price.
    public var equity: Double

    /// A balance.
    public init(account: String, cash: Double, equity: Double) {
        self.account = account
        self.cash = cash
        self.equity = equity
    }
}
