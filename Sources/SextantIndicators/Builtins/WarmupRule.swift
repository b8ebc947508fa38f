/// The number of leading bars a builtin cannot produce a value for, as a function of its settings.
///
/// Written as a tiny expression so that it can be both evaluated (by the checker and the graph)
/// and printed (by `sextant functions`). The output's warm-up is the largest input warm-up plus
/// this rule's value, which is TA-Lib's lookback when the inputs start valid.
public indirect enum WarmupRule: Sendable, Hashable, CustomStringConvertible {
    /// A fixed number of bars.
    case constant(Int)
    /// The value of a `length` or `setting` parameter.
    case parameter(String)
    /// `rule + n` (n may be negative).
    case plus(WarmupRule, Int)
    /// `n × rule`.
    case times(Int, WarmupRule)
    /// The sum of several rules.
    case sum([WarmupRule])
    /// The largest of several rules.
    case maximum([WarmupRule])

    /// `length - 1`, the warm-up of a plain window.
    public static func window(_ name: String) -> WarmupRule { .plus(.parameter(name), -1) }

    /// Evaluates the rule; `value` returns a setting's value. Never negative.
    public func evaluate(_ value: (String) -> Double?) -> Int {
        max(0, raw(value))
    }

    private func raw(_ value: (String) -> Double?) -> Int {
        switch self {
        case .constant(let count): return count
        case .parameter(let name):
            guard let setting = value(name), setting.isFinite else { return 0 }
            return Int(max(0, min(setting, 1e9)).rounded(.up))
        case .plus(let rule, let delta): return rule.raw(value) + delta
        case .times(let factor, let rule): return factor * rule.raw(value)
        case .sum(let rules): return rules.reduce(0) { $0 + $1.raw(value) }
        case .maximum(let rules): return rules.map { $0.raw(value) }.max() ?? 0
        }
    }

    public var description: String {
        switch self {
        case .constant(let count): return String(count)
        case .parameter(let name): return name
        case .plus(let rule, let delta):
            return delta < 0 ? "\(rule) - \(-delta)" : "\(rule) + \(delta)"
        case .times(let factor, let rule):
            switch rule {
            case .parameter: return "\(factor)·\(rule)"
            default: return "\(factor)·(\(rule))"
            }
        case .sum(let rules): return rules.map(\.description).joined(separator: " + ")
        case .maximum(let rules): return "max(" + rules.map(\.description).joined(separator: ", ") + ")"
        }
    }
}
