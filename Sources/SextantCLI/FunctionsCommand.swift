import ArgumentParser
import Foundation
import SextantIndicators

/// `sextant functions`: the builtin table, for people and for documentation.
struct FunctionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "functions",
        abstract: "List every builtin function with its signature, warm-up and description."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    @ArgumentParser.Argument(help: "Show only these functions (by name).")
    var names: [String] = []

    func run() throws {
        var builtins = BuiltinTable.all
        if !names.isEmpty {
            for name in names where BuiltinTable.lookup(name) == nil {
                throw ValidationError("unknown function `\(name)`")
            }
            builtins = builtins.filter { names.contains($0.name) }
        }
        let output: String
        switch format {
        case .text: output = FunctionsReport.text(builtins)
        case .markdown: output = FunctionsReport.markdown(builtins)
        case .json: output = try FunctionsReport.json(builtins)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
