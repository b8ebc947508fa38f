import SextantIndicators
import Testing

/// Each length's minimum in the table (the checker's E0403 bound) against the kernels: from the minimum
/// on, every length has values; one below a raised minimum, the kernel has none — so the minimum is the
/// shortest window with a value, no more and no less.
@Suite("Builtin kernels: minimum lengths")
struct BuiltinMinimumLengthTests {
    /// Raised minima that are not the kernel's shortest window, with the reason.
    static let otherReasons: [String: String] = [
        "kama.length": "TA-Lib's range (2…100000): at 1 the kernel copies its input with a warm-up of 0, not `length`"
    ]

    /// One length parameter of a wired builtin.
    struct Length: CustomTestStringConvertible, Sendable {
        var builtin: String
        var position: Int
        var name: String
        var minimum: Int
        var raised: Bool
        var testDescription: String { "\(builtin).\(name) ≥ \(minimum)" }
    }

    static let lengths: [Length] = BuiltinTable.all.filter { $0.kernel != nil }.flatMap { builtin in
        builtin.settingParameters.enumerated().compactMap { position, parameter in
            guard parameter.role == .length, let minimum = parameter.minimum else { return nil }
            return Length(
                builtin: builtin.name, position: position, name: parameter.name, minimum: minimum,
                raised: parameter.raisesMinimum)
        }
    }

    /// Whether every output of the builtin has a value somewhere on GOOG with this length.
    static func hasValues(_ length: Length, _ value: Int) throws -> Bool {
        let builtin = try #require(BuiltinTable.lookup(length.builtin))
        let kernel = try #require(builtin.kernel)
        let goog = StreamingInputs.goog()
        var settings = KernelHarness.settings(builtin)
        settings[length.position] = Double(value)
        let outputs = KernelHarness.batch(kernel, KernelHarness.inputs(builtin, goog), settings, count: goog.count)
        return outputs.allSatisfy { column in column.contains { !$0.isNaN } }
    }

    @Test("values at the minimum and the dozen lengths above it", arguments: lengths)
    func valuesFromTheMinimum(_ length: Length) throws {
        for value in length.minimum...(length.minimum + 12) {
            #expect(try Self.hasValues(length, value), "no value at \(length.name) = \(value)")
        }
    }

    @Test("no value one below a raised minimum", arguments: lengths.filter(\.raised))
    func noValueBelow(_ length: Length) throws {
        let key = "\(length.builtin).\(length.name)"
        if Self.otherReasons[key] != nil {
            #expect(try Self.hasValues(length, length.minimum - 1), "\(key): remove it from `otherReasons`")
        } else {
            #expect(try !Self.hasValues(length, length.minimum - 1), "\(key) has values below its minimum")
        }
    }
}
