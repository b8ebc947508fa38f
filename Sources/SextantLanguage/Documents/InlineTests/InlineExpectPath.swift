/// What a key of an inline test's `expect:` names: a signal or `let` of the strategy (the bars where
/// it is true), or an event of the simulated run (the bars where it happened).
///
/// ```swift
/// InlineExpectPath("fills.buy")              // .fills(buy: true)
/// InlineExpectPath("rejections.cooldown")    // .rejections(reason: "cooldown")
/// InlineExpectPath("entry.lng")              // nil
/// ```
public enum InlineExpectPath: Hashable, Sendable, CustomStringConvertible {
    /// `entry.long`, `entry.short`, `exit.long`, `exit.short`.
    case signal(entry: Bool, long: Bool)
    /// `let.<name>`: a boolean `let` binding.
    case binding(String)
    /// `fills.buy` or `fills.sell`: bars where a fill bought (long entries, short exits) or sold.
    case fills(buy: Bool)
    /// `trades.entry` or `trades.exit`: the entry or exit bars of closed trades.
    case trades(entry: Bool)
    /// `rejections` or `rejections.<reason>`: bars of orders refused outright (for that reason).
    case rejections(reason: String?)
    /// `shrunk` or `shrunk.<reason>`: bars of orders filled with fewer units than asked.
    case shrunk(reason: String?)

    /// The reasons an order is refused or shrunk (`rejections[].reason` of the backtest JSON).
    ///
    /// The language cannot import the backtester (modules are layers), so the names are listed here
    /// too; a test in SextantBacktestTests keeps this list equal to `RejectionReason.allCases`.
    public static let rejectionReasons = [
        "zero_size", "insufficient_cash", "max_position", "max_daily_loss", "max_drawdown", "cooldown",
        "max_trades_per_day", "conflicting_signals",
    ]

    /// Every path that names no `let`, in documentation order: for did-you-mean suggestions.
    public static let fixedPaths: [String] =
        [
            "entry.long", "entry.short", "exit.long", "exit.short", "fills.buy", "fills.sell", "trades.entry",
            "trades.exit",
        ]
        + ["rejections"] + rejectionReasons.map { "rejections.\($0)" }
        + ["shrunk"] + rejectionReasons.map { "shrunk.\($0)" }

    /// Parses a path; nil when it has none of the forms above.
    public init?(_ path: String) {
        switch path {
        case "entry.long": self = .signal(entry: true, long: true)
        case "entry.short": self = .signal(entry: true, long: false)
        case "exit.long": self = .signal(entry: false, long: true)
        case "exit.short": self = .signal(entry: false, long: false)
        case "fills.buy": self = .fills(buy: true)
        case "fills.sell": self = .fills(buy: false)
        case "trades.entry": self = .trades(entry: true)
        case "trades.exit": self = .trades(entry: false)
        case "rejections": self = .rejections(reason: nil)
        case "shrunk": self = .shrunk(reason: nil)
        default:
            let parts = path.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { return nil }
            switch parts[0] {
            case "let" where KeyRule.isIdentifier(parts[1]): self = .binding(parts[1])
            case "rejections" where Self.rejectionReasons.contains(parts[1]): self = .rejections(reason: parts[1])
            case "shrunk" where Self.rejectionReasons.contains(parts[1]): self = .shrunk(reason: parts[1])
            default: return nil
            }
        }
    }

    /// The path as written.
    public var description: String {
        switch self {
        case .signal(let entry, let long): "\(entry ? "entry" : "exit").\(long ? "long" : "short")"
        case .binding(let name): "let.\(name)"
        case .fills(let buy): buy ? "fills.buy" : "fills.sell"
        case .trades(let entry): entry ? "trades.entry" : "trades.exit"
        case .rejections(let reason): reason.map { "rejections.\($0)" } ?? "rejections"
        case .shrunk(let reason): reason.map { "shrunk.\($0)" } ?? "shrunk"
        }
    }

    /// The graph output a signal or `let` path reads (`entry.long`, `let.busy`); nil for simulation events.
    public var graphOutput: String? {
        switch self {
        case .signal, .binding: description
        case .fills, .trades, .rejections, .shrunk: nil
        }
    }

    /// A JSON Schema `propertyNames` pattern accepting exactly the paths `init` accepts.
    static var pattern: String {
        let reasons = rejectionReasons.joined(separator: "|")
        return "^((entry|exit)\\.(long|short)|let\\.[A-Za-z_][A-Za-z0-9_]*|fills\\.(buy|sell)|trades\\.(entry|exit)"
            + "|(rejections|shrunk)(\\.(\(reasons)))?)$"
    }
}
