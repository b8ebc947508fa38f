import Foundation
import SextantBus
import Testing

@Suite struct RedisConnectionTests {
    struct Payload: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }
    }

    /// Every byte value, and text from several scripts: what goes in comes back byte for byte.
    static let payloads = [
        Payload(name: "empty", bytes: []),
        Payload(name: "every byte", bytes: Array(0...255)),
        Payload(name: "UTF-8", bytes: Array("{\"symbol\":\"日本株\",\"note\":\"€ 𝄞 ünïcödé\"}".utf8)),
        Payload(name: "NUL, CRLF and RESP markers", bytes: [0, 13, 10, 0, 36, 42]),
        Payload(name: "1 MiB", bytes: Array(repeating: 0xAB, count: 1 << 20)),
    ]

    @Test(arguments: payloads)
    func valuesRoundTripByteForByte(_ sample: Payload) throws {
        let payload = sample.bytes
        let redis = try TestRedis.admin()
        let key = "\(TestRedis.uniqueAccount("conn")):value"
        #expect(try redis.command(bytes: [Array("SET".utf8), Array(key.utf8), payload]) == .status("OK"))
        #expect(try redis.command(["GET", key]) == .bulk(payload))
        _ = try redis.command(["DEL", key])
    }

    @Test func repliesOfEveryType() throws {
        let redis = try TestRedis.admin()
        let key = TestRedis.uniqueAccount("conn")
        #expect(try redis.command(["PING"]) == .status("PONG"))
        #expect(try redis.command(["INCRBY", "\(key):n", "41"]) == .integer(41))
        #expect(try redis.command(["GET", "\(key):missing"]) == .null)
        _ = try redis.command(["RPUSH", "\(key):list", "a", "b"])
        #expect(
            try redis.command(["LRANGE", "\(key):list", "0", "-1"])
                == .array([.bulk(Array("a".utf8)), .bulk(Array("b".utf8))]))
        if case .error(let message) = try redis.command(["NOSUCHCOMMAND"]) {
            #expect(message.hasPrefix("ERR unknown command"))
        } else {
            Issue.record("an unknown command was not an error reply")
        }
        _ = try redis.command(["DEL", "\(key):n", "\(key):list"])
    }

    @Test func aPipelineAnswersEachCommandInOrder() throws {
        let redis = try TestRedis.admin()
        let key = "\(TestRedis.uniqueAccount("conn")):counter"
        let replies = try redis.pipeline((0..<100).map { _ in [Array("INCR".utf8), Array(key.utf8)] })
        #expect(replies == (1...100).map { .integer(Int64($0)) })
        _ = try redis.command(["DEL", key])
    }

    @Test func errorRepliesAndUnexpectedTypesAreErrors() throws {
        let redis = try TestRedis.admin()
        let key = "\(TestRedis.uniqueAccount("conn")):hash"
        _ = try redis.command(["HSET", key, "f", "v"])
        // An error reply…
        #expect {
            try redis.command(["GET", key]).bytesOrNull("GET")
        } throws: { error in
            guard case .server(let command, let message) = error as? BusError else { return false }
            return command == "GET" && message.hasPrefix("WRONGTYPE")
        }
        // …and a reply of the wrong type, both as errors rather than crashes or guesses.
        #expect(throws: BusError.unexpectedReply(command: "HGETALL", expected: "integer", got: "array")) {
            try redis.command(["HGETALL", key]).integer("HGETALL")
        }
        #expect(throws: BusError.unexpectedReply(command: "HLEN", expected: "OK or nil", got: "integer")) {
            try redis.command(["HLEN", key]).okOrNull("HLEN")
        }
        #expect(throws: BusError.unexpectedReply(command: "PING", expected: "bulk string or nil", got: "status")) {
            try redis.command(["PING"]).bytesOrNull("PING")
        }
        _ = try redis.command(["DEL", key])
    }

    @Test func anUnreachableServerIsAClearError() throws {
        // Port 1 on the loopback: nothing listens there, so the connect is refused at once.
        let url = try BusURL("redis://:topsecret@127.0.0.1:1")
        do {
            _ = try RedisConnection(url: url, connectTimeout: .milliseconds(500))
            Issue.record("connected to a closed port")
        } catch {
            #expect(error == .connectionFailed(endpoint: "127.0.0.1:1", reason: "Connection refused"))
            #expect(error.description == "cannot connect to Redis at 127.0.0.1:1: Connection refused")
        }
    }

    @Test func aWrongPasswordIsRefusedWithoutShowingIt() throws {
        var url = try TestRedis.url()
        url.password = BusSecret("wrong-password-123")
        do {
            _ = try RedisConnection(url: url)
            Issue.record("the test server accepted a password it does not have")
        } catch {
            guard case .authenticationFailed = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(!error.description.contains("wrong-password-123"))
        }
    }

    @Test func theDatabaseOfTheURLIsSelected() throws {
        var url = try TestRedis.url()
        url.database = 3
        let key = "\(TestRedis.uniqueAccount("conn")):db"
        let inThree = try RedisConnection(url: url)
        _ = try inThree.command(["SET", key, "3"])
        #expect(try TestRedis.admin().command(["EXISTS", key]) == .integer(0))
        #expect(try inThree.string(key) == "3")
        _ = try inThree.command(["DEL", key])
    }

    @Test func aKilledConnectionReportsLossThenStaysClosed() throws {
        let name = TestRedis.uniqueAccount("victim")
        let victim = try RedisConnection(url: try TestRedis.url(), clientName: name)
        #expect(try victim.command(["PING"]) == .status("PONG"))
        try Self.killClients(named: name)
        #expect {
            try victim.command(["PING"])
        } throws: { error in
            guard case .connectionLost(_, let reason) = error as? BusError else { return false }
            return !reason.isEmpty
        }
        #expect(!victim.isOpen)
        #expect(throws: BusError.notConnected) { try victim.command(["PING"]) }
    }

    /// `CLIENT KILL` of the connections named `name` only: the server is shared by tests running in parallel.
    static func killClients(named name: String) throws {
        let admin = try TestRedis.admin()
        let list = try admin.command(["CLIENT", "LIST"]).text ?? ""
        var killed = 0
        for line in list.split(separator: "\n") where line.contains(" name=\(name) ") {
            guard let id = line.split(separator: " ").first(where: { $0.hasPrefix("id=") })?.dropFirst(3) else {
                continue
            }
            if case .integer(let count) = try admin.command(["CLIENT", "KILL", "ID", String(id)]) {
                killed += Int(count)
            }
        }
        #expect(killed > 0, "no client named \(name) to kill")
    }
}
