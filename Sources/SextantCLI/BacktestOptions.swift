import ArgumentParser
import SextantBacktest
import SextantLanguage

/// The options `backtest` and `optimize` share: the data, params, cash and the fill and cost model.
struct BacktestOptions: ParsableArguments {
    @ArgumentParser.Argument(help: "The strategy file.")
    var strategy: String

    @Option(
        help: """
            A bar file (CSV) or postgres:SYMBOL@TIMEFRAME (bars in the --store), or ALIAS=… for each symbol \
            alias the strategy declares (repeatable).
            """)
    var data: [String] = []

    @OptionGroup var store: StoreOption

    @Option(help: "Override a param, as NAME=VALUE (repeatable; `1%` = 0.01).")
    var param: [String] = []

    @Option(help: "Starting cash.")
    var cash: Double = 10_000

    @Option(help: "Commission per fill as a fraction of its value: 0.002 or 0.2%.")
    var commission: String = "0"

    @Option(name: .customLong("commission-fixed"), help: "A fixed commission per fill, added to --commission.")
    var commissionFixed: Double = 0

    @Option(
        help:
            "Slippage against every fill: a price distance (0.05), a percent (0.1%) or a multiple of ATR(14) (0.5atr).")
    var slippage: String = "0"

    @Option(help: "Bid-ask spread as a fraction of the price, paid once at entry (Backtesting.py's spread).")
    var spread: Double = 0

    @Option(help: "When orders fill: next-open or close (default: the strategy's orders.fill, else next-open).")
    var fill: String?

    @Option(help: "Which sides may be opened: both, long or short (default: the strategy's orders.direction).")
    var direction: String?

    @Option(help: "The most trades open in one direction (default: the strategy's orders.pyramiding, else 1).")
    var pyramiding: Int?

    @Flag(
        name: .customLong("close-at-end"), help: "Close trades still open on the last bar and count them in the stats.")
    var closeAtEnd = false

    /// The request these options describe.
    func request() throws -> BacktestRequest {
        var settings = BacktestSettings()
        guard cash.isFinite, cash > 0 else { throw ValidationError("--cash must be a positive number") }
        settings.cash = cash
        guard let rate = Self.fraction(commission), rate >= 0, rate < 1 else {
            throw ValidationError(
                "--commission expects a fraction like 0.002 or a percent like 0.2%, got `\(commission)`")
        }
        guard commissionFixed.isFinite, commissionFixed >= 0 else {
            throw ValidationError("--commission-fixed must be ≥ 0")
        }
        settings.commission = Commission(rate: rate, fixed: commissionFixed)
        guard let slip = Slippage(parsing: slippage) else {
            throw ValidationError("--slippage expects 0.05, 0.1% or 0.5atr, got `\(slippage)`")
        }
        settings.slippage = slip
        guard spread.isFinite, spread >= 0, spread < 1 else { throw ValidationError("--spread must be in [0, 1)") }
        settings.spread = spread
        settings.closeAtEnd = closeAtEnd
        var fillOverride: OrdersSection.Fill?
        if let fill {
            guard let value = OrdersSection.Fill(rawValue: fill.replacingOccurrences(of: "-", with: "_")) else {
                throw ValidationError("--fill expects next-open or close, got `\(fill)`")
            }
            fillOverride = value
        }
        var directionOverride: OrdersSection.Direction?
        if let direction {
            guard let value = OrdersSection.Direction(rawValue: direction) else {
                throw ValidationError("--direction expects both, long or short, got `\(direction)`")
            }
            directionOverride = value
        }
        if let pyramiding, pyramiding < 1 { throw ValidationError("--pyramiding must be ≥ 1") }
        guard !data.isEmpty else { throw ValidationError("give the bars with --data FILE") }
        return BacktestRequest(
            strategyPath: strategy, data: data.map(Self.dataFile), params: try Self.params(param), settings: settings,
            fill: fillOverride, direction: directionOverride, pyramiding: pyramiding)
    }

    /// The request, with the `postgres:` entries of `--data` read from the store.
    func loadedRequest() async throws -> BacktestRequest {
        var request = try request()
        request.preloadedBars = try await StoreBars.preload(request.data.map(\.path), store: store)
        return request
    }

    /// `FILE` or `ALIAS=FILE` (an alias is a name: letters, digits and `_`).
    static func dataFile(_ text: String) -> (alias: String?, path: String) {
        if let equals = text.firstIndex(of: "="), equals != text.startIndex {
            let alias = text[..<equals]
            if alias.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                return (String(alias), String(text[text.index(after: equals)...]))
            }
        }
        return (nil, text)
    }

    /// `NAME=VALUE` pairs; values are numbers or percents.
    static func params(_ texts: [String]) throws -> [String: Double] {
        var params: [String: Double] = [:]
        for text in texts {
            let (name, value) = try EvalCommand.pair(text, "--param")
            guard let number = fraction(value) else {
                throw ValidationError("--param \(name): `\(value)` is not a number")
            }
            params[name] = number
        }
        return params
    }

    /// A number, or a percent (`0.2%` = 0.002).
    static func fraction(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            return Double(trimmed.dropLast()).flatMap { $0.isFinite ? $0 / 100 : nil }
        }
        return Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
    }
}
