/// The kind of value a key holds, in the declarative schema of DSL.md §2 and §4.
///
/// One set of these values describes every section of the three document kinds; the validator
/// checks files against them and `DocumentSchema.jsonSchema()` prints them as JSON Schema, so the
/// two cannot drift apart.
indirect enum SchemaType: Sendable {
    /// An expression of the language, kept unparsed; the hint says what it should compute.
    case expression(ExpressionHint)
    /// Text of a given form.
    case text(TextRule)
    /// A name usable in expressions: `[A-Za-z_][A-Za-z0-9_]*`.
    case identifier
    /// One of a fixed set of words (`next_open`, `close`).
    case words([String])
    /// A number (with `%` and `na` where the rule allows).
    case number(NumberRule)
    /// A whole number of at least `minimum`.
    case integer(minimum: Int)
    /// `true` or `false`.
    case bool
    /// A file path relative to the file's folder; `globs` allows `*` patterns.
    case path(globs: Bool)
    /// A bar length such as `15m` or `1d`.
    case timeframe
    /// A list of values of one type; `count` bounds its length.
    case list(SchemaType, count: ClosedRange<Int>? = nil)
    /// A mapping whose keys the analyst chooses (`params`, `let`), all values of one type.
    case map(keys: KeyRule, values: SchemaType)
    /// A mapping with fixed keys.
    case object([SchemaField])
    /// One of several shapes, told apart by the YAML node: a value, a list or a mapping.
    case oneOf([SchemaType])

    /// The YAML node shapes a value of this type can have.
    var shapes: Set<SchemaShape> {
        switch self {
        case .expression, .text, .identifier, .words, .number, .integer, .bool, .path, .timeframe: [.scalar]
        case .list: [.list]
        case .map, .object: [.mapping]
        case .oneOf(let alternatives): alternatives.reduce(into: []) { $0.formUnion($1.shapes) }
        }
    }

    /// How the type reads in a message: "an expression", "a mapping of `long`, `short`".
    var expectation: String {
        switch self {
        case .expression: "an expression"
        case .text(let rule): rule.expectation
        case .identifier: "a name (letters, digits and `_`)"
        case .words(let words):
            words.count == 1 ? "`\(words[0])`" : "one of " + words.map { "`\($0)`" }.joined(separator: ", ")
        case .number(let rule): rule.allowsPercent ? "a number or percent" : "a number"
        case .integer(let minimum): "a whole number ≥ \(minimum)"
        case .bool: "`true` or `false`"
        case .path(let globs): globs ? "a path or glob pattern" : "a path"
        case .timeframe: "a timeframe such as `15m`, `4h` or `1d`"
        case .list(let element, let count):
            if let count, count.lowerBound == count.upperBound {
                "a list of \(count.lowerBound) × \(element.expectation)"
            } else {
                "a list of \(element.expectation)"
            }
        case .map: "a mapping"
        case .object(let fields): "a mapping of " + fields.map { "`\($0.key)`" }.joined(separator: ", ")
        case .oneOf(let alternatives): alternatives.map(\.expectation).joined(separator: " or ")
        }
    }
}
