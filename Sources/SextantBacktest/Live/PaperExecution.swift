/// One execution in a paper book: a trade opened or closed at a price. The paper venue turns each into
/// a fill of the order that caused it (or of the stop that triggered it).
public struct PaperExecution: Sendable, Hashable {
    /// Signed units: positive buys, negative sells.
    public var units: Double
    /// The execution price, after slippage and spread.
    public var price: Double
    /// The fee of this execution.
    public var commission: Double
    /// Why a trade closed (nil for an entry): a stop, a signal, a reversal, a flatten…
    public var exitReason: ExitReason?
    /// The bar the trade was entered on (an exit names the entry it closes).
    public var entryBar: Int

    /// True for an entry.
    public var isEntry: Bool { exitReason == nil }
}
