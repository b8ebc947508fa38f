/// A loaded YAML file of one of the three kinds of DSL.md §1.
public enum Document: Sendable {
    case strategy(StrategyDocument)
    case risk(RiskDocument)
    case engine(EngineDocument)

    /// The file it was loaded from.
    public var file: SourceFile {
        switch self {
        case .strategy(let document): document.file
        case .risk(let document): document.file
        case .engine(let document): document.file
        }
    }

    /// The document's kind.
    public var kind: DocumentKind {
        switch self {
        case .strategy: .strategy
        case .risk: .risk
        case .engine: .engine
        }
    }
}

/// The value of a document's `kind:` key.
public enum DocumentKind: String, Sendable, CaseIterable {
    case strategy
    case risk
    case engine
}
