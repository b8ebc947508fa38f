import Foundation
import SextantIndicators

/// Formats the builtin table. `docs/functions.md` is `markdown(BuiltinTable.all)` (a test keeps it so).
enum FunctionsReport {
    static func text(_ builtins: [Builtin]) -> String {
        var out = ""
        for category in BuiltinCategory.allCases {
            let group = builtins.filter { $0.category == category }
            guard !group.isEmpty else { continue }
            out += "\(category.rawValue.uppercased())\n"
            for builtin in group {
                out += "  \(builtin.signature)\n"
                out += "      \(builtin.doc)\n"
                var facts = ["warm-up: \(builtin.warmup)"]
                if !builtin.reads.isEmpty {
                    facts.append("reads: \(builtin.reads.map(\.rawValue).joined(separator: ", "))")
                }
                if builtin.context == .sizing { facts.append("only in `size:`") }
                out += "      \(facts.joined(separator: "; "))\n"
            }
            out += "\n"
        }
        return out
    }

    static func markdown(_ builtins: [Builtin]) -> String {
        var out = """
            # Builtin functions

            Generated from the builtin table by `sextant functions --format markdown`; do not edit by hand.
            Warm-up is the number of leading bars without a value when the inputs start valid (TA-Lib's
            lookback); an input's own warm-up adds to it. Parameter roles: `series` (a series of numbers; a
            number broadcasts), `condition` (a series of booleans), `length` (a whole number ≥ 1 known before
            the run: a literal or a param), `count` (a whole number ≥ 0 known before the run), `setting` (a
            number known before the run), `value` (any number or series).


            """
        for category in BuiltinCategory.allCases {
            let group = builtins.filter { $0.category == category }
            guard !group.isEmpty else { continue }
            out += "## \(category.rawValue.prefix(1).uppercased() + category.rawValue.dropFirst())\n\n"
            out += "| function | warm-up | reads | description |\n|---|---|---|---|\n"
            for builtin in group {
                let reads = builtin.reads.map(\.rawValue).joined(separator: ", ")
                var doc = builtin.doc.replacingOccurrences(of: "|", with: "\\|")
                if builtin.context == .sizing { doc += " Only in `size:`." }
                out +=
                    "| `\(builtin.signature.replacingOccurrences(of: "|", with: "\\|"))` | \(builtin.warmup) | \(reads) | \(doc) |\n"
            }
            out += "\n"
        }
        return out
    }

    struct Entry: Encodable {
        struct Parameter: Encodable {
            var name: String
            var role: String
            var `default`: Double?
        }

        var name: String
        var category: String
        var signature: String
        var parameters: [Parameter]
        var result: String
        var warmup: String
        var reads: [String]
        var sizingOnly: Bool
        var doc: String

        enum CodingKeys: String, CodingKey {
            case name, category, signature, parameters, result, warmup, reads, doc
            case sizingOnly = "sizing_only"
        }
    }

    static func json(_ builtins: [Builtin]) throws -> String {
        let entries = builtins.map { builtin in
            Entry(
                name: builtin.name, category: builtin.category.rawValue, signature: builtin.signature,
                parameters: builtin.parameters.map {
                    .init(name: $0.name, role: $0.role.displayName, default: $0.defaultValue)
                },
                result: builtin.result.displayName, warmup: builtin.warmup.description,
                reads: builtin.reads.map(\.rawValue), sizingOnly: builtin.context == .sizing, doc: builtin.doc)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
    }
}
