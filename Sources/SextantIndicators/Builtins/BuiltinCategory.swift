/// The groups of `sextant functions` and of the language reference.
public enum BuiltinCategory: String, Sendable, Hashable, CaseIterable {
    case movingAverages = "moving averages"
    case momentum
    case volatility
    case volume
    case trend
    case regression
    case helpers = "series helpers"
    case math
    case statistics
    case performance
    case sizing
}
