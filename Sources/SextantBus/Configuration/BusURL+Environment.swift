import Foundation

extension BusURL {
    /// The environment variable holding the Redis password.
    public static let passwordVariable = "SEXTANT_REDIS_PASSWORD"
    /// The environment variable naming a file that holds the Redis password (a mounted secret); it wins
    /// over `SEXTANT_REDIS_PASSWORD`.
    public static let passwordFileVariable = "SEXTANT_REDIS_PASSWORD_FILE"

    /// This URL with the password from the environment: the file `SEXTANT_REDIS_PASSWORD_FILE` names
    /// (one trailing newline dropped), else `SEXTANT_REDIS_PASSWORD`, else the URL's own password.
    ///
    /// The environment wins over the URL so that an engine file can be committed with a password-less
    /// URL and each machine supply its own. A named file that cannot be read is an error, not a silent
    /// fallback to no password. `environment` defaults to the process's.
    public func withEnvironmentPassword(_ environment: [String: String]? = nil) throws(BusError) -> BusURL {
        let environment = environment ?? ProcessInfo.processInfo.environment
        var url = self
        if let path = environment[Self.passwordFileVariable], !path.isEmpty {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .passwordFile(path: path, reason: "missing or unreadable")
            }
            var text = String(decoding: data, as: UTF8.self)
            // "\r\n" is one Character, so this drops either line ending whole.
            if text.last?.isNewline == true { text.removeLast() }
            url.password = BusSecret(text)
        } else if let password = environment[Self.passwordVariable], !password.isEmpty {
            url.password = BusSecret(password)
        }
        return url
    }
}
