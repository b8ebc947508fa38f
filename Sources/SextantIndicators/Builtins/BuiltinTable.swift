import SextantCore

/// The one table of every builtin function of the strategy language.
///
/// Entries are grouped by category in `BuiltinTable+Category.swift` files; `all` concatenates them
/// and `lookup` is what the checker uses. Adding a function means adding one entry here (and, with
/// the indicator core, its kernels): nothing else lists builtins.
public enum BuiltinTable {
    /// Every builtin, in category order.
    public static let all: [Builtin] =
        movingAverages + momentum + volatility + volume + trend + regression + helpers + math + statistics
        + performance + sizing

    private static let byName: [String: Builtin] = Dictionary(
        all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The builtin with the given name.
    public static func lookup(_ name: String) -> Builtin? { byName[name] }

    /// Every builtin name, sorted (for did-you-mean suggestions and completion).
    public static let names: [String] = byName.keys.sorted()
}

/// Shorthands that keep the table entries on one line each.
extension BuiltinParameter {
    static func source(_ name: String = "source") -> BuiltinParameter { .init(name, .series) }
    static func length(_ name: String = "length", _ value: Double? = nil, minimum: Int? = nil) -> BuiltinParameter {
        .init(name, .length, default: value, minimum: minimum)
    }
    static func setting(_ name: String, _ value: Double? = nil) -> BuiltinParameter {
        .init(name, .setting, default: value)
    }
    static func value(_ name: String, _ value: Double? = nil) -> BuiltinParameter {
        .init(name, .value, default: value)
    }
}

extension Array where Element == BarField {
    static let hlc: [BarField] = [.high, .low, .close]
    static let hlcv: [BarField] = [.high, .low, .close, .volume]
    static let hl: [BarField] = [.high, .low]
}
