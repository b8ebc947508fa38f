public import SextantCore

/// One function of the strategy language: its signature, result, warm-up and documentation.
///
/// `BuiltinTable` lists every builtin exactly once; the checker, the compiler, `sextant functions`
/// and the JSON Schema all read it (the way PromQL's `parser/functions.go` does).
public struct Builtin: Sendable {
    /// The name as written in expressions (lower snake case).
    public let name: String
    /// Where `sextant functions` groups it.
    public let category: BuiltinCategory
    /// Parameters in positional order.
    public let parameters: [BuiltinParameter]
    /// The result shape.
    public let result: BuiltinResult
    /// Bars it needs before its first valid value, given its settings (TA-Lib's "lookback").
    public let warmup: WarmupRule
    /// Bar columns of the current symbol it reads implicitly (`atr(14)` reads high, low, close).
    public let reads: [BarField]
    /// One line for `sextant functions` and editor hovers.
    public let doc: String
    /// Where in a document it may be used.
    public let context: BuiltinContext
    /// Its batch kernel and streaming twin behind one interface, which the graph evaluators call.
    ///
    /// nil for the sizing functions (the simulation evaluates those per order) and for builtins whose
    /// kernels are not wired yet; every other builtin has one (a coverage test keeps it so).
    public let kernel: BuiltinKernel?

    /// Creates a table entry. `kernel` has no default so that every entry states it, nil included.
    public init(
        _ name: String, _ category: BuiltinCategory, _ parameters: [BuiltinParameter],
        returns result: BuiltinResult, warmup: WarmupRule, reads: [BarField] = [],
        context: BuiltinContext = .anywhere, kernel: BuiltinKernel?, doc: String
    ) {
        self.name = name
        self.category = category
        self.parameters = parameters
        self.result = result
        self.warmup = warmup
        self.reads = reads
        self.doc = doc
        self.context = context
        self.kernel = kernel
    }

    /// The signature as shown to users: `sma(source: series, length: length) -> series<number>`, with a
    /// raised minimum after the role (`hurst(source: series, length: length ≥ 17) -> series<number>`).
    public var signature: String {
        let params = parameters.map { parameter in
            var text = "\(parameter.name): \(parameter.role.displayName)"
            if parameter.raisesMinimum, let minimum = parameter.minimum { text += " ≥ \(minimum)" }
            if let value = parameter.defaultValue { text += " = \(BuiltinParameter.format(value))" }
            return text
        }
        return "\(name)(\(params.joined(separator: ", "))) -> \(result.displayName)"
    }

    /// The parameter with the given name.
    public func parameter(named name: String) -> BuiltinParameter? {
        parameters.first { $0.name == name }
    }

    /// How many leading parameters have no default.
    public var requiredCount: Int { parameters.prefix { $0.defaultValue == nil }.count }
}
