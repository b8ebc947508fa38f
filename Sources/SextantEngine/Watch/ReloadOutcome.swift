public import SextantLanguage

/// What a file change means for the engine, as `ReloadCoordinator` decides it.
///
/// The coordinator only decides: the engine applies outcomes at bar boundaries (see `apply(to:)`
/// for the bookkeeping), carrying positions, open orders and stops over on a swap.
public enum ReloadOutcome<Compiled> {
    /// A file that was not running compiled: start it.
    case started(path: String, version: LoadedFile<Compiled>)
    /// A running file's new content compiled: replace `old` with `new` at the next bar boundary.
    case swapped(path: String, old: LoadedFile<Compiled>, new: LoadedFile<Compiled>)
    /// The new content does not compile (or cannot be read): report `diagnostics` and keep
    /// running `kept`, the previous version (nil when the file was not running).
    case rejected(path: String, diagnostics: [Diagnostic], kept: LoadedFile<Compiled>?)
    /// The bytes hash to the running version: the save changed nothing (editors rewrite files
    /// they did not modify), so nothing is compiled and nothing happens.
    case unchanged(path: String)
    /// The file was deleted: retire `version` (no new entries; its positions follow the engine's
    /// setting).
    case retired(path: String, version: LoadedFile<Compiled>)

    /// The file the outcome is about.
    public var path: String {
        switch self {
        case .started(let path, _), .swapped(let path, _, _), .rejected(let path, _, _), .unchanged(let path),
            .retired(let path, _):
            return path
        }
    }

    /// Updates a table of running versions (path → version) the way the outcome says.
    ///
    /// Plan the next change against the table *with* every decided outcome applied, even those
    /// still waiting for a bar boundary, so a quick second edit is compared with the first edit and
    /// not with what happens to be running.
    public func apply(to table: inout [String: LoadedFile<Compiled>]) {
        switch self {
        case .started(let path, let version): table[path] = version
        case .swapped(let path, _, let new): table[path] = new
        case .retired(let path, _): table[path] = nil
        case .rejected, .unchanged: break
        }
    }
}

extension ReloadOutcome: Sendable where Compiled: Sendable {}

extension ReloadOutcome: Equatable where Compiled: Equatable {}
