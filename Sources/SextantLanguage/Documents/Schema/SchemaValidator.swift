/// Checks a YAML tree against the declarative schema.
///
/// Every problem is reported with the exact span it is about (an unknown key at the key, a bad
/// value at the value, a missing key at the key that opens its section) and the invalid entry is
/// dropped, so one pass reports everything and the builders only ever see valid values.
struct SchemaValidator {
    /// The problems found so far.
    private(set) var diagnostics: [Diagnostic] = []
    /// The document kind, for messages about the top level.
    let kind: DocumentKind

    /// A validator for a document of `kind`.
    init(kind: DocumentKind) {
        self.kind = kind
    }

    /// Validates the document's root mapping; `kindSpan` is where `kind:` is written, which
    /// messages about missing top-level keys point at.
    mutating func validateDocument(_ root: YAMLNode, kindSpan: SourceSpan) -> SchemaMapping? {
        object(root, fields: DocumentSchema.fields(for: kind), path: "", keySpan: kindSpan)
    }

    /// Validates `node` as a value of `type` found at `path` (`entry.long`, `tests[0].bars`),
    /// introduced by the key at `keySpan`.
    mutating func value(_ node: YAMLNode, _ type: SchemaType, path: String, keySpan: SourceSpan) -> SchemaValue? {
        if node.isNull {
            report(.wrongNodeKind, "\(name(of: path)) is empty: it needs \(type.expectation)", at: keySpan)
            return nil
        }
        switch type {
        case .object(let fields):
            return object(node, fields: fields, path: path, keySpan: keySpan).map(SchemaValue.mapping)
        case .map(let keys, let values):
            return map(node, keys: keys, values: values, path: path, keySpan: keySpan)
        case .list(let element, let count):
            return list(node, element: element, count: count, path: path)
        case .oneOf(let alternatives):
            guard let alternative = alternatives.first(where: { $0.shapes.contains(node.shape) }) else {
                wrongKind(node, type, path: path)
                return nil
            }
            return value(node, alternative, path: path, keySpan: keySpan)
        case .expression, .text, .identifier, .words, .number, .integer, .bool, .path, .timeframe:
            guard let scalar = node.scalar else {
                wrongKind(node, type, path: path)
                return nil
            }
            return self.scalar(scalar, type, path: path, keySpan: keySpan)
        }
    }

    // MARK: - Collections

    private mutating func object(_ node: YAMLNode, fields: [SchemaField], path: String, keySpan: SourceSpan)
        -> SchemaMapping?
    {
        guard case .mapping(let entries) = node.content else {
            wrongKind(node, .object(fields), path: path)
            return nil
        }
        var result = SchemaMapping(entries: [], span: node.span, keySpan: keySpan)
        var present = Set<String>()
        for entry in entries {
            let key = entry.key.value
            guard let field = fields.first(where: { $0.key == key }) else {
                unknownKey(entry.key, fields: fields, path: path)
                continue
            }
            present.insert(key)
            let keySpan = entry.key.span
            if let value = value(entry.value, field.type, path: join(path, key), keySpan: keySpan) {
                result.entries.append(SchemaEntry(key: Located(key, span: keySpan), value: value))
            }
        }
        for field in fields where field.isRequired && !present.contains(field.key) {
            let doc = field.doc.hasSuffix(".") ? String(field.doc.dropLast()) : field.doc
            report(
                .missingKey, "\(name(of: path)) needs `\(field.key):`", at: keySpan,
                suggestion: "add `\(field.key): …` (\(doc.prefix(1).lowercased() + doc.dropFirst()))")
        }
        return result
    }

    private mutating func map(_ node: YAMLNode, keys: KeyRule, values: SchemaType, path: String, keySpan: SourceSpan)
        -> SchemaValue?
    {
        guard case .mapping(let entries) = node.content else {
            wrongKind(node, .map(keys: keys, values: values), path: path)
            return nil
        }
        var result = SchemaMapping(entries: [], span: node.span, keySpan: keySpan)
        for entry in entries {
            let key = entry.key.value
            guard keys.accepts(key) else {
                badMapKey(entry.key, rule: keys, path: path)
                continue
            }
            let keySpan = entry.key.span
            if let value = value(entry.value, values, path: join(path, key), keySpan: keySpan) {
                result.entries.append(SchemaEntry(key: Located(key, span: keySpan), value: value))
            }
        }
        return .mapping(result)
    }

    private mutating func list(_ node: YAMLNode, element: SchemaType, count: ClosedRange<Int>?, path: String)
        -> SchemaValue?
    {
        guard case .sequence(let items) = node.content else {
            wrongKind(node, .list(element, count: count), path: path)
            return nil
        }
        if let count, !count.contains(items.count) {
            let wanted =
                count.lowerBound == count.upperBound
                ? "exactly \(count.lowerBound)"
                : count.upperBound == Int.max
                    ? "at least \(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            let shape = path.hasSuffix("range") ? " ([start, stop, step])" : ""
            report(.invalidValue, "\(name(of: path)) needs \(wanted) items\(shape), not \(items.count)", at: node.span)
            return nil
        }
        var values: [SchemaValue] = []
        values.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let value = value(item, element, path: "\(path)[\(index)]", keySpan: item.startSpan) {
                values.append(value)
            }
        }
        // A list of fixed length (a range triple) is all or nothing: a partial one would be
        // reported again, less clearly, by whoever reads it.
        if count != nil, values.count != items.count { return nil }
        return .list(values, span: node.span)
    }

    // MARK: - Reports

    private mutating func unknownKey(_ key: YAMLScalar, fields: [SchemaField], path: String) {
        let keyText = key.value
        let owner = name(of: path)
        let lowered = keyText.lowercased()
        if DocumentSchema.secretMarkers.contains(where: { lowered.contains($0) }) {
            report(
                .unknownKey,
                "`\(keyText)` looks like a secret: secrets never live in Sextant files, they come from the environment",
                at: key.span,
                suggestion:
                    "remove it; put the key in an environment variable and name that variable in the engine file's `venue.credentials`"
            )
            return
        }
        if keyText == "<<" {
            report(.unknownKey, "merge keys (`<<`) are not supported", at: key.span, suggestion: "write the keys out")
            return
        }
        let keys = fields.map(\.key)
        let closest = Suggestion.closest(to: keyText, in: keys)
        report(
            Diagnostic(
                .unknownKey, "`\(keyText)` is not a key of \(owner)", at: key.span,
                notes: [Diagnostic.Note("\(owner) takes " + keys.map { "`\($0)`" }.joined(separator: ", "))],
                suggestion: closest.map { "did you mean `\($0)`?" },
                fixIt: closest.map { Diagnostic.FixIt(replacing: key.span, with: $0) }))
    }

    private mutating func badMapKey(_ key: YAMLScalar, rule: KeyRule, path: String) {
        let keyText = key.value
        switch rule {
        case .barColumn:
            let column = String(keyText.split(separator: ".").last ?? Substring(keyText))
            let closest = Suggestion.closest(to: column, in: KeyRule.barColumns)
            report(
                .unknownKey, "`\(keyText)` is not a bar column: \(name(of: path)) takes \(rule.expectation)",
                at: key.span,
                suggestion: closest.map { "did you mean `\($0)`?" })
        case .signalPath:
            let closest = Suggestion.closest(to: keyText, in: InlineExpectPath.fixedPaths)
            var message = "`\(keyText)` is not something a test can expect: \(name(of: path)) takes \(rule.expectation)"
            let parts = keyText.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2, ["rejections", "shrunk"].contains(parts[0]) {
                message =
                    "`\(parts[1])` is not a rejection reason: `\(parts[0]).<reason>` takes "
                    + InlineExpectPath.rejectionReasons.map { "`\($0)`" }.joined(separator: ", ")
            }
            report(
                Diagnostic(
                    .invalidValue, message, at: key.span, suggestion: closest.map { "did you mean `\($0)`?" },
                    fixIt: closest.map { Diagnostic.FixIt(replacing: key.span, with: $0) }))
        case .identifier:
            report(
                .invalidValue, "`\(keyText)` cannot be a name: \(rule.expectation)", at: key.span,
                suggestion: "rename it, e.g. `\(KeyRule.suggestedIdentifier(for: keyText))`")
        }
    }

    /// Reports a node of the wrong shape (a list where a mapping is expected…).
    mutating func wrongKind(_ node: YAMLNode, _ type: SchemaType, path: String) {
        var suggestion: String?
        if case .scalar(let scalar) = node.content, type.shapes == [.list] {
            suggestion = "write a list: `[\(scalar.value)]`"
        } else if node.shape != .scalar, type.shapes == [.scalar], case .expression = type {
            suggestion = "an expression is one value; quote it if it contains `: ` or starts with `[`, `{` or `-`"
        }
        let span = node.scalar?.span ?? node.startSpan
        report(
            .wrongNodeKind, "\(name(of: path)) must be \(type.expectation), not \(node.summary)", at: span,
            suggestion: suggestion)
    }

    mutating func report(_ id: DiagnosticID, _ message: String, at span: SourceSpan, suggestion: String? = nil) {
        diagnostics.append(Diagnostic(id, message, at: span, suggestion: suggestion))
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// How a path reads in a message: "`entry.long`", or the kind for the top level.
    func name(of path: String) -> String {
        path.isEmpty ? (kind == .engine ? "an" : "a") + " \(kind.rawValue) file" : "`\(path)`"
    }

    private func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}

extension YAMLNode {
    /// The node's shape for choosing among `oneOf` alternatives.
    var shape: SchemaShape {
        switch content {
        case .scalar: .scalar
        case .sequence: .list
        case .mapping: .mapping
        }
    }
}

extension KeyRule {
    /// `text` turned into a valid identifier, for suggestions (`fast-ma` → `fast_ma`).
    static func suggestedIdentifier(for text: String) -> String {
        var result = String(text.unicodeScalars.map { $0.isASCIIWordCharacter ? Character($0) : "_" })
        if result.isEmpty || result.first?.isNumber == true { result = "_" + result }
        return result
    }
}
