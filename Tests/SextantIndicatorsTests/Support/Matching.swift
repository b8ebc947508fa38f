import Testing

/// The reference tolerance: `|a − b| ≤ 1e-9·|b| + 1e-12`, NaN exactly where the reference has none.
enum Matching {
    /// Records an issue for every bar where `actual` and `expected` disagree (at most a few, then a
    /// count), and for a different first valid bar.
    static func expectClose(
        _ actual: [Double], _ expected: [Double], _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, "\(label): count", sourceLocation: sourceLocation)
        guard actual.count == expected.count else { return }
        #expect(
            actual.firstIndex { !$0.isNaN } == expected.firstIndex { !$0.isNaN }, "\(label): first valid bar",
            sourceLocation: sourceLocation)
        var mismatches: [String] = []
        var total = 0
        for index in expected.indices where !agrees(actual[index], expected[index]) {
            total += 1
            if mismatches.count < 5 { mismatches.append("bar \(index): \(actual[index]) vs \(expected[index])") }
        }
        #expect(
            total == 0, "\(label): \(total) bars differ: \(mismatches.joined(separator: "; "))",
            sourceLocation: sourceLocation)
    }

    /// Whether one value agrees with its reference.
    static func agrees(_ actual: Double, _ expected: Double) -> Bool {
        if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
        return Swift.abs(actual - expected) <= 1e-9 * Swift.abs(expected) + 1e-12
    }
}
