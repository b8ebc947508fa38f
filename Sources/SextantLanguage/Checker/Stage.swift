/// When a value becomes known (DSL.md §3), from earliest to latest.
///
/// The compiler splits the graph on this line: `const` folds at compile time, `param` is fixed per
/// run, `market` is computed as whole columns, `state` is computed bar by bar in the event loop.
public enum Stage: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case const
    case param
    case market
    case state

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .const: "const"
        case .param: "param"
        case .market: "market"
        case .state: "state"
        }
    }
}
