extension Expr {
    /// A compact S-expression dump for golden tests, e.g. `(> (call sma close 20) 3)`.
    ///
    /// The forms: numbers as written in shortest form (`20`, `0.5`, `0.001`); `(pct 0.25)` for
    /// `25%` (the stored fraction); `(dur 5 bars)`, `(dur 30 m)`; `true`, `false`, `na`; names bare;
    /// `(call f a b label=c)`; `(- x)`, `(not x)`; `(+ a b)`, `(and a b)` and so on with the
    /// operator as written; `(of a b)`; `(if c a b)`; `(hist x n)` for `x[n]`; `(. x field)` for
    /// `x.field`; `(invalid)` where the parser recovered from an error.
    public var dump: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch kind {
        case .number(let value):
            output += Self.format(value)
        case .percent(let fraction):
            output += "(pct \(Self.format(fraction)))"
        case .duration(let count, let unit):
            output += "(dur \(Self.format(count)) \(unit.rawValue))"
        case .bool(let value):
            output += value ? "true" : "false"
        case .na:
            output += "na"
        case .name(let name):
            output += name
        case .call(let callee, let arguments):
            output += "(call \(callee.name)"
            for argument in arguments {
                output += " "
                if let label = argument.label { output += "\(label.name)=" }
                argument.value.write(to: &output)
            }
            output += ")"
        case .unary(let prefix, let operand):
            output += "(\(prefix.rawValue) "
            operand.write(to: &output)
            output += ")"
        case .binary(let infix, let lhs, let rhs):
            Self.write(infix.rawValue, lhs, rhs, to: &output)
        case .of(let fraction, let amount):
            Self.write("of", fraction, amount, to: &output)
        case .conditional(let condition, let then, let otherwise):
            output += "(if "
            condition.write(to: &output)
            output += " "
            then.write(to: &output)
            output += " "
            otherwise.write(to: &output)
            output += ")"
        case .history(let base, let offset):
            Self.write("hist", base, offset, to: &output)
        case .member(let base, let field):
            output += "(. "
            base.write(to: &output)
            output += " \(field.name))"
        case .invalid:
            output += "(invalid)"
        }
    }

    private static func write(_ head: String, _ lhs: Expr, _ rhs: Expr, to output: inout String) {
        output += "(\(head) "
        lhs.write(to: &output)
        output += " "
        rhs.write(to: &output)
        output += ")"
    }

    /// Whole numbers without a fraction (`20`, not `20.0`); others in Swift's shortest round-trip form.
    private static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
