extension Graph {
    /// The graph as text for `sextant explain`: one line per node (ID, operation and inputs, type,
    /// stage, warm-up, and the outputs that use it, marked shared when more than one does), then the
    /// outputs.
    public func explanation(title: String) -> String {
        let consumers = self.consumers
        let labels = nodes.enumerated().map { index, node in
            node.inputs.isEmpty
                ? node.operation.label
                : "\(node.operation.label) ← \(node.inputs.map(\.description).joined(separator: " "))"
        }
        let labelWidth = min(40, labels.map(\.count).max() ?? 0)
        let typeWidth = nodes.map(\.type.description.count).max() ?? 0
        let idWidth = String(max(nodes.count - 1, 0)).count + 1
        var out =
            "\(title): \(nodes.count) node\(nodes.count == 1 ? "" : "s"), warm-up \(warmup) bar\(warmup == 1 ? "" : "s")\n"
        for (index, node) in nodes.enumerated() {
            let users = consumers[index]
            let shared = users.count > 1 ? "shared by " : "used by "
            let id = NodeID(index).description.padding(idWidth)
            out += "  \(id)  \(labels[index].padding(labelWidth))  \(node.type.description.padding(typeWidth))  "
            out += "\(node.stage.description.padding(6))  warm-up \(String(node.warmup).padding(4))  "
            out += users.isEmpty ? "" : shared + users.joined(separator: ", ")
            out = out.trimmingTrailingSpaces() + "\n"
        }
        out += "outputs:\n"
        let nameWidth = outputs.map(\.name.count).max() ?? 0
        for output in outputs { out += "  \(output.name.padding(nameWidth)) = \(output.node)\n" }
        return out
    }

    /// The graph in Graphviz `dot`: operations as ellipses (market), boxes (state) or plain text
    /// (constants), outputs as notes, edges from inputs to users.
    public func dot(title: String) -> String {
        var out = "digraph \"\(escape(title))\" {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
        for (index, node) in nodes.enumerated() {
            let shape: String
            switch node.stage {
            case .const, .param: shape = "plaintext"
            case .market: shape = "ellipse"
            case .state: shape = "box"
            }
            let label = "\(node.operation.label)\\n\(node.type) · warm-up \(node.warmup)"
            out += "  n\(index) [label=\"\(escape(label))\", shape=\(shape)];\n"
        }
        for (index, node) in nodes.enumerated() {
            for input in node.inputs { out += "  \(input) -> n\(index);\n" }
        }
        for (position, output) in outputs.enumerated() {
            out +=
                "  o\(position) [label=\"\(escape(output.name))\", shape=note, style=filled, fillcolor=\"#eef3ff\"];\n"
            out += "  \(output.node) -> o\(position);\n"
        }
        return out + "}\n"
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        // Keep the `\n` line breaks written above.
        return out.replacingOccurrences("\\\\n", with: "\\n")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }

    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
