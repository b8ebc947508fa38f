/// Escaping of text placed in the HTML report, so that strategy names, file paths and warnings are
/// shown as written and can never open a tag, an attribute or a script.
enum HTMLText {
    /// `text` with `& < > " '` replaced by character references: safe in element content and in
    /// quoted attribute values alike.
    static func escape(_ text: String) -> String {
        // Most text needs nothing: skip the copy.
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
