import Foundation
import SextantBus
import Testing

@Suite struct BusURLTests {
    struct Good: Sendable, CustomTestStringConvertible {
        var text: String
        var host: String
        var port: Int
        var database: Int
        var username: String?
        var password: String?
        var testDescription: String { text }
    }

    static let good: [Good] = [
        Good(text: "redis://127.0.0.1", host: "127.0.0.1", port: 6379, database: 0),
        Good(text: "redis://127.0.0.1:56379", host: "127.0.0.1", port: 56379, database: 0),
        Good(text: "redis://cache.internal:6380/2", host: "cache.internal", port: 6380, database: 2),
        Good(text: "REDIS://localhost/", host: "localhost", port: 6379, database: 0),
        Good(text: "redis://[::1]:7000/15", host: "::1", port: 7000, database: 15),
        Good(text: "redis://[::1]", host: "::1", port: 6379, database: 0),
        Good(text: "redis://:s3cret@db:6379/1", host: "db", port: 6379, database: 1, password: "s3cret"),
        Good(
            text: "redis://trader:p%40ss%3Aw@db", host: "db", port: 6379, database: 0, username: "trader",
            password: "p@ss:w"),
        Good(text: "redis://trader@db", host: "db", port: 6379, database: 0, username: "trader"),
        Good(text: "  redis://h:1  ", host: "h", port: 1, database: 0),
        Good(text: "redis://h:65535", host: "h", port: 65535, database: 0),
    ]

    @Test(arguments: good)
    func parses(_ expected: Good) throws {
        let url = try BusURL(expected.text)
        #expect(url.host == expected.host)
        #expect(url.port == expected.port)
        #expect(url.database == expected.database)
        #expect(url.username == expected.username)
        #expect(url.password?.revealed == expected.password)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var text: String
        var reason: String
        var testDescription: String { text }
    }

    static let bad: [Bad] = [
        Bad(text: "", reason: "expected redis://host[:port][/db]"),
        Bad(text: "127.0.0.1:6379", reason: "expected redis://host[:port][/db]"),
        Bad(text: "http://127.0.0.1", reason: "the scheme must be redis://, not http://"),
        Bad(text: "rediss://127.0.0.1", reason: "TLS (rediss://) is not supported"),
        Bad(text: "redis://", reason: "the host is missing"),
        Bad(text: "redis://:6379", reason: "the host is missing"),
        Bad(text: "redis://:pw@/0", reason: "the host is missing"),
        Bad(text: "redis://h:0", reason: "the port must be a number from 1 to 65535, not \"0\""),
        Bad(text: "redis://h:65536", reason: "the port must be a number from 1 to 65535, not \"65536\""),
        Bad(text: "redis://h:port", reason: "the port must be a number from 1 to 65535, not \"port\""),
        Bad(text: "redis://h:", reason: "the port must be a number from 1 to 65535, not \"\""),
        Bad(text: "redis://h/x", reason: "the path must be a database number (/0, /1…), not \"/x\""),
        Bad(text: "redis://h/-1", reason: "the path must be a database number"),
        Bad(text: "redis://h/1/2", reason: "the path must be a database number"),
        Bad(text: "redis://::1:6379", reason: "an IPv6 address must be in brackets"),
        Bad(text: "redis://[::1:6379", reason: "unclosed [ in the IPv6 address"),
        Bad(text: "redis://[::1]6379", reason: "unexpected text after the IPv6 address"),
        Bad(text: "redis://h?db=1", reason: "query strings and fragments are not allowed"),
        Bad(text: "redis://h#x", reason: "query strings and fragments are not allowed"),
        Bad(text: "redis://u:%zz@h", reason: "bad percent-encoding in the user or password"),
        Bad(text: "redis://my host", reason: "the host \"my host\" is not valid"),
    ]

    @Test(arguments: bad)
    func refuses(_ bad: Bad) {
        #expect {
            try BusURL(bad.text)
        } throws: { error in
            guard case .invalidURL(_, let reason) = error as? BusError else { return false }
            return reason.hasPrefix(bad.reason)
        }
    }

    @Test func descriptionsAndErrorsNeverShowThePassword() throws {
        let url = try BusURL("redis://trader:hunter2@db:6379/3")
        #expect(url.description == "redis://trader:***@db:6379/3")
        #expect("\(url)".contains("hunter2") == false)
        var dumped = ""
        dump(url, to: &dumped)
        #expect(dumped.contains("hunter2") == false)
        #expect(String(reflecting: url).contains("hunter2") == false)

        do {
            _ = try BusURL("redis://:hunter2@db:notaport")
            Issue.record("a bad port was accepted")
        } catch {
            #expect(error.description.contains("hunter2") == false)
            #expect(error.description.contains("redis://***@db:notaport"))
        }
    }

    @Test func ipv6EndpointsKeepTheirBrackets() throws {
        #expect(try BusURL("redis://[::1]:7000").endpoint == "[::1]:7000")
        #expect(try BusURL("redis://[::1]:7000").description == "redis://[::1]:7000/0")
    }

    @Test func thePasswordFileWinsOverTheVariableWhichWinsOverTheURL() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sextant-pw-\(UUID().uuidString)")
        try Data("from-file\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let url = try BusURL("redis://:from-url@h")

        #expect(try url.withEnvironmentPassword([:]).password?.revealed == "from-url")
        #expect(
            try url.withEnvironmentPassword(["SEXTANT_REDIS_PASSWORD": "from-env"]).password?.revealed == "from-env")
        let both = ["SEXTANT_REDIS_PASSWORD": "from-env", "SEXTANT_REDIS_PASSWORD_FILE": file.path]
        #expect(try url.withEnvironmentPassword(both).password?.revealed == "from-file")
        #expect(try BusURL("redis://h").withEnvironmentPassword([:]).password == nil)
    }

    @Test func anUnreadablePasswordFileIsAnError() throws {
        let environment = ["SEXTANT_REDIS_PASSWORD_FILE": "/nonexistent/sextant-password"]
        #expect(throws: BusError.passwordFile(path: "/nonexistent/sextant-password", reason: "missing or unreadable")) {
            try BusURL("redis://h").withEnvironmentPassword(environment)
        }
    }
}
