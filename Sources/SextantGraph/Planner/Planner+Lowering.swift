import SextantIndicators
import SextantLanguage

extension Planner {
    /// Lowers a checked expression to a node, folding what is constant.
    mutating func lower(_ expr: CheckedExpr) -> NodeID {
        switch expr.node {
        case .number(let value):
            return builder.constant(value)
        case .bool(let value):
            return builder.constant(value ? 1 : 0, type: .bool)
        case .duration(let value, _):
            return builder.constant(value, type: .duration)
        case .na, .invalid, .symbol:
            return builder.constant(.nan)
        case .param(let name):
            return builder.constant(params[name] ?? .nan, type: expr.type)
        case .bar(let name, let alias):
            return builder.add(.bar(name, alias: alias), [], type: .numberSeries, stage: .market, warmup: 0)
        case .state(let variable):
            return builder.add(.state(variable), [], type: .numberSeries, stage: .state, warmup: 0)
        case .letReference(let name):
            if let node = letNodes[name] { return node }
            guard let bound = lets[name] else { return builder.constant(.nan) }
            let node = lower(bound)
            letNodes[name] = node
            return node
        case .call(let builtin, let arguments):
            return lowerCall(builtin, arguments, expr)
        case .unary(let op, let operand):
            return combine(.unary(op), [lower(operand)], expr)
        case .binary(let op, let lhs, let rhs):
            return combine(.binary(op), [lower(lhs), lower(rhs)], expr)
        case .of(let fraction, let amount):
            // `25% of equity` is a product; as one node it shares with a written `0.25 * equity`.
            return combine(.binary(.multiply), [lower(fraction), lower(amount)], expr)
        case .conditional(let condition, let then, let otherwise):
            return combine(.conditional, [lower(condition), lower(then), lower(otherwise)], expr)
        case .history(let base, let offset):
            let input = lower(base)
            let offsetNode = lower(offset)
            let bars = Int(builder.graph[offsetNode].constant ?? 0)
            if bars <= 0 || builder.graph[input].constant != nil { return input }
            let node = builder.graph[input]
            return builder.add(
                .shift(bars), [input], type: node.type, stage: node.stage, warmup: node.warmup + bars, width: node.width
            )
        case .field(let base, let name):
            let input = lower(base)
            let node = builder.graph[input]
            guard case .record(let fields) = node.type.base, let index = fields.firstIndex(of: name) else {
                return builder.constant(.nan)
            }
            return builder.add(
                .field(index: index, name: name), [input], type: .numberSeries, stage: node.stage, warmup: node.warmup)
        }
    }

    /// An elementwise operator node, or its folded constant when every input is constant.
    private mutating func combine(_ operation: Operation, _ inputs: [NodeID], _ expr: CheckedExpr) -> NodeID {
        let nodes = inputs.map { builder.graph[$0] }
        let values = nodes.compactMap(\.constant)
        if values.count == inputs.count {
            let folded: Double
            switch operation {
            case .unary(let op): folded = ScalarOperators.apply(op, values[0])
            case .binary(let op): folded = ScalarOperators.apply(op, values[0], values[1])
            case .conditional: folded = values[0] == 1 ? values[1] : values[2]
            default: folded = .nan
            }
            return builder.constant(folded, type: expr.type)
        }
        let type = ValueType(expr.type.base, series: true)
        return builder.add(
            operation, inputs, type: type, stage: nodes.map(\.stage).max() ?? .const,
            warmup: nodes.map(\.warmup).max() ?? 0)
    }

    private mutating func lowerCall(_ builtin: Builtin, _ arguments: [CheckedExpr], _ expr: CheckedExpr) -> NodeID {
        var inputs: [NodeID] = []
        var settings: [Double] = []
        var settingsByName: [String: Double] = [:]
        for (parameter, argument) in zip(builtin.parameters, arguments) {
            let node = lower(argument)
            switch parameter.role {
            case .series, .condition, .value:
                inputs.append(node)
            case .length, .count, .setting:
                let value = builder.graph[node].constant ?? .nan
                settings.append(value)
                settingsByName[parameter.name] = value
            }
        }
        let argumentNodes = inputs.map { builder.graph[$0] }
        for field in builtin.reads {
            guard let name = BarName(rawValue: field.rawValue) else { continue }
            inputs.append(builder.add(.bar(name, alias: nil), [], type: .numberSeries, stage: .market, warmup: 0))
        }
        let width: Int
        if case .record(let fields) = builtin.result { width = fields.count } else { width = 1 }
        // A call of elementwise math on constants folds through the kernel itself, so the folded bits
        // are exactly what the evaluators would compute.
        if builtin.result == .elementwise, let kernel = builtin.kernel,
            inputs.allSatisfy({ builder.graph[$0].constant != nil })
        {
            let values = inputs.map { builder.graph[$0].constant ?? .nan }
            return builder.constant(Self.runOnce(kernel, values, settings), type: expr.type)
        }
        var warmup = (argumentNodes.map(\.warmup).max() ?? 0) + builtin.warmup.evaluate { settingsByName[$0] }
        if builtin.name == "nz" { warmup = argumentNodes.count > 1 ? argumentNodes[1].warmup : 0 }
        let stage = max(argumentNodes.map(\.stage).max() ?? .const, builtin.result == .size ? .state : .market)
        return builder.add(
            .kernel(name: builtin.name, settings: settings.map(Constant.init)), inputs,
            type: ValueType(expr.type.base, series: true), stage: stage, warmup: warmup, width: width)
    }

    /// Runs a kernel over one-element columns (for folding).
    static func runOnce(_ kernel: BuiltinKernel, _ values: [Double], _ settings: [Double]) -> Double {
        var columns = values.map { [$0] }
        var output = [Double.nan]
        let count = columns.count
        func withInputs(_ index: Int, _ pointers: [UnsafeBufferPointer<Double>]) {
            if index == count {
                output.withUnsafeMutableBufferPointer { out in kernel.batch(pointers, settings, [out]) }
                return
            }
            columns[index].withUnsafeBufferPointer { withInputs(index + 1, pointers + [$0]) }
        }
        withInputs(0, [])
        return output[0]
    }
}
