// How a call's arguments map onto the kernel interface (see `BuiltinKernel`): the column arguments
// and the implicit bar fields are inputs, the rest are settings.
extension Builtin {
    /// The parameters whose arguments are input columns (series, condition and value), in order.
    public var columnParameters: [BuiltinParameter] { parameters.filter(\.role.isColumn) }

    /// The parameters whose arguments are settings (length, count and setting), in order.
    public var settingParameters: [BuiltinParameter] { parameters.filter { !$0.role.isColumn } }

    /// How many input columns the kernel takes: the column arguments, then the fields in `reads`.
    public var inputCount: Int { columnParameters.count + reads.count }
}

extension BuiltinParameter.Role {
    /// Whether the argument reaches the kernel as a column (`series`, `condition`, `value`) rather
    /// than as a setting fixed before the run (`length`, `count`, `setting`).
    public var isColumn: Bool {
        switch self {
        case .series, .condition, .value: true
        case .length, .count, .setting: false
        }
    }
}

extension BuiltinResult {
    /// How many columns the result fills: the field count of a record, otherwise 1.
    public var columnCount: Int {
        if case .record(let fields) = self { return fields.count }
        return 1
    }
}
