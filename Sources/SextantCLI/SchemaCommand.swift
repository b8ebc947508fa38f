import ArgumentParser
import Foundation
import SextantLanguage

/// `sextant schema`: the JSON Schema of strategy, risk and engine files, for YAML editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of strategy, risk and engine files (for a YAML language server).",
        discussion: "Save it, e.g. `sextant schema > sextant.schema.json`, and see the README for editor setup."
    )

    func run() throws {
        FileHandle.standardOutput.write(Data((DocumentSchema.jsonSchema() + "\n").utf8))
    }
}
