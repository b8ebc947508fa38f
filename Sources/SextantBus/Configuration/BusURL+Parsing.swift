import Foundation

extension BusURL {
    /// Reads `redis://[[user]:password@]host[:port][/db]`; userinfo may be percent-encoded.
    ///
    /// Fails with `BusError.invalidURL` (whose text shows the URL with any password hidden) for another
    /// scheme, `rediss://` (TLS: hiredis 0.14 has none), a missing host, a bad port or database number,
    /// an unbracketed IPv6 address, or a query or fragment.
    public init(_ text: String) throws(BusError) {
        func fail(_ reason: String) -> BusError { .invalidURL(url: Self.redacted(text), reason: reason) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw fail("expected redis://host[:port][/db]")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "redis" else {
            if scheme == "rediss" { throw fail("TLS (rediss://) is not supported; reach Redis over a tunnel") }
            throw fail("the scheme must be redis://, not \(scheme)://")
        }
        let rest = trimmed[schemeEnd.upperBound...]
        if rest.contains("?") || rest.contains("#") { throw fail("query strings and fragments are not allowed") }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...]

        var hostPort = authority[...]
        var username: String?
        var password: BusSecret?
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            let (user, secret) =
                userinfo.firstIndex(of: ":").map {
                    (userinfo[..<$0], Optional(userinfo[userinfo.index(after: $0)...]))
                } ?? (userinfo, nil)
            guard let decodedUser = String(user).removingPercentEncoding,
                let decodedSecret = secret.map({ String($0).removingPercentEncoding }) ?? Optional("")
            else { throw fail("bad percent-encoding in the user or password") }
            if !decodedUser.isEmpty { username = decodedUser }
            if secret != nil { password = BusSecret(decodedSecret) }
        }

        let host: String
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw fail("unclosed [ in the IPv6 address") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw fail("unexpected text after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else {
            let colons = hostPort.filter { $0 == ":" }.count
            if colons > 1 { throw fail("an IPv6 address must be in brackets: redis://[::1]:6379") }
            if let colon = hostPort.firstIndex(of: ":") {
                host = String(hostPort[..<colon])
                portText = hostPort[hostPort.index(after: colon)...]
            } else {
                host = String(hostPort)
            }
        }
        guard !host.isEmpty else { throw fail("the host is missing") }
        guard !host.contains(where: { $0.isWhitespace || $0 == "@" }) else {
            throw fail("the host \"\(host)\" is not valid")
        }

        var port = Self.defaultPort
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw fail("the port must be a number from 1 to 65535, not \"\(portText)\"")
            }
            port = number
        }
        var database = 0
        let databaseText = path.drop { $0 == "/" }
        if !databaseText.isEmpty {
            guard databaseText.allSatisfy(\.isASCII), let number = Int(databaseText), number >= 0 else {
                throw fail("the path must be a database number (/0, /1…), not \"/\(databaseText)\"")
            }
            database = number
        }
        self.init(host: host, port: port, database: database, username: username, password: password)
    }

    /// `text` with whatever sits between `://` and the last `@` before the host hidden, for error messages.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + "***" + String(text[at...])
    }
}
