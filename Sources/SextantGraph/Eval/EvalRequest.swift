/// What `sextant eval` evaluates: named expressions over a bar file, optionally in a strategy's scope.
public struct EvalRequest: Sendable {
    /// The bar file of the primary symbol.
    public var dataPath: String
    /// Further symbols by alias (`--symbol eth=ETH.csv`), aligned to the primary by timestamp.
    public var symbols: [(alias: String, path: String)]
    /// `NAME=EXPR` pairs in command-line order.
    public var expressions: [(name: String, text: String)]
    /// A strategy whose params and lets are in scope.
    public var strategyPath: String?
    /// Param overrides (`--param fast=5`).
    public var params: [String: Double]

    /// Creates a request.
    public init(
        dataPath: String, symbols: [(alias: String, path: String)] = [], expressions: [(name: String, text: String)],
        strategyPath: String? = nil, params: [String: Double] = [:]
    ) {
        self.dataPath = dataPath
        self.symbols = symbols
        self.expressions = expressions
        self.strategyPath = strategyPath
        self.params = params
    }
}
