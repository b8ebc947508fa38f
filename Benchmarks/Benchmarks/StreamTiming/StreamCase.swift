import SextantIndicators

/// One builtin of `BuiltinTable.all` prepared for timing: its kernel, the settings its stream is made
/// with, and where each of its input columns comes from.
struct StreamCase: Sendable {
    /// The length a required `length` parameter gets when it has no default (unless its minimum is higher).
    static let requiredLength = 14

    /// The builtins whose streams keep the window and call the batch's own per-window function on every
    /// update (decision D9; each stream's doc comment says "O(length) per bar, as the batch"): their cost
    /// is one batch window's, by design, so they are reported apart instead of against the 20 ns goal.
    /// The other statistics (zscore, corr, cov, sharpe, sortino, omega, var_param, var_mc) have running
    /// O(1) twins and are held to the goal like every indicator.
    static let perWindowStatistics: Set<String> = [
        "adf_stat", "adf_pvalue", "coint_pvalue", "hurst", "half_life", "var_hist", "cvar_hist", "calmar",
        "max_drawdown", "drawdown_duration",
    ]

    /// The builtin's name.
    let name: String
    /// Its kernel, whose `makeStream` makes a fresh stream for every run.
    let kernel: BuiltinKernel
    /// The settings in the kernel's order (length, count and setting arguments in parameter order).
    let settings: [Double]
    /// The settings as printed: `length=14 (no default), mult=1`, or `-` when there are none.
    let settingsText: String
    /// The input columns in the kernel's order: column arguments, then the bar fields of `reads`.
    let inputs: [InputSource]
    /// Whether the stream is one of `perWindowStatistics`.
    let isPerWindow: Bool

    /// The inputs as printed: `close, open`.
    var inputsText: String { inputs.map(\.label).joined(separator: ", ") }

    /// Prepares `builtin`, or explains why it cannot be timed (no kernel, a setting without a default, or
    /// counts that disagree with its kernel).
    static func make(_ builtin: Builtin) -> Result<StreamCase, Skip> {
        guard let kernel = builtin.kernel else { return .failure(Skip(name: builtin.name, reason: "no kernel")) }
        var inputs: [InputSource] = []
        var settings: [Double] = []
        var texts: [String] = []
        var seriesUsed = 0
        for parameter in builtin.parameters {
            switch parameter.role {
            case .series, .value:
                if let value = parameter.defaultValue {
                    inputs.append(.constant(value))
                } else {
                    guard seriesUsed < InputSource.seriesOrder.count else {
                        return .failure(Skip(name: builtin.name, reason: "more than three series arguments"))
                    }
                    inputs.append(InputSource.seriesOrder[seriesUsed])
                    seriesUsed += 1
                }
            case .condition:
                inputs.append(.closeAboveOpen)
            case .length, .count, .setting:
                if let value = parameter.defaultValue {
                    settings.append(value)
                    texts.append("\(parameter.name)=\(format(value))")
                } else if parameter.role == .length {
                    let value = max(requiredLength, parameter.minimum ?? 1)
                    settings.append(Double(value))
                    texts.append("\(parameter.name)=\(value) (no default)")
                } else if parameter.role == .count {
                    let value = parameter.minimum ?? 0
                    settings.append(Double(value))
                    texts.append("\(parameter.name)=\(value) (no default)")
                } else {
                    return .failure(Skip(name: builtin.name, reason: "setting \(parameter.name) has no default"))
                }
            }
        }
        inputs += builtin.reads.map { InputSource.field($0) }
        guard inputs.count == kernel.inputCount, settings.count == kernel.settingCount else {
            return .failure(
                Skip(
                    name: builtin.name,
                    reason: "\(inputs.count) inputs and \(settings.count) settings from the table, kernel takes "
                        + "\(kernel.inputCount) and \(kernel.settingCount)"))
        }
        return .success(
            StreamCase(
                name: builtin.name, kernel: kernel, settings: settings,
                settingsText: texts.isEmpty ? "-" : texts.joined(separator: ", "), inputs: inputs,
                isPerWindow: perWindowStatistics.contains(builtin.name)))
    }

    /// A number as the table shows defaults: whole numbers without a decimal point.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
