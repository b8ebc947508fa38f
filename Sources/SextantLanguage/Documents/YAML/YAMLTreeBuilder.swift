import Yams

/// Turns Yams' node graph into our `YAMLNode` tree, expanding aliases within a budget.
///
/// Yams resolves an alias to the very node its anchor names, so a "billion laughs" document is a
/// small graph that only explodes when walked as a tree. The builder lets every node of the file be
/// visited once for free and charges each further visit (which can only come through an alias)
/// against `YAMLLimits.maxAliasExpansion`; it also bounds the depth that chained aliases can build.
struct YAMLTreeBuilder {
    /// Why the walk stopped.
    enum Failure: Error {
        /// Aliases expanded to more than the budget, while expanding the anchored node at `offset`.
        case aliasBudget(offset: Int, anchor: String?)
        /// Aliases nested values deeper than the depth limit; at the node reached.
        case tooDeep(offset: Int)
    }

    private let text: YAMLText
    private var marks: YAMLMarkConverter
    private let skippedKeys: Set<Int>
    private var visited = Set<Int>()
    private var expanded = 0
    /// The anchored node whose alias the walk is expanding, outermost first.
    private var expansion: (offset: Int, anchor: String?)?
    /// Offsets of keys that are not scalars (the preflight rejects them; this is a safety net).
    private(set) var nonScalarKeys: [Int] = []

    /// A builder over `text`; mapping entries whose key starts at an offset in `skippedKeys` (the
    /// repeated keys the loader renamed) are dropped.
    init(text: YAMLText, skippedKeys: Set<Int>) {
        self.text = text
        self.marks = YAMLMarkConverter(text: text)
        self.skippedKeys = skippedKeys
    }

    /// Builds the tree under `node`.
    mutating func build(_ node: Yams.Node, depth: Int = 0) throws(Failure) -> YAMLNode {
        let offset = node.mark.map { marks.offset(line: $0.line, column: $0.column) } ?? 0
        if depth > YAMLLimits.maxDepth { throw .tooDeep(offset: offset) }
        let kind: Int
        switch node {
        case .scalar: kind = 0
        case .sequence: kind = 1
        case .mapping: kind = 2
        case .alias: kind = 3
        }
        // Offset and kind identify a node of the file: a second visit is an alias expansion.
        var startsExpansion = false
        if !visited.insert(offset &* 4 &+ kind).inserted {
            expanded += 1
            if expansion == nil {
                expansion = (offset, node.anchor?.rawValue)
                startsExpansion = true
            }
            if expanded > YAMLLimits.maxAliasExpansion, let (anchorOffset, anchor) = expansion {
                throw .aliasBudget(offset: anchorOffset, anchor: anchor)
            }
        }
        defer { if startsExpansion { expansion = nil } }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(
                content: .scalar(makeScalar(scalar, offset: offset)), markOffset: offset, isFlow: false, text: text)
        case .alias:
            let empty = YAMLScalar(value: "", style: .plain, markOffset: offset, text: text)
            return YAMLNode(content: .scalar(empty), markOffset: offset, isFlow: false, text: text)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try build(item, depth: depth + 1)) }
            return YAMLNode(content: .sequence(items), markOffset: offset, isFlow: sequence.style == .flow, text: text)
        case .mapping(let mapping):
            var entries: [YAMLMappingEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    nonScalarKeys.append(key.mark.map { marks.offset(line: $0.line, column: $0.column) } ?? offset)
                    continue
                }
                let keyOffset = keyScalar.mark.map { marks.offset(line: $0.line, column: $0.column) } ?? offset
                if skippedKeys.contains(keyOffset) { continue }
                let builtValue = try build(value, depth: depth + 1)
                entries.append(YAMLMappingEntry(key: makeScalar(keyScalar, offset: keyOffset), value: builtValue))
            }
            return YAMLNode(content: .mapping(entries), markOffset: offset, isFlow: mapping.style == .flow, text: text)
        }
    }

    private func makeScalar(_ scalar: Yams.Node.Scalar, offset: Int) -> YAMLScalar {
        let style: YAMLScalarStyle
        switch scalar.style {
        case .singleQuoted: style = .singleQuoted
        case .doubleQuoted: style = .doubleQuoted
        case .literal: style = .literal
        case .folded: style = .folded
        case .plain, .any: style = .plain
        }
        return YAMLScalar(value: scalar.string, style: style, markOffset: offset, text: text)
    }
}
