import SextantCore

/// A value that passed the schema: typed, located, and free of invalid entries (those were
/// reported and dropped), so the document builders read it without further checks.
enum SchemaValue: Sendable {
    case expression(ExpressionField)
    case text(Located<String>)
    /// Text the loader reads further with located errors (the bar notation of inline tests): the
    /// value with its map back into the file.
    case notation(ExpressionSource)
    case number(Located<Double>)
    case integer(Located<Int>)
    case bool(Located<Bool>)
    case timeframe(Located<Timeframe>)
    case list([SchemaValue], span: SourceSpan)
    case mapping(SchemaMapping)

    /// Where the value is written.
    var span: SourceSpan {
        switch self {
        case .expression(let field): field.source.wholeSpan
        case .text(let value): value.span
        case .notation(let source): source.wholeSpan
        case .number(let value): value.span
        case .integer(let value): value.span
        case .bool(let value): value.span
        case .timeframe(let value): value.span
        case .list(_, let span): span
        case .mapping(let mapping): mapping.span
        }
    }

    /// The expression, when the value is one.
    var expression: ExpressionField? {
        if case .expression(let field) = self { return field }
        return nil
    }

    /// The text, when the value is text (words, names, paths…).
    var text: Located<String>? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The number, when the value is one.
    var number: Located<Double>? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The whole number, when the value is one.
    var integer: Located<Int>? {
        if case .integer(let integer) = self { return integer }
        return nil
    }

    /// The bool, when the value is one.
    var bool: Located<Bool>? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The timeframe, when the value is one.
    var timeframe: Located<Timeframe>? {
        if case .timeframe(let timeframe) = self { return timeframe }
        return nil
    }

    /// The items, when the value is a list.
    var list: [SchemaValue]? {
        if case .list(let items, _) = self { return items }
        return nil
    }

    /// The mapping, when the value is one.
    var mapping: SchemaMapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }
}
