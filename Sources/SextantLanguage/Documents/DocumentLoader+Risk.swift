// Builds a `RiskDocument` from a validated `kind: risk` file.
extension DocumentLoader {
    static func risk(from root: SchemaMapping, file: SourceFile) -> RiskDocument {
        var document = RiskDocument(file: file, name: root["name"]?.text ?? fallbackName(for: file, at: root.keySpan))
        for entry in root["limits"]?.mapping?.entries ?? [] {
            guard let value = entry.value.expression else { continue }
            document.limits.append(RiskLimit(key: entry.key.value, value: value))
        }
        for item in root["circuit_breakers"]?.list ?? [] {
            guard let breaker = item.mapping, let when = breaker["when"]?.expression,
                let action = breaker["action"]?.text,
                let kind = CircuitBreaker.Action(rawValue: action.value)
            else { continue }
            document.circuitBreakers.append(CircuitBreaker(when: when, action: Located(kind, span: action.span)))
        }
        return document
    }
}
