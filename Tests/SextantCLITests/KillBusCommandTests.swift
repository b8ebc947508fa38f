import Foundation
import SextantBus
import SextantCLITestSupport
import Testing

/// `sextant kill --bus`: the flag on a real Redis (`SEXTANT_TEST_REDIS_URL`, exported by scripts/test.sh).
@Suite struct KillBusCommandTests {
    static func redisURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["SEXTANT_TEST_REDIS_URL"], !url.isEmpty else {
            throw CLIRunner.CLIError(
                "SEXTANT_TEST_REDIS_URL is not set: run the tests through scripts/test.sh, or start the throwaway "
                    + "servers with scripts/services.sh and export SEXTANT_TEST_REDIS_URL=redis://127.0.0.1:56379")
        }
        return url
    }

    @Test func setsAndClearsTheAccountsFlag() throws {
        let text = try Self.redisURL()
        let url = try BusURL(text)
        let account = "cli-\(UUID().uuidString.prefix(8).lowercased())"

        var output = try CLIRunner.run(["kill", "--bus", text, "--account", account, "--flatten"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("kill switch engaged (flatten): sextant:\(account):kill"))
        #expect(try BusKillSwitch.read(url: url, account: account) == .flatten)

        output = try CLIRunner.run(["kill", "--bus", text, "--account", account, "--clear"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("kill switch cleared"))
        #expect(try BusKillSwitch.read(url: url, account: account) == nil)
    }

    @Test func badBusesAreClearErrorsWithoutThePassword() throws {
        let cases: [([String], String)] = [
            (["kill", "--bus", "redis://:hunter2@127.0.0.1:1"], "cannot connect to Redis at 127.0.0.1:1"),
            (["kill", "--bus", "redis://:hunter2@h:notaport"], "invalid bus URL redis://***@h:notaport"),
            (["kill", "--bus", "redis://127.0.0.1:1", "--account", "a:b"], "invalid account \"a:b\""),
        ]
        for (arguments, fragment) in cases {
            let output = try CLIRunner.run(arguments)
            #expect(output.status == 1, "\(arguments)")
            #expect(output.stderr.contains(fragment), "\(output.stderr)")
            #expect(!output.stderr.contains("hunter2"))
        }
        let usage = try CLIRunner.run(["kill", "--clear"])
        #expect(usage.status != 0 && usage.stderr.contains("--clear needs --bus"))
    }
}
