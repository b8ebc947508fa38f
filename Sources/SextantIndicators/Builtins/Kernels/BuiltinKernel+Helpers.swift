// The series helpers' kernels, named by the table entries of `BuiltinTable.helpers`. Conditions go in
// and out as 1/0 columns (see `BuiltinKernel`).
extension BuiltinKernel {
    /// `highest(source, length)`.
    static let highest = windowed(Highest.highest(_:length:into:), HighestStream.init(length:))
    /// `lowest(source, length)`.
    static let lowest = windowed(Lowest.lowest(_:length:into:), LowestStream.init(length:))
    /// `sum(source, length)`.
    static let sum = windowed(Sum.sum(_:length:into:), SumStream.init(length:))
    /// `change(source, length)`.
    static let change = windowed(Change.change(_:length:into:), ChangeStream.init(length:))

    /// `crosses_above(a, b)`, a condition.
    static let crossesAbove = pair(settings: 0) { inputs, _, outputs in
        writingConditions(into: outputs[0]) { CrossesAbove.crossesAbove(inputs[0], inputs[1], into: $0) }
    } stream: { _ in
        CrossesAboveStream()
    }

    /// `crosses_below(a, b)`, a condition.
    static let crossesBelow = pair(settings: 0) { inputs, _, outputs in
        writingConditions(into: outputs[0]) { CrossesBelow.crossesBelow(inputs[0], inputs[1], into: $0) }
    } stream: { _ in
        CrossesBelowStream()
    }

    /// `rising(source, length)`, a condition.
    static let rising = series(settings: 1) { inputs, settings, outputs in
        writingConditions(into: outputs[0]) { Rising.rising(inputs[0], length: whole(settings[0]), into: $0) }
    } stream: { settings in
        RisingStream(length: whole(settings[0]))
    }

    /// `falling(source, length)`, a condition.
    static let falling = series(settings: 1) { inputs, settings, outputs in
        writingConditions(into: outputs[0]) { Falling.falling(inputs[0], length: whole(settings[0]), into: $0) }
    } stream: { settings in
        FallingStream(length: whole(settings[0]))
    }

    /// `barssince(condition)`.
    static let barssince = condition(settings: 0) { inputs, _, outputs in
        readingConditions(inputs[0]) { BarsSince.barssince($0, into: outputs[0]) }
    } stream: { _ in
        BarsSinceStream()
    }

    /// `valuewhen(condition, source, occurrence)`.
    static let valuewhen = conditional(settings: 1) { inputs, settings, outputs in
        readingConditions(inputs[0]) {
            ValueWhen.valuewhen($0, inputs[1], occurrence: whole(settings[0]), into: outputs[0])
        }
    } stream: { settings in
        ValueWhenStream(occurrence: whole(settings[0]))
    }

    /// `nz(value, replacement)`: both are columns, a number replacement arriving as a constant one.
    static let nz = pair(settings: 0) { inputs, _, outputs in
        NZ.nz(inputs[0], replacement: inputs[1], into: outputs[0])
    } stream: { _ in
        NZStream()
    }
}
