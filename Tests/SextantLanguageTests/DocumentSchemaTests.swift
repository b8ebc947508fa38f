import Foundation
import SextantLanguage
import Testing

/// The JSON Schema printed from the same definitions the loader validates with.
@Suite struct DocumentSchemaTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/schema/sextant.schema.json")

    static func parsed() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(DocumentSchema.jsonSchema().utf8))
        return try #require(object as? [String: Any])
    }

    static func definition(_ kind: String) throws -> [String: Any] {
        let definitions = try #require(try parsed()["$defs"] as? [String: Any])
        return try #require(definitions[kind] as? [String: Any])
    }

    static func properties(of object: [String: Any]) throws -> [String: [String: Any]] {
        try #require(object["properties"] as? [String: [String: Any]])
    }

    @Test func matchesTheGoldenFile() throws {
        // The file ends with a newline, as `sextant schema > file` writes it.
        let schema = DocumentSchema.jsonSchema() + "\n"
        if ProcessInfo.processInfo.environment["SEXTANT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try schema.write(to: Self.golden, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(
            schema == golden,
            "the schema changed: regenerate with SEXTANT_UPDATE_GOLDEN=1 swift test --filter DocumentSchemaTests")
    }

    @Test func isDraft2020JSONWithOneOfOnKind() throws {
        let schema = try Self.parsed()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let branches = try #require(schema["oneOf"] as? [[String: String]])
        #expect(branches.map { $0["$ref"] } == ["#/$defs/strategy", "#/$defs/risk", "#/$defs/engine"])
        for kind in ["strategy", "risk", "engine"] {
            let properties = try Self.properties(of: try Self.definition(kind))
            #expect(properties["kind"]?["const"] as? String == kind)
            #expect(
                (try Self.definition(kind))["required"] as? [String]
                    == (kind == "engine" ? ["kind", "strategies"] : ["kind", "name"]))
        }
    }

    @Test func everyFixedSectionIsClosedAndEveryKeyDocumented() throws {
        var sections = 0
        func walk(_ value: Any, path: String) {
            if let object = value as? [String: Any] {
                // The root only names `kind`; each `oneOf` branch closes its own keys.
                if let properties = object["properties"] as? [String: Any], path != "#" {
                    sections += 1
                    #expect(object["additionalProperties"] as? Bool == false, "\(path) is open")
                    for (key, property) in properties {
                        let description = (property as? [String: Any])?["description"] as? String
                        #expect(description?.isEmpty == false, "\(path).\(key) has no description")
                    }
                }
                for (key, child) in object { walk(child, path: "\(path)/\(key)") }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { walk(child, path: "\(path)[\(index)]") }
            }
        }
        walk(try Self.parsed(), path: "#")
        #expect(sections >= 14)
    }

    @Test func wordsAreEnumsAndDefaultsAreGiven() throws {
        let strategy = try Self.properties(of: try Self.definition("strategy"))
        let orders = try Self.properties(of: try #require(strategy["orders"]))
        #expect(orders["fill"]?["enum"] as? [String] == ["next_open", "close"])
        #expect(orders["fill"]?["default"] as? String == "next_open")
        #expect(orders["direction"]?["enum"] as? [String] == ["both", "long", "short"])
        #expect(orders["pyramiding"]?["minimum"] as? Int == 1)
        #expect(strategy["timeframe"]?["default"] as? String == "1d")
        let breakers = try #require(try Self.properties(of: try Self.definition("risk"))["circuit_breakers"])
        let breaker = try #require(breakers["items"] as? [String: Any])
        #expect(
            try Self.properties(of: breaker)["action"]?["enum"] as? [String] == ["halt_entries", "flatten", "halt_all"])
        let engine = try Self.properties(of: try Self.definition("engine"))
        #expect(engine["watch"]?["default"] as? Bool == false)
    }

    /// The schema and the loader come from one definition: every key the schema lists is one the
    /// loader knows, and a key it does not list is unknown to the loader.
    @Test(arguments: ["strategy", "risk", "engine"])
    func loaderKnowsExactlyTheSchemasKeys(_ kind: String) throws {
        let properties = try Self.properties(of: try Self.definition(kind))
        for key in properties.keys where key != "kind" {
            let (_, diagnostics) = DocumentTests.load("kind: \(kind)\n\(key): {}\n")
            #expect(
                !diagnostics.contains { $0.id == .unknownKey },
                "`\(key)` in \(kind): \(DocumentTests.describe(diagnostics))")
        }
        let (_, diagnostics) = DocumentTests.load("kind: \(kind)\nbogus: 1\n")
        #expect(diagnostics.contains { $0.id == .unknownKey })
    }

    /// `docs/documents.md` documents every key of the schema.
    @Test func docsNameEveryKey() throws {
        let docs = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("docs/documents.md"),
            encoding: .utf8)
        var keys = Set<String>()
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { keys.formUnion(properties.keys) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try Self.parsed())
        #expect(keys.count > 50)
        for key in keys.sorted() {
            #expect(docs.contains("`\(key)`"), "docs/documents.md does not mention `\(key)`")
        }
    }
}
