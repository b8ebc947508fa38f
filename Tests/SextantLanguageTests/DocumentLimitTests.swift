import Foundation
import SextantLanguage
import Testing

/// Hostile and oversized inputs: each is a located error, never a crash, hang or blow-up.
/// (How fast they load is measured by the benchmarks, not asserted here.)
@Suite struct DocumentLimitTests {
    /// Loads `yaml` and checks its diagnostics.
    private func expectLoads(
        _ yaml: String, _ expected: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let diagnostics = DocumentTests.load(yaml).diagnostics
        #expect(
            DocumentTests.summary(diagnostics) == expected, "\(DocumentTests.describe(diagnostics))",
            sourceLocation: sourceLocation)
    }

    @Test func deepFlowNestingStopsBeforeYams() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        // `symbols:` is two levels deep; the 63rd bracket (column 72) is the 65th level.
        expectLoads("kind: strategy\nname: t\nsymbols: \(deep)\n", ["E0110 3:72"])
    }

    @Test func deepFlowMappingsStopBeforeYams() {
        let deep = String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        expectLoads("kind: strategy\nname: t\nentry: \(deep)\n", ["E0110 3:256"])
    }

    @Test func deepIndentationStopsBeforeYams() {
        var yaml = "kind: strategy\nname: t\nlet:\n"
        for level in 0..<1_000 { yaml += String(repeating: " ", count: level + 1) + "a\(level):\n" }
        // Line 66 is `a62:` indented 63 spaces: 64 indentation levels, and its `:` opens the 65th.
        expectLoads(yaml, ["E0110 66:67"])
    }

    @Test func deepCompactListsStopBeforeYams() {
        let dashes = String(repeating: "- ", count: 10_000)
        expectLoads("kind: strategy\nname: t\nsymbols:\n  \(dashes)x\n", ["E0110 4:127"])
    }

    @Test func ordinaryNestingIsFine() {
        let nested = String(repeating: "[", count: 40) + "x" + String(repeating: "]", count: 40)
        let (_, diagnostics) = DocumentTests.load("kind: strategy\nname: t\nsymbols: \(nested)\n")
        // Deep but legal YAML reaches the schema, which rejects the shape, not the depth.
        #expect(DocumentTests.summary(diagnostics) == ["E0106 3:11"])
    }

    @Test func billionLaughsIsCutOff() {
        var yaml = "kind: strategy\nname: bad\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        // Expanding `e` passes 100 000 nodes; the report points at the first use of the alias it expands.
        expectLoads(yaml, ["E0111 7:8"])
    }

    @Test func tooManyAliasesIsCutOff() {
        let uses = Array(repeating: "*v", count: 1_001).joined(separator: ", ")
        expectLoads("kind: strategy\nname: t\ndescription: &v x\nsymbols: [\(uses)]\n", ["E0111 4:4011"])
    }

    @Test func chainedAliasesCannotNestDeep() {
        var yaml = "kind: strategy\nname: t\n"
        for index in 0..<100 { yaml += "a\(index): &a\(index) [\(index == 0 ? "x" : "*a\(index - 1)")]\n" }
        // `a63` nests `x` (line 3, column 10) 65 levels deep through 63 aliases.
        expectLoads(yaml, ["E0110 3:10"])
    }

    @Test func tooManyValuesIsAClearError() {
        let values = String(repeating: "a,", count: 200_001) + "a"
        // The 200 001st value (after kind, strategy, name, t, symbols and the list) is column 399 999.
        expectLoads("kind: strategy\nname: t\nsymbols: [\(values)]\n", ["E0113 3:399999"])
    }

    @Test func fiveMegabytesOfValuesIsAQuickError() {
        let closes = String(repeating: "100, ", count: 1_000_000) + "100"
        let yaml =
            "kind: strategy\nname: t\nentry:\n  long: close > 1\ntests:\n  - name: big\n    bars: {close: [\(closes)]}\n"
        // 15 values precede the list; its item 199 985 (column 20 + 5 × 199 985) is the 200 001st.
        expectLoads(yaml, ["E0113 7:999945"])
    }

    @Test func fiveMegabytesOfExpressionsLoadWithoutQuadraticCost() {
        var yaml = "kind: strategy\nname: big\nlet:\n"
        var index = 0
        while yaml.utf8.count < 5_000_000 {
            yaml +=
                "  v\(index): sma(close, \(index % 50 + 2)) + ema(close, 3) * 2 - [1, 2, 3, 4, 5, 6, 7, 8, 9, 10][0]\n"
            index += 1
        }
        // 55,000 expressions, 110,000 values.
        expectLoads(yaml, [])
    }

    @Test func fiveMegabytesOfTextLoads() throws {
        var yaml = "kind: strategy\nname: big\ndescription: |\n"
        let line = "  Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.\n"
        yaml += String(repeating: line, count: 5_000_000 / line.utf8.count)
        yaml += "entry:\n  long: close > open\n"
        expectLoads(yaml, [])
        let (document, _) = DocumentTests.load(yaml)
        guard case .strategy(let strategy) = document else { throw DocumentTests.LoadFailure(message: "no strategy") }
        #expect(strategy.description?.utf8.count ?? 0 > 4_800_000)
        #expect(
            strategy.entry.long.map { DocumentTests.position(of: "open", in: $0) }
                == "\(strategy.file.lineCount - 1):17")
    }

    @Test func manyValuesWithinTheLimitLoadQuickly() {
        var yaml = "kind: strategy\nname: t\nentry:\n  long: close > 1\ntests:\n"
        for test in 0..<20 {
            let closes = (0..<5_000).map { String(100 + $0 % 7) }.joined(separator: ", ")
            yaml += "  - name: t\(test)\n    bars: {close: [\(closes)]}\n    expect: {entry.long: [1, 2]}\n"
        }
        expectLoads(yaml, [])
    }

    @Test func oversizedBytesAreRefusedUnread() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8 * 1024 * 1024 + 1)
        let (document, diagnostics) = DocumentTests.load(bytes: bytes)
        #expect(document == nil)
        #expect(DocumentTests.summary(diagnostics) == ["E0113 1:1"])
    }

    @Test func invalidUTF8IsReportedAtEachSequenceAndTheRestLoads() throws {
        let bytes =
            Array("kind: strategy\ndescription: caf".utf8) + [0xE9]
            + Array(" au lait \u{00E9}\nname: t\nentry: {long: x ".utf8)
            + [0xC3, 0x28] + Array("}\n".utf8)
        let (document, diagnostics) = DocumentTests.load(bytes: bytes)
        #expect(
            DocumentTests.summary(diagnostics) == ["E0109 2:17", "E0109 4:17"], "\(DocumentTests.describe(diagnostics))"
        )
        guard case .strategy(let strategy) = document else { throw DocumentTests.LoadFailure(message: "no strategy") }
        #expect(strategy.description == "caf\u{FFFD} au lait \u{00E9}")
        #expect(strategy.entry.long?.source.text == "x \u{FFFD}(")
    }

    @Test func binaryIsRefusedAfterAFewFindings() {
        let bytes = (0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) }
        let (document, diagnostics) = DocumentTests.load(bytes: bytes)
        #expect(document == nil)
        #expect(diagnostics.count <= 22)
        #expect(diagnostics.allSatisfy { $0.id == .notUTF8 })
    }

    // MARK: - Never a crash

    @Test func everyPrefixOfTheExamplesLoadsWithoutCrashing() {
        for example in [DocumentExampleTests.strategy, DocumentExampleTests.risk, DocumentExampleTests.engine] {
            let bytes = Array(example.utf8)
            for end in 0...bytes.count {
                var bag = DiagnosticBag()
                _ = DocumentLoader.load(bytes: Array(bytes[..<end]), path: "prefix.yaml", into: &bag)
            }
        }
    }

    @Test func insertedSyntaxCharactersNeverCrash() {
        let bytes = Array(DocumentExampleTests.strategy.utf8)
        let inserts: [[UInt8]] = [
            "[", "]", "{", "}", "'", "\"", "|", ">", "&a ", "*a", "!", "%", "\t", "\r", "\0", "#", ": ", "- ", "? ",
            ",", "\\", "\u{2028}", "---\n", "  ", "\n",
        ]
        .map { Array($0.utf8) }
        for position in stride(from: 0, through: bytes.count, by: 5) {
            for insert in inserts {
                var bag = DiagnosticBag()
                _ = DocumentLoader.load(
                    bytes: Array(bytes[..<position]) + insert + Array(bytes[position...]), path: "m.yaml", into: &bag)
            }
        }
    }

    @Test func randomMutationsNeverCrash() {
        var generator = SplitMix64(seed: 0x5E47A27)
        let seeds = [DocumentExampleTests.strategy, DocumentExampleTests.risk, DocumentExampleTests.engine].map {
            Array($0.utf8)
        }
        for round in 0..<3_000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + Int(generator.next() % 8)) {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: position)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next() % 128), at: position)
                }
            }
            var bag = DiagnosticBag()
            _ = DocumentLoader.load(bytes: bytes, path: "random.yaml", into: &bag)
        }
    }

    /// A small deterministic generator, so that a failing mutation can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
