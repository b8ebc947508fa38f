import SextantIndicators

/// Checks one expression tree against a scope: names, types, stages, look-ahead and warm-up.
///
/// Runs only on a tree whose parse produced no errors (as cel-go and PromQL do), so every message
/// here is about meaning, not syntax. Nodes that fail get the `error` type, and operators over
/// an `error` operand stay silent, so one mistake gives one diagnostic.
struct ExpressionChecker {
    var scope: Scope
    var diagnostics: DiagnosticBag

    init(scope: Scope, diagnostics: DiagnosticBag) {
        self.scope = scope
        self.diagnostics = diagnostics
    }

    var folder: ConstantFolder {
        ConstantFolder(params: scope.params.compactMapValues(\.value), lets: scope.lets)
    }

    mutating func report(
        _ id: DiagnosticID, _ message: String, at span: SourceSpan, notes: [Diagnostic.Note] = [],
        suggestion: String? = nil
    ) {
        diagnostics.report(Diagnostic(id, message, at: span, notes: notes, suggestion: suggestion))
    }

    func invalid(_ span: SourceSpan) -> CheckedExpr {
        CheckedExpr(.invalid, type: .error, stage: .const, span: span)
    }

    // MARK: - Expressions

    mutating func check(_ expr: Expr, in context: ExpressionContext) -> CheckedExpr {
        let span = expr.span
        switch expr.kind {
        case .number(let value):
            return CheckedExpr(.number(value), type: .number, stage: .const, span: span)
        case .percent(let fraction):
            return CheckedExpr(.number(fraction), type: .number, stage: .const, span: span)
        case .duration(let value, let unit):
            return CheckedExpr(.duration(value, unit), type: .duration, stage: .const, span: span)
        case .bool(let value):
            return CheckedExpr(.bool(value), type: .bool, stage: .const, span: span)
        case .na:
            return CheckedExpr(.na, type: .number, stage: .const, span: span)
        case .name(let name):
            return checkName(name, span: span, in: context)
        case .call(let callee, let arguments):
            return checkCall(callee, arguments, span: span, in: context)
        case .unary(let op, let operand):
            return checkUnary(op, check(operand, in: context), span: span)
        case .binary(let op, let lhs, let rhs):
            return checkBinary(op, check(lhs, in: context), check(rhs, in: context), span: span)
        case .of(let fraction, let amount):
            return checkOf(check(fraction, in: context), check(amount, in: context), span: span)
        case .conditional(let condition, let then, let otherwise):
            return checkConditional(
                check(condition, in: context), check(then, in: context), check(otherwise, in: context), span: span)
        case .history(let base, let offset):
            return checkHistory(check(base, in: context), check(offset, in: context), span: span)
        case .member(let base, let field):
            return checkMember(base, field, span: span, in: context)
        case .invalid:
            return invalid(span)
        }
    }

    mutating func checkName(_ name: String, span: SourceSpan, in context: ExpressionContext) -> CheckedExpr {
        if let param = scope.params[name] {
            return CheckedExpr(.param(name), type: param.type, stage: param.type.isError ? .const : .param, span: span)
        }
        if let bound = scope.lets[name] {
            if bound.stage == .state, !context.allowsState {
                report(
                    .stateNotAllowed,
                    "`\(context.path)` may read market data only, but `\(name)` depends on position or account state",
                    at: span, notes: scope.letSpans[name].map { [.init("`\(name)` is defined here", at: $0)] } ?? [])
                return invalid(span)
            }
            return CheckedExpr(
                .letReference(name), type: bound.type, stage: bound.stage, warmup: bound.warmup, span: span)
        }
        if scope.letSpans[name] != nil {
            // A let that failed to check (or sits in a cycle) was already diagnosed.
            return invalid(span)
        }
        if scope.barsVisible, let bar = BarName(rawValue: name) {
            return CheckedExpr(.bar(bar, alias: nil), type: .numberSeries, stage: .market, span: span)
        }
        if let state = StateVariable(rawValue: name) {
            guard context.allowsState else {
                report(
                    .stateNotAllowed,
                    "`\(name)` is position or account state, which `\(context.path)` may not read",
                    at: span,
                    suggestion: "state is available in size, stops, risk, exits and circuit breakers")
                return invalid(span)
            }
            return CheckedExpr(.state(state), type: .numberSeries, stage: .state, span: span)
        }
        if scope.aliases.contains(name) {
            return CheckedExpr(.symbol(name), type: ValueType(.symbol), stage: .market, span: span)
        }
        if BuiltinTable.lookup(name) != nil {
            report(
                .unknownName, "`\(name)` is a function; call it with arguments", at: span,
                suggestion: "write `\(name)(…)`")
            return invalid(span)
        }
        let suggestion = Suggestion.closest(to: name, in: scope.allNames).map { "did you mean `\($0)`?" }
        let what = scope.barsVisible ? "a bar column, param, let, state or symbol" : "an account state value"
        report(.unknownName, "unknown name `\(name)`: it is not \(what)", at: span, suggestion: suggestion)
        return invalid(span)
    }

    mutating func checkUnary(_ op: UnaryOperator, _ operand: CheckedExpr, span: SourceSpan) -> CheckedExpr {
        if operand.type.isError { return invalid(span) }
        switch op {
        case .negate:
            guard operand.type.isNumeric else {
                report(.typeMismatch, "`-` needs a number, but this is \(operand.type)", at: operand.span)
                return invalid(span)
            }
        case .not:
            guard operand.type.isBoolean else {
                report(.typeMismatch, "`not` needs a condition, but this is \(operand.type)", at: operand.span)
                return invalid(span)
            }
        }
        return CheckedExpr(
            .unary(op, operand), type: operand.type, stage: operand.stage, warmup: operand.warmup, span: span)
    }

    mutating func checkBinary(_ op: BinaryOperator, _ lhs: CheckedExpr, _ rhs: CheckedExpr, span: SourceSpan)
        -> CheckedExpr
    {
        if lhs.type.isError || rhs.type.isError { return invalid(span) }
        let series = lhs.type.isSeries || rhs.type.isSeries
        for operand in [lhs, rhs] {
            guard case .record(let fields) = operand.type.base else { continue }
            report(
                .recordUsedAsValue,
                "this result has several outputs; choose one with \(fields.map { "`.\($0)`" }.joined(separator: ", "))",
                at: operand.span, suggestion: "e.g. `\(operand.span.text).\(fields[0])`")
            return invalid(span)
        }
        for operand in [lhs, rhs] where operand.type.base == .size {
            report(
                .sizingOutsideSize,
                "an order size cannot be combined with `\(op.rawValue)`; a sizing function must be the whole `size:` expression",
                at: operand.span, suggestion: "put the arithmetic inside its argument, e.g. `units(2 * n)`")
            return invalid(span)
        }
        let base: ValueType.Base
        if op.isArithmetic {
            for operand in [lhs, rhs] where !operand.type.isNumeric {
                report(
                    .typeMismatch, "`\(op.rawValue)` needs numbers, but this is \(operand.type)", at: operand.span,
                    suggestion: operand.type.base == .duration
                        ? "durations are only valid as whole values (`cooldown: 5 bars`)" : nil)
                return invalid(span)
            }
            if op == .divide, case .number(0) = rhs.node {
                report(.divisionByZero, "division by zero: this is always na", at: rhs.span)
            }
            base = .number
        } else if op.isLogical {
            for operand in [lhs, rhs] where !operand.type.isBoolean {
                report(
                    .typeMismatch, "`\(op.rawValue)` needs conditions, but this is \(operand.type)", at: operand.span,
                    suggestion: "compare it, e.g. `x > 0`")
                return invalid(span)
            }
            base = .bool
        } else {
            let comparable =
                (lhs.type.isNumeric && rhs.type.isNumeric)
                || ((op == .equal || op == .notEqual) && lhs.type.isBoolean && rhs.type.isBoolean)
            guard comparable else {
                report(.typeMismatch, "cannot compare \(lhs.type) with \(rhs.type) using `\(op.rawValue)`", at: span)
                return invalid(span)
            }
            base = .bool
        }
        return CheckedExpr(
            .binary(op, lhs, rhs), type: ValueType(base, series: series), stage: max(lhs.stage, rhs.stage),
            warmup: max(lhs.warmup, rhs.warmup), span: span)
    }

    mutating func checkOf(_ fraction: CheckedExpr, _ amount: CheckedExpr, span: SourceSpan) -> CheckedExpr {
        if fraction.type.isError || amount.type.isError { return invalid(span) }
        guard fraction.type.isNumeric, !fraction.type.isSeries else {
            report(
                .typeMismatch,
                "the left side of `of` must be a single number such as `25%`, but this is \(fraction.type)",
                at: fraction.span)
            return invalid(span)
        }
        guard amount.type.isNumeric else {
            report(
                .typeMismatch, "the right side of `of` must be an amount, but this is \(amount.type)", at: amount.span)
            return invalid(span)
        }
        return CheckedExpr(
            .of(fraction, amount), type: amount.type, stage: max(fraction.stage, amount.stage),
            warmup: amount.warmup, span: span)
    }

    mutating func checkConditional(
        _ condition: CheckedExpr, _ then: CheckedExpr, _ otherwise: CheckedExpr, span: SourceSpan
    ) -> CheckedExpr {
        if condition.type.isError || then.type.isError || otherwise.type.isError { return invalid(span) }
        guard condition.type.isBoolean else {
            report(.typeMismatch, "`if` needs a condition, but this is \(condition.type)", at: condition.span)
            return invalid(span)
        }
        guard then.type.base == otherwise.type.base,
            then.type.isNumeric || then.type.isBoolean
                || then.type.base == .duration
        else {
            report(
                .typeMismatch,
                "the branches of `if` must have one type, but they are \(then.type) and \(otherwise.type)",
                at: span,
                notes: [
                    .init("this branch is \(then.type)", at: then.span),
                    .init("this branch is \(otherwise.type)", at: otherwise.span),
                ])
            return invalid(span)
        }
        let series = condition.type.isSeries || then.type.isSeries || otherwise.type.isSeries
        return CheckedExpr(
            .conditional(condition, then, otherwise), type: ValueType(then.type.base, series: series),
            stage: max(condition.stage, then.stage, otherwise.stage),
            warmup: max(condition.warmup, then.warmup, otherwise.warmup), span: span)
    }

    mutating func checkHistory(_ base: CheckedExpr, _ offset: CheckedExpr, span: SourceSpan) -> CheckedExpr {
        if base.type.isError || offset.type.isError { return invalid(span) }
        guard offset.type.isNumeric, offset.stage <= .param, !offset.type.isSeries else {
            if offset.type.isNumeric {
                report(
                    .nonConstantOffset,
                    "a history offset must be known before the run (a number or param), but this is \(offset.stage) data",
                    at: offset.span,
                    suggestion: "a data-dependent offset could read the future; use `valuewhen` or `barssince`")
            } else {
                report(
                    .typeMismatch, "a history offset must be a whole number of bars, but this is \(offset.type)",
                    at: offset.span)
            }
            return invalid(span)
        }
        let folded = folder.number(offset)
        if let value = folded {
            if value < 0 {
                report(
                    .lookAhead, "`[\(format(value))]` reads \(format(-value)) bar(s) into the future", at: offset.span,
                    suggestion: "offsets count bars back from the current one and must be ≥ 0")
                return invalid(span)
            }
            if value != value.rounded() || value > 1e9 {
                report(
                    .nonConstantOffset, "a history offset must be a whole number of bars, but this is \(format(value))",
                    at: offset.span)
                return invalid(span)
            }
        }
        let back = Int(folded ?? 0)
        return CheckedExpr(
            .history(base, offset), type: base.type, stage: max(base.stage, offset.stage), warmup: base.warmup + back,
            span: span)
    }

    mutating func checkMember(_ baseExpr: Expr, _ field: Identifier, span: SourceSpan, in context: ExpressionContext)
        -> CheckedExpr
    {
        let base = check(baseExpr, in: context)
        if base.type.isError { return invalid(span) }
        switch base.type.base {
        case .symbol:
            guard case .symbol(let alias) = base.node else { return invalid(span) }
            guard let bar = BarName(rawValue: field.name) else {
                report(
                    .unknownField, "`\(alias)` is a symbol; `\(field.name)` is not one of its bar columns",
                    at: field.span,
                    suggestion: Suggestion.closest(to: field.name, in: BarName.allCases.map(\.rawValue)).map {
                        "did you mean `\($0)`?"
                    })
                return invalid(span)
            }
            return CheckedExpr(.bar(bar, alias: alias), type: .numberSeries, stage: .market, span: span)
        case .record(let fields):
            guard fields.contains(field.name) else {
                report(
                    .unknownField,
                    "this result has no field `\(field.name)`; its fields are \(fields.map { "`.\($0)`" }.joined(separator: ", "))",
                    at: field.span,
                    suggestion: Suggestion.closest(to: field.name, in: fields).map { "did you mean `.\($0)`?" })
                return invalid(span)
            }
            return CheckedExpr(
                .field(base, field.name), type: .numberSeries, stage: base.stage, warmup: base.warmup, span: span)
        default:
            report(
                .unknownField,
                "\(base.type) has no fields; `.\(field.name)` applies to symbols and multi-output functions",
                at: field.span)
            return invalid(span)
        }
    }

    func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
