public import SextantLanguage

/// Why `sextant run` could not start.
public enum EngineSetupError: Error, Sendable {
    /// The engine file or a file it names has errors.
    case diagnostics([Diagnostic])
    /// Something the engine file asks for is not available (a feed, an adapter…) or missing.
    case unsupported(String)
}
