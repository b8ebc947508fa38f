import Foundation
import Testing

@testable import SextantLanguage

extension ParserTests {
    /// Input no analyst writes but a fuzzer, a generator or a bad paste does: the parser must
    /// finish in linear time, never recurse or build past `maximumDepth`, and never crash.
    @Suite struct Stress {
        static let limit = ExpressionParser.maximumDepth

        /// The depth of a tree, counted without recursion so that a broken bound fails the test
        /// instead of crashing it.
        static func depth(_ expr: Expr) -> Int {
            var deepest = 0
            var stack = [(expr, 1)]
            while let (node, depth) = stack.popLast() {
                deepest = max(deepest, depth)
                for child in node.children { stack.append((child, depth + 1)) }
            }
            return deepest
        }

        static func countInvalid(_ expr: Expr) -> Int {
            var count = 0
            var stack = [expr]
            while let node = stack.popLast() {
                if case .invalid = node.kind { count += 1 }
                stack.append(contentsOf: node.children)
            }
            return count
        }

        @Test(
            "input nested one level too deep gives one E0208 at the token that goes past the limit",
            arguments: [
                // (input, column of the offending token)
                (Array(repeating: "1", count: 100_000).joined(separator: "+"), 200),  // the 100th `+`
                (String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000), 100),
                (String(repeating: "-", count: 100_000) + "x", 100),
                (String(repeating: "not ", count: 100_000) + "x", 397),
                ("x" + String(repeating: "[1]", count: 100_000), 299),  // the 100th `[`
                (Array(repeating: "a", count: 100_000).joined(separator: "."), 200),
                (String(repeating: "f(", count: 10_000) + "x" + String(repeating: ")", count: 10_000), 200),
                (String(repeating: "if a then b else ", count: 10_000) + "c", 1 + 17 * 99),
                (Array(repeating: "x", count: 100_000).joined(separator: " < "), nil),
            ] as [(String, Int?)])
        func tooDeep(_ text: String, _ column: Int?) {
            let (expr, diagnostics) = ParserTests.parse(text)
            let tooDeep = diagnostics.filter { $0.id == .nestingTooDeep }
            #expect(tooDeep.count == 1)
            if let column {
                #expect(tooDeep.first?.location == SextantLanguage.SourceLocation(line: 1, column: column))
            }
            if column != nil {
                #expect(diagnostics.count == 1, "\(ParserTests.describe(diagnostics.prefix(5).map { $0 }))")
            }
            #expect(Self.depth(expr) <= Self.limit)
            #expect(Self.countInvalid(expr) >= 1)
        }

        @Test(
            "input exactly at the limit is accepted",
            arguments: [
                String(repeating: "(", count: 99) + "x" + String(repeating: ")", count: 99),
                Array(repeating: "1", count: 100).joined(separator: "+"),
                String(repeating: "-", count: 99) + "x",
                "x" + String(repeating: "[1]", count: 99),
                String(repeating: "f(", count: 99) + "x" + String(repeating: ")", count: 99),
            ])
        func atTheLimit(_ text: String) {
            let (expr, diagnostics) = ParserTests.parse(text)
            #expect(diagnostics.isEmpty, "\(ParserTests.describe(diagnostics))")
            #expect(Self.depth(expr) <= Self.limit)
        }

        @Test("10,000 unclosed parentheses: one E0208, the rest E0205, within the bag's limit")
        func unclosedParentheses() {
            let (expr, diagnostics) = ParserTests.parse(String(repeating: "(", count: 10_000) + "x")
            #expect(diagnostics.filter { $0.id == .nestingTooDeep }.count == 1)
            #expect(diagnostics.allSatisfy { $0.id == .nestingTooDeep || $0.id == .unclosedDelimiter })
            #expect(diagnostics.count <= DiagnosticBag.defaultLimit)
            #expect(Self.depth(expr) <= Self.limit)
        }

        @Test("a 5 MB expression finishes, with one E0208")
        func fiveMegabytes() {
            let text = String(repeating: "close + ", count: 5 * 1024 * 1024 / 8) + "open"
            let result = ParserTests.parse(text)
            #expect(ParserTests.codes(result.diagnostics) == ["E0208@1:799"])  // the 100th `+`
        }

        /// A deterministic generator, so that a failure reproduces.
        struct Generator {
            var state: UInt64
            mutating func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
        }

        static let fragments = [
            "a", "close", "1", "2.5", "25%", "%", "5 bars", "30m", ".5", "1e", "1__0", "x", "sma", "(", ")", "[",
            "]", ",", ".", "+", "-", "*", "/", "<", "<=", "==", "=", "!=", "and", "or", "not", "if", "then", "else",
            "of", "true", "na", "?", ":", "$", "&&", "!", "≥", "'s'", "#", " ", "\n", "\t", "é", "\u{00A0}", "5x",
        ]

        @Test("random token soup: no crash, bounded depth, and an invalid node only with an error")
        func randomSoup() {
            var generator = Generator(state: 0x5EC7A47)
            for _ in 0..<3_000 {
                var text = ""
                for _ in 0..<generator.next(40) { text += Self.fragments[generator.next(Self.fragments.count)] + " " }
                let (expr, diagnostics) = ParserTests.parse(text)
                #expect(Self.depth(expr) <= Self.limit)
                if Self.countInvalid(expr) > 0 {
                    #expect(!diagnostics.isEmpty, "invalid node without a diagnostic for: \(text)")
                }
                if diagnostics.isEmpty { #expect(!expr.dump.contains("invalid")) }
            }
        }

        @Test("random soup of deeply nesting fragments stays within the depth limit, on a 512 KB stack")
        func randomDeepSoup() {
            let results = Results()
            Self.onSmallStack {
                var generator = Generator(state: 42)
                let fragments = [
                    "(", "[", "f(", "-", "not ", "x", ".y", "[1]", "+", ")", "]", ",", "if ", " then ", " else ", " ? ",
                    " a ", "g(a=", "$",
                ]
                for _ in 0..<200 {
                    var text = ""
                    for _ in 0..<2_000 { text += fragments[generator.next(fragments.count)] }
                    let (expr, _) = ParserTests.parse(text)
                    results.append(Self.depth(expr))
                }
            }
            #expect(results.depths.count == 200)
            #expect(results.depths.allSatisfy { $0 <= Self.limit })
        }

        /// Depths measured on another thread.
        final class Results: @unchecked Sendable {
            private let lock = NSLock()
            private var values: [Int] = []
            func append(_ depth: Int) { lock.withLock { values.append(depth) } }
            var depths: [Int] { lock.withLock { values } }
        }

        /// Runs `body` on a thread with a 512 KB stack, the size the checker's threads have.
        static func onSmallStack(_ body: @escaping @Sendable () -> Void) {
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                body()
                done.signal()
            }
            thread.stackSize = 512 * 1024
            thread.start()
            done.wait()
        }

        @Test("the deepest inputs parse on a 512 KB stack")
        func smallStack() {
            let inputs = [
                String(repeating: "(", count: 99) + "x" + String(repeating: ")", count: 99),
                String(repeating: "f(", count: 99) + "x" + String(repeating: ")", count: 99),
                String(repeating: "(-x[", count: 33) + "1" + String(repeating: "])", count: 33),
                String(repeating: "a + (", count: 49) + "x" + String(repeating: ")", count: 49),
                String(repeating: "if a then ", count: 99) + "x" + String(repeating: " else y", count: 99),
                String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000),
                String(repeating: "not -", count: 10_000) + "x",
                // Error recovery recurses too: leftovers inside parentheses, `?:`, missing commas.
                String(repeating: "(a b ", count: 10_000),
                String(repeating: "a ? ", count: 10_000) + "b",
                String(repeating: "f(a b, ", count: 10_000),
                String(repeating: "if a then ", count: 10_000),
                String(repeating: "x[a b ", count: 10_000),
            ]
            let results = Results()
            Self.onSmallStack {
                for text in inputs {
                    let (expr, _) = ParserTests.parse(text)
                    results.append(Self.depth(expr))
                }
            }
            #expect(results.depths.count == inputs.count)
            #expect(results.depths.allSatisfy { $0 <= Self.limit })
        }
    }
}
