public import SextantPostgres

/// Where an engine keeps its trading records: the engine file's `store:` value.
///
/// `sqlite:PATH` (the default, `sqlite:var/sextant.sqlite`; a relative path is relative to the working
/// directory, like the kill switch's flag file) or `postgres://USER@HOST:PORT/DATABASE` (the password
/// from the environment, never from the URL: `docs/store.md`).
public enum StoreLocation: Sendable, Hashable {
    /// The embedded SQLite store at a path.
    case sqlite(path: String)
    /// A Postgres server.
    case postgres(PostgresLocation)

    /// The default: `var/sextant.sqlite`.
    public static let `default` = StoreLocation.sqlite(path: "var/sextant.sqlite")

    /// Reads a `store:` value (nil: the default).
    public static func parse(_ text: String?) throws(EngineSetupError) -> StoreLocation {
        guard let text = text?.trimmingCharacters(in: .whitespaces) else { return .default }
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .unsupported("`store: sqlite:` needs a path (sqlite:var/sextant.sqlite)") }
            return .sqlite(path: path)
        }
        if PostgresLocation.isPostgresURL(text) {
            do { return .postgres(try PostgresLocation(url: text)) } catch {
                throw .unsupported("store: \(error)")
            }
        }
        throw .unsupported("unknown store '\(text)': expected sqlite:PATH or postgres://USER@HOST:PORT/DATABASE")
    }
}
