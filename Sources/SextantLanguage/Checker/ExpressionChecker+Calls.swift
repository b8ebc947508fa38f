import SextantIndicators

extension ExpressionChecker {
    /// Binds a call's arguments to the builtin's parameters and checks each against its role.
    mutating func checkCall(
        _ callee: Identifier, _ arguments: [Argument], span: SourceSpan, in context: ExpressionContext
    ) -> CheckedExpr {
        guard let builtin = BuiltinTable.lookup(callee.name) else {
            let isName =
                scope.params[callee.name] != nil || scope.letSpans[callee.name] != nil
                || BarName(rawValue: callee.name) != nil
            if isName {
                report(
                    .notCallable, "`\(callee.name)` is a value, not a function", at: callee.span,
                    suggestion: "remove the parentheses and arguments")
            } else {
                report(
                    .unknownFunction, "unknown function `\(callee.name)`", at: callee.span,
                    suggestion: Suggestion.closest(to: callee.name, in: BuiltinTable.names).map {
                        "did you mean `\($0)`?"
                    }
                        ?? "`sextant functions` lists every function")
            }
            for argument in arguments { _ = check(argument.value, in: context) }
            return invalid(span)
        }
        if builtin.context == .sizing, !context.isSize {
            report(
                .sizingOutsideSize,
                "`\(builtin.name)` is a sizing function; it may only be the whole `size:` expression",
                at: callee.span)
            return invalid(span)
        }

        // Bind positional arguments first, then named ones (the parser rejects positional after named).
        var bound = [Argument?](repeating: nil, count: builtin.parameters.count)
        var failed = false
        for (index, argument) in arguments.enumerated() {
            let slot: Int
            if let label = argument.label {
                guard let named = builtin.parameters.firstIndex(where: { $0.name == label.name }) else {
                    report(
                        .unknownArgumentLabel, "`\(builtin.name)` has no parameter `\(label.name)`", at: label.span,
                        notes: [.init("signature: \(builtin.signature)")],
                        suggestion: Suggestion.closest(to: label.name, in: builtin.parameters.map(\.name)).map {
                            "did you mean `\($0)`?"
                        })
                    failed = true
                    continue
                }
                slot = named
            } else {
                guard index < builtin.parameters.count else {
                    report(
                        .wrongArity,
                        "`\(builtin.name)` takes at most \(builtin.parameters.count) argument(s), but \(arguments.count) are given",
                        at: argument.span, notes: [.init("signature: \(builtin.signature)")])
                    failed = true
                    break
                }
                slot = index
            }
            if bound[slot] != nil {
                report(.duplicateArgument, "`\(builtin.parameters[slot].name)` is given twice", at: argument.span)
                failed = true
                continue
            }
            bound[slot] = argument
        }
        let missing = builtin.parameters.indices.filter {
            bound[$0] == nil && builtin.parameters[$0].defaultValue == nil
        }
        if !missing.isEmpty, !failed {
            let names = missing.map { "`\(builtin.parameters[$0].name)`" }.joined(separator: ", ")
            report(
                .wrongArity, "`\(builtin.name)` needs \(names), which \(missing.count == 1 ? "is" : "are") missing",
                at: span, notes: [.init("signature: \(builtin.signature)")])
            failed = true
        }

        var checked: [CheckedExpr] = []
        var stage: Stage = builtin.reads.isEmpty ? .const : .market
        if builtin.result == .size { stage = .state }
        var inputWarmup = 0
        var anySeries = !builtin.reads.isEmpty
        var settings: [String: Double] = [:]
        for (slot, parameter) in builtin.parameters.enumerated() {
            guard let argument = bound[slot] else {
                let value = parameter.defaultValue ?? .nan
                settings[parameter.name] = value
                checked.append(CheckedExpr(.number(value), type: .number, stage: .const, span: callee.span))
                continue
            }
            let value = check(argument.value, in: context)
            if value.type.isError {
                failed = true
                checked.append(value)
                continue
            }
            if !accepts(parameter, value, of: builtin) {
                failed = true
            }
            if let number = folder.number(value) { settings[parameter.name] = number }
            if parameter.role == .series || parameter.role == .condition || parameter.role == .value {
                inputWarmup = max(inputWarmup, value.warmup)
                anySeries = anySeries || value.type.isSeries
            }
            stage = max(stage, value.stage)
            checked.append(value)
        }
        if failed { return invalid(span) }

        let type: ValueType
        switch builtin.result {
        case .series: type = .numberSeries
        case .condition: type = .boolSeries
        case .record(let fields): type = ValueType(.record(fields), series: true)
        case .elementwise: type = ValueType(.number, series: anySeries)
        case .size: type = .size
        }
        if type.isSeries { stage = max(stage, .market) }
        var warmup = inputWarmup + builtin.warmup.evaluate { settings[$0] }
        if builtin.name == "nz" {
            // nz fills the warm-up of its first argument: only the replacement's warm-up remains.
            warmup = checked.count > 1 ? checked[1].warmup : 0
        }
        return CheckedExpr(.call(builtin, checked), type: type, stage: stage, warmup: warmup, span: span)
    }

    /// Checks one argument against its parameter's role, reporting what is wrong.
    mutating func accepts(_ parameter: BuiltinParameter, _ value: CheckedExpr, of builtin: Builtin) -> Bool {
        let what = "`\(parameter.name)` of `\(builtin.name)`"
        if case .record(let fields) = value.type.base {
            report(
                .recordUsedAsValue,
                "\(what) needs one series, but this result has several; choose one with \(fields.map { "`.\($0)`" }.joined(separator: ", "))",
                at: value.span)
            return false
        }
        switch parameter.role {
        case .series, .value:
            guard value.type.isNumeric else {
                report(.typeMismatch, "\(what) needs a number, but this is \(value.type)", at: value.span)
                return false
            }
        case .condition:
            guard value.type.isBoolean else {
                report(.typeMismatch, "\(what) needs a condition, but this is \(value.type)", at: value.span)
                return false
            }
        case .length, .count, .setting:
            guard value.type.isNumeric || (parameter.role != .setting && value.type.base == .duration) else {
                report(.typeMismatch, "\(what) needs a number, but this is \(value.type)", at: value.span)
                return false
            }
            guard value.stage <= .param, !value.type.isSeries else {
                let id: DiagnosticID = parameter.role == .setting ? .settingNotConstant : .invalidLength
                report(
                    id, "\(what) must be known before the run (a number or a param), but this is \(value.stage) data",
                    at: value.span, suggestion: "indicator settings are fixed per run so that they can be precomputed")
                return false
            }
            guard parameter.role != .setting, let minimum = parameter.minimum else { return true }
            if let number = folder.number(value), number < Double(minimum) || number != number.rounded() || number > 1e8
            {
                // A raised minimum (`BuiltinParameter.minimum`) shows in the signature: point at it.
                report(
                    .invalidLength, "\(what) must be a whole number ≥ \(minimum), but it is \(format(number))",
                    at: value.span,
                    notes: parameter.raisesMinimum ? [.init("signature: \(builtin.signature)")] : [])
                return false
            }
        }
        return true
    }
}
