import Yams

/// Parses a file into a `YAMLNode` tree, reporting every YAML-level problem it can find.
///
/// The pipeline: the byte preflight (characters, tabs, depth, limits), then Yams with no tag
/// resolution (every scalar stays text; the schema decides what is a number), then duplicate-key
/// repair and re-parse, then the budgeted tree walk. Nothing here throws or traps on any input.
enum YAMLLoader {
    private enum Attempt {
        case tree(YAMLNode)
        case failed
        case duplicateKeys(names: [String], firstOffset: Int)
    }

    /// The tree of the file's single document, or nil when there is none to validate.
    static func load(_ file: SourceFile, into diagnostics: inout DiagnosticBag) -> YAMLNode? {
        let preflight = YAMLPreflight.run(file, into: &diagnostics)
        guard !preflight.isFatal else { return nil }
        var bytes = preflight.bytes
        var wasPatched = preflight.wasPatched
        var skippedKeys = Set<Int>()
        for _ in 0...YAMLLimits.maxDuplicateRounds {
            let text = YAMLText(file: file, bytes: bytes, wasPatched: wasPatched)
            switch attempt(text, preflight: preflight, skippedKeys: skippedKeys, into: &diagnostics) {
            case .tree(let node):
                return node
            case .failed:
                return nil
            case .duplicateKeys(let names, let firstOffset):
                let repaired = renameRepeatedKeys(
                    names: names, firstOffset: firstOffset, bytes: &bytes, flowLineStarts: preflight.flowLineStarts,
                    skippedKeys: &skippedKeys, text: text, into: &diagnostics)
                if !repaired {
                    let list = names.map { "`\($0)`" }.joined(separator: ", ")
                    diagnostics.report(
                        Diagnostic(
                            .duplicateKey, "\(list) written more than once in this mapping",
                            at: text.characterSpan(at: firstOffset)))
                    return nil
                }
                wasPatched = true
            }
        }
        return nil
    }

    private static func attempt(
        _ text: YAMLText, preflight: YAMLPreflight.Result, skippedKeys: Set<Int>, into diagnostics: inout DiagnosticBag
    ) -> Attempt {
        do {
            let parser = try Yams.Parser(
                yaml: text.parsedText.text, resolver: .basic, constructor: .default, encoding: .utf8)
            // Anchors are weak references owned by the parser: keep it alive during the walk.
            return try withExtendedLifetime(parser) { () throws -> Attempt in
                guard let root = try parser.nextRoot() else {
                    diagnostics.report(
                        Diagnostic(
                            .emptyDocument, "the file holds no document: it is empty or only comments",
                            at: text.span(0..<0)))
                    return .failed
                }
                let rootOffset = root.mark.map { text.offset(line: $0.line, column: $0.column) } ?? 0
                checkSingleDocument(
                    parser, after: rootOffset, markers: preflight.documentMarkers, text: text, into: &diagnostics)
                var builder = YAMLTreeBuilder(text: text, skippedKeys: skippedKeys)
                let tree: YAMLNode
                switch Result(catching: { () throws(YAMLTreeBuilder.Failure) -> YAMLNode in try builder.build(root) }) {
                case .success(let node):
                    tree = node
                case .failure(let failure):
                    diagnostics.report(walkDiagnostic(failure, aliases: preflight.aliases, text: text))
                    return .failed
                }
                for offset in builder.nonScalarKeys {
                    diagnostics.report(
                        Diagnostic(
                            .wrongNodeKind, "a list or mapping used as a key: keys in Sextant files are plain words",
                            at: text.characterSpan(at: offset)))
                }
                if tree.isNull {
                    diagnostics.report(
                        Diagnostic(
                            .emptyDocument, "the file holds no document: it is empty or only comments",
                            at: text.span(0..<0)))
                    return .failed
                }
                return .tree(tree)
            }
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let names, let context) = error {
                return .duplicateKeys(
                    names: names, firstOffset: text.offset(line: context.mark.line, column: context.mark.column))
            }
            diagnostics.report(YAMLErrorTranslator.diagnostic(for: error, in: text))
            return .failed
        } catch {
            diagnostics.report(Diagnostic(.yamlSyntax, "YAML error: \(error)", at: text.span(0..<0)))
            return .failed
        }
    }

    /// Reports a second document (`---` after the first one's content), wherever libyaml finds it.
    private static func checkSingleDocument(
        _ parser: Yams.Parser, after rootOffset: Int, markers: [Int], text: YAMLText,
        into diagnostics: inout DiagnosticBag
    ) {
        var secondOffset: Int?
        do {
            if let second = try parser.nextRoot() {
                secondOffset = second.mark.map { text.offset(line: $0.line, column: $0.column) } ?? rootOffset
            }
        } catch let error as YamlError {
            secondOffset = YAMLErrorTranslator.offset(of: error, in: text) ?? rootOffset
        } catch {
            secondOffset = rootOffset
        }
        guard let secondOffset else { return }
        let marker = markers.first { $0 > rootOffset && $0 <= secondOffset }
        let span = marker.map { text.span($0..<($0 + 3)) } ?? text.characterSpan(at: secondOffset)
        diagnostics.report(
            Diagnostic(
                .multipleDocuments, "a second YAML document: a Sextant file holds exactly one", at: span,
                suggestion: "move the second document to a file of its own"))
    }

    private static func walkDiagnostic(
        _ failure: YAMLTreeBuilder.Failure, aliases: [(name: String, offset: Int)], text: YAMLText
    ) -> Diagnostic {
        switch failure {
        case .aliasBudget(let offset, let anchor):
            let limit = YAMLLimits.maxAliasExpansion
            let use = anchor.flatMap { name in aliases.first { $0.name == name } }
            let span =
                use.map { text.span($0.offset..<($0.offset + 1 + $0.name.utf8.count)) }
                ?? text.characterSpan(at: offset)
            let notes =
                use == nil
                ? [] : [Diagnostic.Note("the anchor it expands is defined here", at: text.characterSpan(at: offset))]
            return Diagnostic(
                .yamlAliasLimit,
                "aliases expand to more than \(limit) values (a \"billion laughs\" document); the loader stops here",
                at: span, notes: notes)
        case .tooDeep(let offset):
            return Diagnostic(
                .yamlTooDeep,
                "aliases nest values more than \(YAMLLimits.maxDepth) levels deep, the most the loader accepts",
                at: text.characterSpan(at: offset))
        }
    }

    /// Reports each repeated key of the mapping holding the key at `firstOffset` (at the repeat, with a
    /// note at the first occurrence) and renames the repeats in `bytes` to unused words of the same
    /// length, whose entries the tree builder then drops. False when the scan cannot find them.
    private static func renameRepeatedKeys(
        names: [String], firstOffset: Int, bytes: inout [UInt8], flowLineStarts: [Int], skippedKeys: inout Set<Int>,
        text: YAMLText, into diagnostics: inout DiagnosticBag
    ) -> Bool {
        let keys = YAMLDuplicateKeyFinder.keys(ofMappingHolding: firstOffset, in: bytes, flowLineStarts: flowLineStarts)
        var firstByName: [String: YAMLDuplicateKeyFinder.Key] = [:]
        var repeats: [(key: YAMLDuplicateKeyFinder.Key, first: YAMLDuplicateKeyFinder.Key)] = []
        for key in keys {
            if let first = firstByName[key.name] {
                repeats.append((key, first))
            } else {
                firstByName[key.name] = key
            }
        }
        guard repeats.contains(where: { names.contains($0.key.name) }) else { return false }
        var taken = Set(keys.map(\.name))
        for (key, first) in repeats {
            guard let placeholder = placeholder(length: key.range.count, avoiding: &taken) else { return false }
            diagnostics.report(
                Diagnostic(
                    .duplicateKey, "`\(key.name)` is written twice in this mapping; this one is ignored",
                    at: text.span(key.range),
                    notes: [Diagnostic.Note("first written here", at: text.span(first.range))],
                    suggestion: "remove one of the two, or rename it"))
            for (index, byte) in zip(key.range, placeholder) { bytes[index] = byte }
            skippedKeys.insert(key.range.lowerBound)
        }
        return true
    }

    /// A plain word of `length` bytes that is not in `taken`.
    private static func placeholder(length: Int, avoiding taken: inout Set<String>) -> [UInt8]? {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        for counter in 0..<10_000 {
            var word: [UInt8] = []
            var rest = counter
            repeat {
                word.append(alphabet[rest % alphabet.count])
                rest /= alphabet.count
            } while rest > 0
            guard word.count <= length else { return nil }
            word += Array(repeating: UInt8(ascii: "_"), count: length - word.count)
            let candidate = String(decoding: word, as: UTF8.self)
            if taken.insert(candidate).inserted { return word }
        }
        return nil
    }
}
