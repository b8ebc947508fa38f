import SextantCore

// Scalar values: what each scalar type accepts, and the E0107 messages when it does not.
extension SchemaValidator {
    /// Validates a scalar as a value of a scalar `type`.
    mutating func scalar(_ scalar: YAMLScalar, _ type: SchemaType, path: String, keySpan: SourceSpan) -> SchemaValue? {
        let text = scalar.value
        switch type {
        case .expression:
            // Expressions stay unparsed; a YAML number or bool is fine, its text is the expression.
            return .expression(ExpressionField(path: path, keySpan: keySpan, source: scalar.expressionSource))
        case .text(let rule):
            guard rule.accepts(text) else { return invalid(scalar, type, path: path) }
            if case .notation = rule { return .notation(scalar.expressionSource) }
            return .text(scalar.located)
        case .identifier:
            guard KeyRule.isIdentifier(text) else {
                return invalid(scalar, type, path: path, suggestion: "e.g. `\(KeyRule.suggestedIdentifier(for: text))`")
            }
            return .text(scalar.located)
        case .words(let words):
            guard words.contains(text) else {
                let closest = Suggestion.closest(to: text, in: words)
                return invalid(scalar, type, path: path, suggestion: closest.map { "did you mean `\($0)`?" })
            }
            return .text(scalar.located)
        case .number(let rule):
            return number(scalar, rule: rule, type: type, path: path)
        case .integer(let minimum):
            guard scalar.style == .plain, SchemaValidator.isInteger(text), let value = Int(text.trimmingPlus),
                value >= minimum
            else {
                return invalid(scalar, type, path: path, suggestion: quotedNumberHint(scalar))
            }
            return .integer(Located(value, span: scalar.span))
        case .bool:
            guard scalar.style == .plain, let value = SchemaValidator.bools[text] else {
                let yaml11 = ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
                return invalid(
                    scalar, type, path: path,
                    suggestion: yaml11 || scalar.style != .plain ? "write `true` or `false`" : nil)
            }
            return .bool(Located(value, span: scalar.span))
        case .path:
            guard !text.trimmingSpaces.isEmpty, !text.contains("\n") else { return invalid(scalar, type, path: path) }
            return .text(scalar.located)
        case .timeframe:
            guard let first = text.unicodeScalars.first, ("1"..."9").contains(first), let timeframe = Timeframe(text)
            else {
                return invalid(
                    scalar, type, path: path,
                    suggestion:
                        "write a whole number and a unit: s (seconds), m (minutes), h (hours), d (days) or w (weeks)")
            }
            return .timeframe(Located(timeframe, span: scalar.span))
        case .list, .map, .object, .oneOf:
            return nil
        }
    }

    private mutating func number(_ scalar: YAMLScalar, rule: NumberRule, type: SchemaType, path: String) -> SchemaValue?
    {
        var text = scalar.value
        guard scalar.style == .plain else {
            return invalid(scalar, type, path: path, suggestion: quotedNumberHint(scalar))
        }
        if rule.allowsNA, text == "na" { return .number(Located(.nan, span: scalar.span)) }
        let isPercent = rule.allowsPercent && text.hasSuffix("%")
        if isPercent { text.removeLast() }
        guard SchemaValidator.isDecimal(text), let parsed = Double(text.trimmingPlus), parsed.isFinite else {
            return invalid(
                scalar, type, path: path, suggestion: text.contains("_") ? "write the number without `_`" : nil)
        }
        let value = isPercent ? parsed / 100 : parsed
        if let minimum = rule.minimum, value < minimum {
            report(
                .invalidValue, "\(name(of: path)) must be at least \(JSONValue.format(minimum)), not `\(scalar.value)`",
                at: scalar.span)
            return nil
        }
        return .number(Located(value, span: scalar.span))
    }

    private mutating func invalid(_ scalar: YAMLScalar, _ type: SchemaType, path: String, suggestion: String? = nil)
        -> SchemaValue?
    {
        let shown = scalar.style.isQuotedOrBlock ? "the text \"\(scalar.value)\"" : "`\(scalar.value)`"
        report(
            .invalidValue, "\(name(of: path)) must be \(type.expectation), not \(shown)", at: scalar.span,
            suggestion: suggestion)
        return nil
    }

    private func quotedNumberHint(_ scalar: YAMLScalar) -> String? {
        scalar.style.isQuotedOrBlock && SchemaValidator.isDecimal(scalar.value)
            ? "remove the quotes: a quoted value is text" : nil
    }

    /// `true` and `false` as YAML 1.2 spells them. YAML 1.1's `yes`/`no`/`on`/`off` are refused:
    /// readers disagree on them.
    static let bools: [String: Bool] = [
        "true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false,
    ]

    /// True for `[+-]?digits`.
    static func isInteger(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// True for a decimal number: `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`, which is
    /// what YAML 1.2 reads as a float (without `.inf`/`.nan`) and what `Double` must not be given
    /// anything beyond (it would also accept hexadecimal and `nan`).
    static func isDecimal(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        let whole = scalars.prefix(while: isDigit)
        scalars = scalars.dropFirst(whole.count)
        var fraction = Substring.UnicodeScalarView.SubSequence()
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            fraction = scalars.prefix(while: isDigit)
            scalars = scalars.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if let marker = scalars.first, marker == "e" || marker == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            scalars = scalars.dropFirst(exponent.count)
        }
        return scalars.isEmpty
    }
}

extension String {
    /// The text without a leading `+` (which `Int` and `Double` parse, but not uniformly).
    fileprivate var trimmingPlus: String { hasPrefix("+") ? String(dropFirst()) : self }
}
