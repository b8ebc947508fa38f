import Crypto

/// The version of a strategy file: the SHA-256 of its bytes, in hex. Orders, fills and the store refer
/// to it, so that a reloaded file is a new version and an unchanged one keeps its order ids.
public enum StrategyVersion {
    /// The version of a file's bytes.
    public static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
