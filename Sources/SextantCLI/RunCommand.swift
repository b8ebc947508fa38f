import ArgumentParser
import Foundation
import Logging
import SextantEngine
import SextantLanguage

/// `sextant run CONFIG.yaml [--events FILE|-]`: run an engine file.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an engine file: its strategies on its feed through the risk gate to its venue.",
        discussion: """
            Available today: the paper venue and the csv feed (paced by `data.pace`), the risk file, \
            and hot reload with `watch: true` — a saved strategy is linted and compiled at once; a \
            valid one takes over at the next bar with the positions and stops of the old, an invalid \
            one is reported (a `reload` event with its diagnostics) and the running version keeps \
            running (docs/engine.md, docs/hot-reload.md). SIGHUP reloads every file; SIGUSR1 engages \
            the kill switch. Errors, reloads and risk decisions are also logged to standard error \
            (`--log-level`). The run ends with the feed. Exit status: 0 \
            on success, 1 when a file has an error, 2 on a usage error.
            """
    )

    @ArgumentParser.Argument(help: "The engine file (kind: engine).")
    var config: String

    @Option(help: "Write events as JSON lines to FILE, or - for standard output.")
    var events: String?

    @Option(help: "Log level on standard error: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "notice"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "unknown log level '\(logLevel)': trace, debug, info, notice, warning, error or critical")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let sink = FanOutEventSink([try EventsOption.sink(events), LoggingEventSink()])
        let engine: EngineRun
        do {
            engine = try await EngineRun.open(path: config, events: sink)
            engine.killSwitch.listenForSignal()
            engine.listenForReloadSignal()
        } catch .diagnostics(let diagnostics) {
            let renderer = TextDiagnosticRenderer(colors: Terminal.stderrWantsColor)
            var standardError = StandardError()
            for diagnostic in diagnostics { print(renderer.render(diagnostic), to: &standardError) }
            if diagnostics.isEmpty { print("error: \(config) is not an engine file", to: &standardError) }
            throw ExitCode(1)
        } catch .unsupported(let message) {
            var standardError = StandardError()
            print("error: \(config): \(message)", to: &standardError)
            throw ExitCode(1)
        }
        try await engine.run()
        var summary = ""
        for host in engine.hosts {
            let book = host.session.book
            summary +=
                "\(host.name) on \(host.symbol): \(book.closedTrades.count) closed trade(s), "
                + "position \(book.position)\(host.retired ? " (retired)" : "")\n"
        }
        if events == "-" {
            var standardError = StandardError()
            print(summary, terminator: "", to: &standardError)
        } else {
            print(summary, terminator: "")
        }
    }
}
