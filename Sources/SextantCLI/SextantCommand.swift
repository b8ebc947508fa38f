public import ArgumentParser

/// The `sextant` command: a thin front over the Sextant modules.
public struct SextantCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sextant",
        abstract: "Check, explain and run trading strategies written in the Sextant language.",
        version: "0.1.0",
        subcommands: []
    )

    public init() {}
}
