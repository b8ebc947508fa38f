import ArgumentParser
import SextantEngine

/// `sextant kill [--flatten] [--flag PATH]`: stop every engine polling the flag file.
struct KillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill",
        abstract: "Engage the kill switch: engines stop sending orders at their next bar.",
        discussion: """
            Writes the flag file every `sextant run` in this folder polls at each bar (default \
            var/sextant.kill). With --flatten the engines first close every position. Remove the file \
            to allow trading again after a restart. SIGUSR1 to an engine process halts it the same way.
            """
    )

    @Flag(help: "Close every position before halting.")
    var flatten = false

    @Option(help: "The flag file.")
    var flag = KillSwitch.defaultFlagPath

    func run() throws {
        do {
            try KillSwitch.engage(flagPath: flag, mode: flatten ? .flatten : .halt)
        } catch {
            var standardError = StandardError()
            print("error: cannot write \(flag): \(error.localizedDescription)", to: &standardError)
            throw ExitCode(1)
        }
        print("kill switch engaged (\(flatten ? "flatten" : "halt")): \(flag)")
    }
}
