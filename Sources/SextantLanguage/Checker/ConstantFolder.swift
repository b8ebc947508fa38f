/// Evaluates `const` and `param` stage scalar expressions with the params at given values.
///
/// Used for indicator lengths and settings (which must be known before the run), history offsets,
/// warm-ups and param defaults. Returns nil for anything that is not a known scalar number.
struct ConstantFolder {
    /// Param values by name.
    var params: [String: Double]
    /// Checked `let` bindings, for lets that are themselves constant.
    var lets: [String: CheckedExpr]

    func number(_ expr: CheckedExpr) -> Double? {
        guard expr.stage <= .param, !expr.type.isSeries else { return nil }
        switch expr.node {
        case .number(let value): return value
        case .duration(let value, _): return value
        case .param(let name): return params[name]
        case .letReference(let name):
            guard let bound = lets[name] else { return nil }
            return number(bound)
        case .unary(.negate, let operand): return number(operand).map { -$0 }
        case .binary(let op, let lhs, let rhs) where op.isArithmetic:
            guard let a = number(lhs), let b = number(rhs) else { return nil }
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return b == 0 ? nil : a / b
            case .remainder: return b == 0 ? nil : a.truncatingRemainder(dividingBy: b)
            default: return nil
            }
        case .of(let fraction, let amount):
            guard let a = number(fraction), let b = number(amount) else { return nil }
            return a * b
        case .conditional(let condition, let then, let otherwise):
            guard let flag = bool(condition) else { return nil }
            return number(flag ? then : otherwise)
        case .call(let builtin, let arguments) where arguments.count == builtin.parameters.count:
            let values = arguments.map(number)
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            let v = values.compactMap { $0 }
            switch builtin.name {
            case "abs": return abs(v[0])
            case "min": return min(v[0], v[1])
            case "max": return max(v[0], v[1])
            case "sqrt": return v[0] >= 0 ? v[0].squareRoot() : nil
            case "round":
                let scale = pow10(Int(v[1]))
                return (v[0] * scale).rounded(.toNearestOrAwayFromZero) / scale
            case "clamp": return min(max(v[0], v[1]), v[2])
            default: return nil
            }
        default: return nil
        }
    }

    func bool(_ expr: CheckedExpr) -> Bool? {
        guard expr.stage <= .param, !expr.type.isSeries else { return nil }
        switch expr.node {
        case .bool(let value): return value
        case .letReference(let name): return lets[name].flatMap(bool)
        case .unary(.not, let operand): return bool(operand).map { !$0 }
        case .binary(let op, let lhs, let rhs):
            if op.isLogical {
                guard let a = bool(lhs), let b = bool(rhs) else { return nil }
                return op == .and ? a && b : a || b
            }
            guard op.isComparison, let a = number(lhs), let b = number(rhs) else { return nil }
            switch op {
            case .less: return a < b
            case .lessEqual: return a <= b
            case .greater: return a > b
            case .greaterEqual: return a >= b
            case .equal: return a == b
            case .notEqual: return a != b
            default: return nil
            }
        default: return nil
        }
    }

    private func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(abs(exponent), 308) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
