/// The checks every `TradingStore` implementation passes: intents, order states, fills, positions,
/// lists of intents and order-book writes, risk events, equity, strategy versions and runs, reopening,
/// and concurrency.
public enum StoreConformance {
    /// Every check, grouped by concern.
    public static let checks: [StoreCheck] =
        intentChecks + orderStateChecks + fillChecks + batchChecks + positionChecks + riskAndEquityChecks
        + strategyChecks
        + recoveryChecks + concurrencyChecks
}
