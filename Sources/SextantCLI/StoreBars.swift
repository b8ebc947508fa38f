import ArgumentParser
import SextantCore
import SextantPostgres
import SextantStore

/// `--data postgres:SYMBOL@TIMEFRAME`: bars read from the Postgres store instead of a CSV file.
enum StoreBars {
    /// The prefix of a `--data` entry that names stored bars.
    static let prefix = "postgres:"

    /// Whether a `--data` path (after any `ALIAS=`) names stored bars.
    static func isStoreSpec(_ path: String) -> Bool { path.hasPrefix(prefix) }

    /// Loads every `postgres:` entry among `paths`, keyed by the entry as given, from the store of
    /// `store`; CSV entries are left to the reader. A malformed entry or a missing store is a usage
    /// error (2); an unreachable store or a series with no bars is an error (1).
    static func preload(_ paths: [String], store: StoreOption) async throws -> [String: BarSeries] {
        let specs = paths.filter(isStoreSpec)
        guard !specs.isEmpty else { return [:] }
        var keys: [(String, BarSeriesKey)] = []
        for spec in specs {
            guard let key = BarSeriesKey(parsing: String(spec.dropFirst(prefix.count))) else {
                throw ValidationError(
                    "--data \(spec): expected postgres:SYMBOL@TIMEFRAME, e.g. postgres:GOOG@1d")
            }
            keys.append((spec, key))
        }
        let opened = try await store.open(for: "--data \(specs[0])")
        defer { Task { try? await opened.close() } }
        var loaded: [String: BarSeries] = [:]
        for (spec, key) in keys {
            let bars: BarSeries
            do { bars = try await opened.bars(key) } catch { throw StoreOption.fail("--data \(spec): \(error)") }
            guard bars.count > 0 else {
                let known = (try? await opened.barSeries()) ?? []
                let list = known.prefix(10).map { "\($0.key) (\($0.count) bars)" }.joined(separator: ", ")
                throw StoreOption.fail(
                    "--data \(spec): no bars for \(key) in \(opened.location)"
                        + (list.isEmpty
                            ? " (the store holds no bars; import some with `sextant data import`)"
                            : "; stored: \(list)"))
            }
            loaded[spec] = bars
        }
        return loaded
    }
}
