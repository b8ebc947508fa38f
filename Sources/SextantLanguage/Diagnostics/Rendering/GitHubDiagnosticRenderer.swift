/// Renders diagnostics as GitHub Actions workflow commands, which become pull-request annotations.
public enum GitHubDiagnosticRenderer {
    /// One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=E0302::message` line.
    public static func render(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.span.start
        let end = diagnostic.span.end
        let command = diagnostic.severity == .error ? "error" : (diagnostic.severity == .warning ? "warning" : "notice")
        var message = diagnostic.message
        if let suggestion = diagnostic.suggestion { message += " (\(suggestion))" }
        let properties = [
            "file=\(escapeProperty(diagnostic.file.path))", "line=\(start.line)", "col=\(start.column)",
            "endLine=\(end.line)", "endColumn=\(end.column)", "title=\(escapeProperty("\(diagnostic.id.rawValue)"))",
        ]
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// Escaping per GitHub's workflow-command rules (`%`, CR and LF in data; also `:` and `,` in properties).
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    /// Replaces every occurrence of a string (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
