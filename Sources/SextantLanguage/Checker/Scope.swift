/// The names visible to the expressions of one document.
struct Scope {
    /// A param's checked default value.
    struct Param {
        var type: ValueType
        var value: Double?
        var span: SourceSpan
    }

    /// Declared params, by name.
    var params: [String: Param] = [:]
    /// Checked `let` bindings, by name (filled in dependency order).
    var lets: [String: CheckedExpr] = [:]
    /// Where each `let` is declared.
    var letSpans: [String: SourceSpan] = [:]
    /// Symbol aliases (`eth` in `eth.close`).
    var aliases: Set<String> = []
    /// False in risk files, which see account state only.
    var barsVisible = true

    /// Every name the user could have meant, for did-you-mean.
    var allNames: [String] {
        var names = Array(params.keys) + Array(letSpans.keys) + Array(aliases)
        names += StateVariable.allCases.map(\.rawValue)
        if barsVisible { names += BarName.allCases.map(\.rawValue) }
        return names
    }
}
