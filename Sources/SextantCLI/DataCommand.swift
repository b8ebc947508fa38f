import ArgumentParser
import Foundation
import SextantCore
import SextantPostgres
import SextantStore

/// `sextant data import FILE.csv --symbol S --timeframe T [--store URL]`: load bars into the store.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Manage the bars kept in the Postgres store.",
        subcommands: [Import.self]
    )

    /// `sextant data import`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a CSV bar file into the store as SYMBOL@TIMEFRAME.",
            discussion: """
                The file is read and checked whole first (the CSV rules of docs/data.md): a bad row is \
                an error at its line and column and nothing is imported. The bars then go in one \
                transaction, replacing bars already stored at the same times, so a failed import \
                leaves nothing and importing a file twice stores it once. Read them back with \
                `--data postgres:SYMBOL@TIMEFRAME`. Exit status: 0 on success, 1 when the file or the \
                store has an error, 2 on a usage error.
                """
        )

        @ArgumentParser.Argument(help: "The bar file (CSV).")
        var file: String

        @Option(help: "The symbol the bars belong to (e.g. GOOG, BTC-USD).")
        var symbol: String

        @Option(help: "The bar length: 1m, 15m, 1h, 1d…")
        var timeframe: String

        @OptionGroup var store: StoreOption

        func run() async throws {
            guard !symbol.isEmpty, !symbol.contains(where: { $0.isWhitespace || $0 == "@" }) else {
                throw ValidationError("--symbol must be a name without spaces or `@`, got `\(symbol)`")
            }
            guard let timeframe = Timeframe(self.timeframe) else {
                throw ValidationError("--timeframe expects a length like 1m, 15m, 4h or 1d, got `\(self.timeframe)`")
            }
            let location = try store.location(for: "data import")
            let clock = ContinuousClock()
            let started = clock.now
            let bars: BarSeries
            do { bars = try CSVBarReader.read(path: file) } catch {
                throw StoreOption.fail(error.report)
            }
            let opened = try await store.open(for: "data import")
            let key = BarSeriesKey(symbol: symbol, timeframe: timeframe)
            let importStarted = clock.now
            do {
                try await opened.importBars(bars, into: key)
            } catch {
                try? await opened.close()
                throw StoreOption.fail("\(error)")
            }
            let importSeconds = Self.seconds(clock.now - importStarted)
            let totalSeconds = Self.seconds(clock.now - started)
            try? await opened.close()
            let rate = importSeconds > 0 ? Double(bars.count) / importSeconds : 0
            print(
                "imported \(bars.count) bars into \(key) at \(location) in \(String(format: "%.2f", totalSeconds)) s "
                    + "(store \(String(format: "%.2f", importSeconds)) s, \(Int(rate)) bars/s)")
        }

        static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
    }
}
