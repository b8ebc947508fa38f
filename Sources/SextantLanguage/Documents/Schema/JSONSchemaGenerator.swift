/// Prints the declarative schema as JSON Schema (draft 2020-12).
///
/// The root is a `oneOf` of the three kinds, each a `$defs` entry whose `kind` is a `const`, so a
/// validator (or an editor's YAML extension) picks the kind's branch and reports keys per kind.
enum JSONSchemaGenerator {
    /// The whole schema.
    static func schema() -> JSONValue {
        let kinds = DocumentKind.allCases
        var definitions: [(key: String, value: JSONValue)] = kinds.map { kind in
            (kind.rawValue, object(DocumentSchema.fields(for: kind), description: DocumentSchema.summary(of: kind)))
        }
        definitions.append(
            (
                "expression",
                .object([
                    ("type", .array([.string("string"), .string("number"), .string("boolean")])),
                    (
                        "description",
                        .string(
                            "An expression of the Sextant language (DSL.md §3), written as one YAML scalar: plain, quoted or block."
                        )
                    ),
                ])
            ))
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("Sextant strategy, risk and engine files")),
            (
                "description",
                .string("Every Sextant file is one YAML document whose `kind` says which of the three it is.")
            ),
            ("type", .string("object")),
            ("required", .array([.string("kind")])),
            (
                "properties",
                .object([
                    (
                        "kind",
                        .object([
                            ("enum", .array(kinds.map { .string($0.rawValue) })),
                            ("description", .string("The document kind: strategy, risk or engine.")),
                        ])
                    )
                ])
            ),
            ("oneOf", .array(kinds.map { .object([("$ref", .string("#/$defs/\($0.rawValue)"))]) })),
            ("$defs", .object(definitions)),
        ])
    }

    /// A fixed-key section.
    private static func object(_ fields: [SchemaField], description: String?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", .string("object"))]
        if let description { members.append(("description", .string(description))) }
        members.append(("properties", .object(fields.map { ($0.key, property($0)) })))
        let required = fields.filter(\.isRequired).map { JSONValue.string($0.key) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("additionalProperties", .bool(false)))
        return .object(members)
    }

    /// A key's schema with its doc line and default.
    private static func property(_ field: SchemaField) -> JSONValue {
        var description = field.doc
        if case .expression(let hint) = field.type { description += " (\(hint.summary))" }
        var members = members(of: schema(for: field.type))
        members.append(("description", .string(description)))
        if let defaultValue = field.defaultValue { members.append(("default", defaultValue.json)) }
        return .object(members)
    }

    /// The schema of a value of `type`.
    static func schema(for type: SchemaType) -> JSONValue {
        switch type {
        case .expression:
            return .object([("$ref", .string("#/$defs/expression"))])
        case .text(let rule):
            var members: [(key: String, value: JSONValue)] = [("type", .string("string"))]
            if case .prose = rule {} else { members.append(("minLength", .integer(1))) }
            if let pattern = rule.pattern { members.append(("pattern", .string(pattern))) }
            return .object(members)
        case .identifier:
            return .object([("type", .string("string")), ("pattern", .string(KeyRule.identifier.pattern))])
        case .words(let words):
            if words.count == 1 { return .object([("const", .string(words[0]))]) }
            return .object([("type", .string("string")), ("enum", .array(words.map(JSONValue.string)))])
        case .number(let rule):
            return number(rule)
        case .integer(let minimum):
            return .object([("type", .string("integer")), ("minimum", .integer(minimum))])
        case .bool:
            return .object([("type", .string("boolean"))])
        case .path:
            return .object([("type", .string("string")), ("minLength", .integer(1))])
        case .timeframe:
            return .object([("type", .string("string")), ("pattern", .string("^[1-9][0-9]{0,6}[smhdw]$"))])
        case .list(let element, let count):
            var members: [(key: String, value: JSONValue)] = [
                ("type", .string("array")), ("items", schema(for: element)),
            ]
            if let count {
                if count.lowerBound > 0 { members.append(("minItems", .integer(count.lowerBound))) }
                if count.upperBound < Int.max { members.append(("maxItems", .integer(count.upperBound))) }
            }
            return .object(members)
        case .map(let keys, let values):
            return .object([
                ("type", .string("object")),
                ("propertyNames", .object([("pattern", .string(keys.pattern))])),
                ("additionalProperties", schema(for: values)),
            ])
        case .object(let fields):
            return object(fields, description: nil)
        case .oneOf(let alternatives):
            return .object([("oneOf", .array(alternatives.map(schema(for:))))])
        }
    }

    private static func number(_ rule: NumberRule) -> JSONValue {
        var plain: [(key: String, value: JSONValue)] = [("type", .string("number"))]
        if let minimum = rule.minimum { plain.append(("minimum", .number(minimum))) }
        var alternatives: [JSONValue] = [.object(plain)]
        if rule.allowsPercent {
            let sign = (rule.minimum ?? -1) >= 0 ? "" : "-?"
            alternatives.append(
                .object([("type", .string("string")), ("pattern", .string("^\(sign)[0-9]+(\\.[0-9]+)?%$"))]))
        }
        if rule.allowsNA { alternatives.append(.object([("const", .string("na"))])) }
        return alternatives.count == 1 ? .object(plain) : .object([("oneOf", .array(alternatives))])
    }

    private static func members(of value: JSONValue) -> [(key: String, value: JSONValue)] {
        if case .object(let members) = value { return members }
        return []
    }
}
