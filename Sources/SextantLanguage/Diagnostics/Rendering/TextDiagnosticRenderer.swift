/// Renders diagnostics for a terminal, in the style of rustc and swift-syntax's formatter:
///
/// ```text
/// Strategies/x.yaml:12:12: error[E0302]: unknown function `smaa`
///    |
/// 12 |   fast_ma: smaa(close, fast)
///    |            ^^^^
///    = help: did you mean `sma`?
/// ```
public struct TextDiagnosticRenderer: Sendable {
    /// Whether to emit ANSI colors (on a TTY, unless `NO_COLOR` is set).
    public var colors: Bool

    /// Creates a renderer.
    public init(colors: Bool) {
        self.colors = colors
    }

    /// Renders one diagnostic, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let start = diagnostic.span.start
        let severityColor =
            diagnostic.severity == .error ? Style.red : (diagnostic.severity == .warning ? Style.yellow : Style.cyan)
        out += paint("\(diagnostic.file.path):\(start.line):\(start.column): ", Style.bold)
        out += paint("\(diagnostic.severity.rawValue)[\(diagnostic.id.rawValue)]", severityColor + Style.bold)
        out += paint(": \(diagnostic.message)", Style.bold) + "\n"
        out += excerpt(diagnostic.span, color: severityColor)
        let gutter = String(repeating: " ", count: String(start.line).count + 1)
        for note in diagnostic.notes {
            if let span = note.span, span != diagnostic.span {
                let location = span.start
                let place =
                    span.file === diagnostic.file
                    ? "\(location.line):\(location.column)" : "\(span.file.path):\(location)"
                out += "\(gutter)\(paint("=", Style.cyan)) note: \(note.message) (\(place))\n"
                if span.file === diagnostic.file, location.line != start.line {
                    out += excerpt(span, color: Style.cyan, gutterWidth: gutter.count - 1)
                }
            } else {
                out += "\(gutter)\(paint("=", Style.cyan)) note: \(note.message)\n"
            }
        }
        if let suggestion = diagnostic.suggestion {
            out += "\(gutter)\(paint("=", Style.cyan)) help: \(suggestion)\n"
        }
        return out
    }

    /// Renders a list of diagnostics and a closing summary line.
    public func render(_ diagnostics: [Diagnostic], dropped: Int = 0) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    private func excerpt(_ span: SourceSpan, color: String, gutterWidth: Int? = nil) -> String {
        let start = span.start
        let file = span.file
        guard start.line <= file.lineCount else { return "" }
        let lineText = file.line(start.line)
        let lineRange = file.lineRange(start.line)
        let width = gutterWidth ?? String(start.line).count
        let pad = String(repeating: " ", count: width)
        // The underline copies tabs from the line so it stays aligned however tabs are shown.
        let prefixBytes = file.utf8[lineRange.lowerBound..<min(span.range.lowerBound, lineRange.upperBound)]
        let prefix = String(decoding: prefixBytes, as: UTF8.self).unicodeScalars.map { $0 == "\t" ? "\t" : " " }
            .joined()
        let underlineEnd = min(span.range.upperBound, lineRange.upperBound)
        let underlineBytes = span.range.lowerBound < underlineEnd ? file.utf8[span.range.lowerBound..<underlineEnd] : []
        let underlineCount = max(1, String(decoding: underlineBytes, as: UTF8.self).unicodeScalars.count)
        let shown = lineText.count > 400 ? String(lineText.prefix(400)) + "…" : String(lineText)
        var out = "\(pad) \(paint("|", Style.cyan))\n"
        out += "\(paint(String(start.line).padding(toLength: width), Style.cyan)) \(paint("|", Style.cyan)) \(shown)\n"
        let marks = String(repeating: "^", count: min(underlineCount, 400))
        out +=
            "\(pad) \(paint("|", Style.cyan)) \(prefix.count > 400 ? "" : prefix)\(paint(marks, color + Style.bold))\n"
        return out
    }

    private func paint(_ text: String, _ style: String) -> String {
        colors ? style + text + Style.reset : text
    }

    private enum Style {
        static let reset = "\u{1B}[0m"
        static let bold = "\u{1B}[1m"
        static let red = "\u{1B}[31m"
        static let yellow = "\u{1B}[33m"
        static let cyan = "\u{1B}[36m"
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
