/// The Lua scripts of the leader lock. Each compares the key's value with the caller's token and acts
/// only if they match, atomically on the server: a `GET` then `PEXPIRE` from the client could extend a
/// lock another engine acquired in between.
enum LeaderLockScripts {
    /// `EVAL renew 1 key token ttl-ms` → 1 if the key held `token` (its TTL is now `ttl-ms`), else 0.
    static let renew = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """

    /// `EVAL release 1 key token` → 1 if the key held `token` (it is now deleted), else 0.
    static let release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('DEL', KEYS[1])
        end
        return 0
        """
}
