import ArgumentParser
import SextantBus
import SextantEngine

/// `sextant kill [--flatten] [--flag PATH]`: stop every engine polling the flag file; with
/// `--bus redis://… [--account NAME]`, every engine of the account on that bus, wherever it runs.
struct KillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill",
        abstract: "Engage the kill switch: engines stop sending orders at their next bar.",
        discussion: """
            Writes the flag file every `sextant run` in this folder polls at each bar (default \
            var/sextant.kill). With --flatten the engines first close every position. Remove the file \
            to allow trading again after a restart. SIGUSR1 to an engine process halts it the same way.

            With --bus, sets the account's kill flag on the Redis bus instead (sextant:ACCOUNT:kill), \
            which every engine of the account reads within a bar, on any machine; --clear removes it. \
            The password comes from SEXTANT_REDIS_PASSWORD_FILE or SEXTANT_REDIS_PASSWORD.
            """
    )

    @Flag(help: "Close every position before halting.")
    var flatten = false

    @Option(help: "The flag file.")
    var flag = KillSwitch.defaultFlagPath

    @Option(help: ArgumentHelp("Set the flag on this Redis bus instead of the flag file.", valueName: "redis-url"))
    var bus: String?

    @Option(help: "The account whose engines stop (with --bus).")
    var account = "default"

    @Flag(help: "Clear the bus's flag instead of setting it (with --bus).")
    var clear = false

    func validate() throws {
        if clear && bus == nil { throw ValidationError("--clear needs --bus (remove the flag file to clear it)") }
        if clear && flatten { throw ValidationError("--clear and --flatten cannot be combined") }
    }

    func run() throws {
        if let bus { return try runOnBus(bus) }
        do {
            try KillSwitch.engage(flagPath: flag, mode: flatten ? .flatten : .halt)
        } catch {
            var standardError = StandardError()
            print("error: cannot write \(flag): \(error.localizedDescription)", to: &standardError)
            throw ExitCode(1)
        }
        print("kill switch engaged (\(flatten ? "flatten" : "halt")): \(flag)")
    }

    private func runOnBus(_ text: String) throws {
        do {
            let url = try BusURL(text).withEnvironmentPassword()
            let key = try BusKeys(account: account).kill
            if clear {
                let wasSet = try BusKillSwitch.clear(url: url, account: account)
                print(
                    wasSet ? "kill switch cleared: \(key) on \(url)" : "kill switch was not engaged: \(key) on \(url)")
            } else {
                try BusKillSwitch.engage(flatten ? .flatten : .halt, url: url, account: account)
                print("kill switch engaged (\(flatten ? "flatten" : "halt")): \(key) on \(url)")
            }
        } catch {
            var standardError = StandardError()
            print("error: \(error)", to: &standardError)
            throw ExitCode(1)
        }
    }
}
