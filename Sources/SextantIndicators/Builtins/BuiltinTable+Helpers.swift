import SextantCore

// Series helpers and elementwise math (DSL.md §3). Crossovers are strict, as in Backtesting.py:
// `a[1] < b[1] and a > b`; a bar where the two are equal breaks the cross.
extension BuiltinTable {
    static let helpers: [Builtin] = [
        Builtin(
            "highest", .helpers, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .highest, doc: "Highest value of the last `length` bars (including this one)."),
        Builtin(
            "lowest", .helpers, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .lowest, doc: "Lowest value of the last `length` bars (including this one)."),
        Builtin(
            "sum", .helpers, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .sum, doc: "Sum of the last `length` values."),
        Builtin(
            "change", .helpers, [.source(), .length("length", 1)], returns: .series,
            warmup: .parameter("length"), kernel: .change, doc: "source − source[length]."),
        Builtin(
            "crosses_above", .helpers, [.source("a"), .source("b")], returns: .condition, warmup: .constant(1),
            kernel: .crossesAbove, doc: "True on the bar where `a` goes from below `b` to above it (strict)."),
        Builtin(
            "crosses_below", .helpers, [.source("a"), .source("b")], returns: .condition, warmup: .constant(1),
            kernel: .crossesBelow, doc: "True on the bar where `a` goes from above `b` to below it (strict)."),
        Builtin(
            "rising", .helpers, [.source(), .length("length", 1)], returns: .condition,
            warmup: .parameter("length"), kernel: .rising,
            doc: "True when source rose on each of the last `length` bars."),
        Builtin(
            "falling", .helpers, [.source(), .length("length", 1)], returns: .condition,
            warmup: .parameter("length"), kernel: .falling,
            doc: "True when source fell on each of the last `length` bars."),
        Builtin(
            "barssince", .helpers, [.init("condition", .condition)], returns: .series, warmup: .constant(0),
            kernel: .barssince, doc: "Bars since `condition` was last true (0 on a true bar); na before the first."),
        Builtin(
            "valuewhen", .helpers,
            [.init("condition", .condition), .source(), .init("occurrence", .count, default: 0)],
            returns: .series, warmup: .constant(0), kernel: .valuewhen,
            doc: "`source` on the bar where `condition` was true, `occurrence` true bars back (0 = latest)."),
        Builtin(
            "nz", .helpers, [.value("value"), .value("replacement", 0)], returns: .elementwise,
            warmup: .constant(0), kernel: .nz, doc: "`value`, or `replacement` where it is na."),
    ]

    static let math: [Builtin] = [
        Builtin(
            "abs", .math, [.value("value")], returns: .elementwise, warmup: .constant(0), kernel: .abs,
            doc: "Absolute value."),
        Builtin(
            "min", .math, [.value("a"), .value("b")], returns: .elementwise, warmup: .constant(0),
            kernel: .min, doc: "The smaller of `a` and `b`, bar by bar."),
        Builtin(
            "max", .math, [.value("a"), .value("b")], returns: .elementwise, warmup: .constant(0),
            kernel: .max, doc: "The larger of `a` and `b`, bar by bar."),
        Builtin(
            "log", .math, [.value("value")], returns: .elementwise, warmup: .constant(0),
            kernel: .log, doc: "Natural logarithm (na for values ≤ 0)."),
        Builtin(
            "exp", .math, [.value("value")], returns: .elementwise, warmup: .constant(0), kernel: .exp,
            doc: "e to the power `value`."),
        Builtin(
            "sqrt", .math, [.value("value")], returns: .elementwise, warmup: .constant(0),
            kernel: .sqrt, doc: "Square root (na for negative values)."),
        Builtin(
            "pow", .math, [.value("base"), .value("exponent")], returns: .elementwise, warmup: .constant(0),
            kernel: .pow, doc: "`base` to the power `exponent`."),
        Builtin(
            "round", .math, [.value("value"), .setting("digits", 0)], returns: .elementwise,
            warmup: .constant(0), kernel: .round, doc: "Rounds half away from zero to `digits` decimals."),
        Builtin(
            "clamp", .math, [.value("value"), .value("low"), .value("high")], returns: .elementwise,
            warmup: .constant(0), kernel: .clamp, doc: "`value` limited to [low, high]."),
    ]
}
