public import SextantCore

/// A `kind: strategy` file (DSL.md §2): signals, sizing, stops, limits and inline tests.
public struct StrategyDocument: Sendable {
    /// The file it was loaded from.
    public var file: SourceFile
    /// `name:` (required).
    public var name: Located<String>
    /// `description:`.
    public var description: String?
    /// `symbols:`; a plain list gives each symbol itself as alias, a map gives explicit aliases.
    /// Empty means "whatever symbol the run is given".
    public var symbols: [SymbolDeclaration]
    /// `timeframe:` (`1d` when absent).
    public var timeframe: Located<Timeframe>?
    /// `params:` in source order.
    public var params: [ParamDeclaration]
    /// `let:` in source order.
    public var lets: [LetDeclaration]
    /// `entry:` signals.
    public var entry: SignalSection
    /// `exit:` signals.
    public var exit: SignalSection
    /// `size:`; absent means all-in, whole units (Backtesting.py's default).
    public var size: ExpressionField?
    /// `stops:`.
    public var stops: StopsSection
    /// `risk:`, the strategy's own limits.
    public var risk: StrategyRiskSection
    /// `orders:`, the order semantics.
    public var orders: OrdersSection
    /// `tests:`, the inline tests run by `sextant test`.
    public var tests: [InlineTest]

    /// Creates a strategy document with defaults for everything but its name.
    public init(file: SourceFile, name: Located<String>) {
        self.file = file
        self.name = name
        self.description = nil
        self.symbols = []
        self.timeframe = nil
        self.params = []
        self.lets = []
        self.entry = SignalSection()
        self.exit = SignalSection()
        self.size = nil
        self.stops = StopsSection()
        self.risk = StrategyRiskSection()
        self.orders = OrdersSection()
        self.tests = []
    }
}

/// One symbol a strategy trades or reads: `eth: ETH/USDT`, or `GOOG` (alias = symbol).
public struct SymbolDeclaration: Sendable {
    /// The name used in expressions (`eth.close`).
    public var alias: String
    /// The market symbol.
    public var symbol: String
    /// Where it is declared.
    public var span: SourceSpan

    /// Creates a declaration.
    public init(alias: String, symbol: String, span: SourceSpan) {
        self.alias = alias
        self.symbol = symbol
        self.span = span
    }
}

/// A `params:` entry: `fast: {value: 10, range: [5, 50, 5], doc: …}` or `risk_per_trade: 1%`.
public struct ParamDeclaration: Sendable {
    /// The param's name.
    public var name: String
    /// The span of its key.
    public var nameSpan: SourceSpan
    /// The default value, an expression the checker requires to be constant.
    public var value: ExpressionField
    /// `range: [start, stop, step]` for the optimizer.
    public var range: Located<[Double]>?
    /// `doc:`.
    public var doc: String?

    /// Creates a declaration.
    public init(
        name: String, nameSpan: SourceSpan, value: ExpressionField, range: Located<[Double]>? = nil, doc: String? = nil
    ) {
        self.name = name
        self.nameSpan = nameSpan
        self.value = value
        self.range = range
        self.doc = doc
    }
}

/// A `let:` binding.
public struct LetDeclaration: Sendable {
    /// The binding's name.
    public var name: String
    /// The span of its key.
    public var nameSpan: SourceSpan
    /// Its expression.
    public var value: ExpressionField

    /// Creates a binding.
    public init(name: String, nameSpan: SourceSpan, value: ExpressionField) {
        self.name = name
        self.nameSpan = nameSpan
        self.value = value
    }
}

/// `entry:` or `exit:`: one condition per side.
public struct SignalSection: Sendable {
    /// `long:`.
    public var long: ExpressionField?
    /// `short:`.
    public var short: ExpressionField?

    /// Creates a section.
    public init(long: ExpressionField? = nil, short: ExpressionField? = nil) {
        self.long = long
        self.short = short
    }

    /// True when neither side is given.
    public var isEmpty: Bool { long == nil && short == nil }
}

/// `stops:`: distances from the entry price, and a bar limit.
public struct StopsSection: Sendable {
    /// `loss:`, a price distance below (long) or above (short) the entry.
    public var loss: ExpressionField?
    /// `trailing:`, a distance from the best price since entry.
    public var trailing: ExpressionField?
    /// `take_profit:`, a distance in the position's favour.
    public var takeProfit: ExpressionField?
    /// `max_bars:`, the most bars a trade is held.
    public var maxBars: ExpressionField?

    /// Creates a section.
    public init() {}

    /// True when no stop is given.
    public var isEmpty: Bool { loss == nil && trailing == nil && takeProfit == nil && maxBars == nil }

    /// The given stops in document order.
    public var fields: [ExpressionField] { [loss, trailing, takeProfit, maxBars].compactMap { $0 } }
}

/// A strategy's own `risk:` section; every value is an expression.
public struct StrategyRiskSection: Sendable {
    /// `max_position:`, e.g. `25% of equity`.
    public var maxPosition: ExpressionField?
    /// `max_daily_loss:`, e.g. `3% of equity`.
    public var maxDailyLoss: ExpressionField?
    /// `max_drawdown:`, e.g. `20%`: no new entries past it.
    public var maxDrawdown: ExpressionField?
    /// `cooldown:`, e.g. `5 bars` after a losing exit.
    public var cooldown: ExpressionField?
    /// `max_trades_per_day:`.
    public var maxTradesPerDay: ExpressionField?

    /// Creates a section.
    public init() {}

    /// The given limits in document order.
    public var fields: [ExpressionField] {
        [maxPosition, maxDailyLoss, maxDrawdown, cooldown, maxTradesPerDay].compactMap { $0 }
    }
}

/// `orders:`: overrides of the default order semantics of DSL.md §2.
public struct OrdersSection: Sendable {
    /// When a signal's order fills.
    public enum Fill: String, Sendable, CaseIterable {
        /// At the next bar's open (the default, as Backtesting.py).
        case nextOpen = "next_open"
        /// At the signal bar's close.
        case close
    }

    /// Which sides may be traded.
    public enum Direction: String, Sendable, CaseIterable {
        case both
        case long
        case short
    }

    /// `fill:`.
    public var fill: Fill = .nextOpen
    /// `direction:`.
    public var direction: Direction = .both
    /// `pyramiding:`, the most entries in one direction (1 = no pyramiding).
    public var pyramiding: Int = 1

    /// Creates a section with the defaults.
    public init() {}
}

/// One entry of `tests:` (run by `sextant test`).
public struct InlineTest: Sendable {
    /// `name:`.
    public var name: Located<String>
    /// `bars:`: a column name (`close`, `open`, `eth.close`…) to its values, as a list or the compact
    /// notation `"100+1x30"` (checked by the loader, expanded by `InlineSeries.expanded`).
    public var bars: [(field: Located<String>, values: Located<InlineSeries>)]
    /// `params:` overrides.
    public var params: [(name: Located<String>, value: Located<Double>)]
    /// `expect:`: a path (`entry.long`, `fills.buy`; see `InlineExpectPath`) to the bar indexes where
    /// the signal must be true or the event must happen.
    public var expect: [(path: Located<String>, bars: Located<[Int]>)]
    /// Where the test is declared.
    public var span: SourceSpan

    /// Creates a test.
    public init(name: Located<String>, span: SourceSpan) {
        self.name = name
        self.bars = []
        self.params = []
        self.expect = []
        self.span = span
    }
}

/// The values of one input column of an inline test.
public enum InlineSeries: Sendable {
    /// An explicit list (`[10, 10, 9, 12]`; `na` for missing values).
    case values([Double])
    /// The compact notation (`"100+1x30 130-2x5"`), kept as written.
    case notation(String)

    /// The bar values, NaN where missing. A notation the loader reported as malformed (E0504) is
    /// never in a document that loaded cleanly; here it expands to no values.
    public var expanded: [Double] {
        switch self {
        case .values(let values): values
        case .notation(let text): BarNotation.expand(text).values
        }
    }
}
