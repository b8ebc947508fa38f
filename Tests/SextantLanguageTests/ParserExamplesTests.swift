import Foundation
import Testing

@testable import SextantLanguage

extension ParserTests {
    /// `Grammar/`: every example parses cleanly, the examples cover every production, the EBNF
    /// names exactly the lexer's tokens, and the precedence table's examples parse as it says.
    @Suite struct Grammar {
        /// The repository root, from this file's path (Tests/SextantLanguageTests/<file>).
        static let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        static let grammar = root.appendingPathComponent("Grammar")

        /// Every example line of every `Grammar/examples/*.txt`, with its file and line number.
        static func examples() throws -> [(file: String, line: Int, text: String)] {
            let folder = grammar.appendingPathComponent("examples")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".txt") }.sorted()
            var result: [(String, Int, String)] = []
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                    result.append((file, index + 1, String(line)))
                }
            }
            return result
        }

        @Test("every line of Grammar/examples/*.txt parses with no diagnostics")
        func examplesParse() throws {
            let examples = try Self.examples()
            #expect(Set(examples.map(\.file)).count >= 6)
            #expect(examples.count >= 100)
            for example in examples {
                let (expr, diagnostics) = ParserTests.parse(example.text)
                #expect(
                    diagnostics.isEmpty,
                    "\(example.file):\(example.line): \(example.text)\n\(ParserTests.describe(diagnostics))")
                #expect(!expr.dump.contains("invalid"))
            }
        }

        /// The grammar features a tree shows, named after the productions that build them.
        static func features(_ expr: Expr) -> Set<String> {
            var found: Set<String> = []
            var stack = [expr]
            while let node = stack.popLast() {
                stack.append(contentsOf: node.children)
                switch node.kind {
                case .number: found.insert("number")
                case .percent: found.insert("percent")
                case .duration(_, let unit): found.insert("unit \(unit.rawValue)")
                case .bool(let value): found.insert("\(value)")
                case .na: found.insert("na")
                case .name: found.insert("name")
                case .call(_, let arguments):
                    found.insert(arguments.isEmpty ? "call without arguments" : "call")
                    if arguments.contains(where: { $0.label != nil }) { found.insert("named argument") }
                case .unary(let prefix, _): found.insert("unary \(prefix.rawValue)")
                case .binary(let infix, _, _): found.insert("binary \(infix.rawValue)")
                case .of: found.insert("of")
                case .conditional: found.insert("if")
                case .history: found.insert("history")
                case .member: found.insert("member")
                case .invalid: found.insert("invalid")
                }
            }
            return found
        }

        @Test("the examples cover every production, operator and unit")
        func examplesCoverTheGrammar() throws {
            var covered: Set<String> = []
            for example in try Self.examples() {
                covered.formUnion(Self.features(ParserTests.parse(example.text).expr))
            }
            var expected: Set<String> = [
                "number", "percent", "true", "false", "na", "name", "call", "call without arguments", "named argument",
                "of", "if", "history", "member",
            ]
            expected.formUnion(DurationUnit.allCases.map { "unit \($0.rawValue)" })
            expected.formUnion(UnaryOperator.allCases.map { "unary \($0.rawValue)" })
            expected.formUnion(BinaryOperator.allCases.map { "binary \($0.rawValue)" })
            #expect(expected.subtracting(covered).isEmpty, "not covered: \(expected.subtracting(covered).sorted())")
            #expect(!covered.contains("invalid"))
        }

        /// The EBNF text without its `(* … *)` comments.
        static func ebnfWithoutComments() throws -> String {
            var text = try String(contentsOf: grammar.appendingPathComponent("expression.ebnf"), encoding: .utf8)
            while let open = text.range(of: "(*"),
                let close = text.range(of: "*)", range: open.upperBound..<text.endIndex)
            {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
            return text
        }

        @Test("expression.ebnf names every token of the lexer, and no other terminal")
        func ebnfTerminals() throws {
            let text = try Self.ebnfWithoutComments()
            var terminals: Set<String> = []
            var remainder = Substring(text)
            while let open = remainder.firstIndex(of: "\"") {
                let afterOpen = remainder.index(after: open)
                guard let close = remainder[afterOpen...].firstIndex(of: "\"") else { break }
                terminals.insert(String(remainder[afterOpen..<close]))
                remainder = remainder[remainder.index(after: close)...]
            }
            // `?` and `:` are lexed only to suggest `if … then … else` and `=`.
            let tokens = Set(TokenKind.allCases.filter { $0 != .question && $0 != .colon }.compactMap(\.spelling))
            let lexical = Set((0...9).map(String.init) + ["_", "e", "E"] + DurationUnit.allCases.map(\.rawValue))
            #expect(tokens.subtracting(terminals).isEmpty, "missing from the EBNF: \(tokens.subtracting(terminals))")
            let unknown = terminals.subtracting(tokens).subtracting(lexical)
            #expect(unknown.isEmpty, "terminals the lexer does not know: \(unknown)")
            #expect(Set(TokenKind.keywords.keys).isSubset(of: terminals))
        }

        @Test("expression.ebnf defines the productions of DSL.md §3 (and `fraction`, for `of`)")
        func ebnfProductions() throws {
            let text = try Self.ebnfWithoutComments()
            let defined = Set(
                text.split(separator: "\n").compactMap { line -> String? in
                    let parts = line.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2, line.first?.isLetter == true else { return nil }
                    return parts[0].trimmingCharacters(in: .whitespaces)
                })
            let productions: Set = [
                "expression", "or", "and", "not", "compare", "sum", "product", "fraction", "unary", "postfix",
                "primary", "arguments", "argument", "unit", "NUMBER", "NAME", "KEYWORD",
            ]
            #expect(productions.subtracting(defined).isEmpty, "not defined: \(productions.subtracting(defined))")
        }

        @Test("the operator table of precedence.md parses as it says")
        func precedenceTable() throws {
            let text = try String(contentsOf: Self.grammar.appendingPathComponent("precedence.md"), encoding: .utf8)
            // Rows: | level | operators | associativity | `example` | `parses as` |
            var checked = 0
            for line in text.split(separator: "\n") where line.hasPrefix("| ") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count == 5, Int(cells[0]) != nil else { continue }
                let example = cells[3].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                let dump = cells[4].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                let (expr, diagnostics) = ParserTests.parse(example)
                #expect(diagnostics.isEmpty, "\(example)")
                #expect(expr.dump == dump, "\(example)")
                checked += 1
            }
            #expect(checked == 10)
        }
    }
}
