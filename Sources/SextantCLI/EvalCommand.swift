import ArgumentParser
import Foundation
import SextantGraph
import SextantLanguage

/// `sextant eval DATA.csv -e NAME=EXPR ...`: expressions over a bar file, written as CSV.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate expressions over a bar file and write them as CSV.",
        discussion: """
            The bar file is CSV with a header: time,open,high,low,close,volume (names in any case, \
            extra columns ignored; see docs/data.md). The output has `time`, then one column per \
            NAME: empty where a value is missing, true/false for conditions. With --strategy, the \
            file's params and lets are in scope. Exit status: 0 on success, 1 when the data or an \
            expression has an error (nothing is written), 2 on a usage error.
            """
    )

    @ArgumentParser.Argument(help: "The bar file (CSV).")
    var data: String

    @Option(
        name: [.customShort("e"), .customLong("expression")], help: "A column to compute, as NAME=EXPR (repeatable).")
    var expressions: [String] = []

    @Option(help: "Another symbol for alias.field expressions, as ALIAS=FILE (repeatable); bars are aligned by time.")
    var symbol: [String] = []

    @Option(help: "A strategy file whose params and lets are in scope.")
    var strategy: String?

    @Option(help: "Override a param of --strategy, as NAME=VALUE (repeatable).")
    var param: [String] = []

    @Option(name: .shortAndLong, help: "Write the CSV here instead of standard output.")
    var output: String?

    @Flag(help: "Print load and compute times and peak memory as one JSON object on standard error.")
    var timings = false

    func validate() throws {
        guard !expressions.isEmpty else { throw ValidationError("give at least one -e NAME=EXPR") }
    }

    func run() throws {
        let request = EvalRequest(
            dataPath: data, symbols: try symbol.map { try Self.pair($0, "--symbol") },
            expressions: try expressions.map { try Self.pair($0, "-e") }, strategyPath: strategy,
            params: try Dictionary(
                param.map { text in
                    let (name, value) = try Self.pair(text, "--param")
                    guard let number = Double(value.hasSuffix("%") ? String(value.dropLast()) : value) else {
                        throw ValidationError("--param \(name): `\(value)` is not a number")
                    }
                    return (name, value.hasSuffix("%") ? number / 100 : number)
                }, uniquingKeysWith: { _, last in last }))
        let result: EvalResult
        do {
            result = try EvalRunner.run(request)
        } catch .usage(let message) {
            throw ValidationError(message)
        } catch .data(let error) {
            var standardError = StandardError()
            print("\(error)", to: &standardError)
            throw ExitCode(1)
        } catch .diagnostics(let diagnostics) {
            let renderer = TextDiagnosticRenderer(colors: Terminal.stderrWantsColor)
            var standardError = StandardError()
            for diagnostic in diagnostics { print(renderer.render(diagnostic), to: &standardError) }
            throw ExitCode(1)
        }
        let csv = EvalCSVWriter.csv(result)
        if let output {
            do {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                var standardError = StandardError()
                print("error: cannot write \(output): \(error.localizedDescription)", to: &standardError)
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
        if timings { try printTimings(result) }
    }

    /// Splits `NAME=VALUE` at the first `=`; the name must be non-empty.
    static func pair(_ text: String, _ option: String) throws -> (String, String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError("\(option) expects NAME=VALUE, got `\(text)`")
        }
        return (
            String(text[..<equals]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: equals)...])
        )
    }

    private func printTimings(_ result: EvalResult) throws {
        struct Timings: Encodable {
            var loadSeconds: Double
            var allocationSeconds: Double
            var columns: [String: Double]
            var totalSeconds: Double
            var peakBytes: Int

            enum CodingKeys: String, CodingKey {
                case columns
                case loadSeconds = "load_seconds"
                case allocationSeconds = "allocation_seconds"
                case totalSeconds = "total_seconds"
                case peakBytes = "peak_bytes"
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let timings = Timings(
            loadSeconds: result.loadSeconds, allocationSeconds: result.allocationSeconds, columns: result.columnSeconds,
            totalSeconds: result.loadSeconds + result.allocationSeconds + result.computeSeconds,
            peakBytes: result.peakBytes)
        var standardError = StandardError()
        print(String(decoding: try encoder.encode(timings), as: UTF8.self), to: &standardError)
    }
}
