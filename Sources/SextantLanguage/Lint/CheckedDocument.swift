/// A document that loaded and checked without errors.
public enum CheckedDocument: Sendable {
    case strategy(CheckedStrategy)
    case risk(CheckedRisk)
    /// Engine files hold no expressions; their references to other files are checked by the linter.
    case engine(EngineDocument)
}
