/// The kill switch flag on the bus, for tools (`sextant kill --bus URL`): one short connection per call.
/// Engines read the flag through `RedisBus.killFlag()`; setting it stops every engine of the account at
/// its next bar after its next read, whatever machine it runs on.
public enum BusKillSwitch {
    /// Engages the switch: sets `sextant:<account>:kill` to the mode, with no expiry (it stays until cleared).
    public static func engage(
        _ mode: BusKillMode, url: BusURL, account: String, timeout: Duration = .seconds(2)
    ) throws(BusError) {
        let keys = try BusKeys(account: account)
        let redis = try RedisConnection(url: url, connectTimeout: timeout, commandTimeout: timeout)
        defer { redis.close() }
        _ = try redis.command(["SET", keys.kill, mode.rawValue]).checked("SET (kill switch)")
    }

    /// Clears the flag; returns whether it was set.
    @discardableResult
    public static func clear(url: BusURL, account: String, timeout: Duration = .seconds(2)) throws(BusError) -> Bool {
        let keys = try BusKeys(account: account)
        let redis = try RedisConnection(url: url, connectTimeout: timeout, commandTimeout: timeout)
        defer { redis.close() }
        return try redis.command(["DEL", keys.kill]).integer("DEL (kill switch)") > 0
    }

    /// The flag as engines read it: nil when clear, otherwise its mode (anything but `flatten` halts).
    /// A key of another type fails with `BusError.server` (`WRONGTYPE`); engines halt on it.
    public static func read(url: BusURL, account: String, timeout: Duration = .seconds(2)) throws(BusError)
        -> BusKillMode?
    {
        let keys = try BusKeys(account: account)
        let redis = try RedisConnection(url: url, connectTimeout: timeout, commandTimeout: timeout)
        defer { redis.close() }
        return try redis.command(["GET", keys.kill]).bytesOrNull("GET (kill switch)").map {
            BusKillMode(flagValue: String(decoding: $0, as: UTF8.self))
        }
    }
}
