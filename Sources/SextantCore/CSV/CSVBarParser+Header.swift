#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension CSVBarParser {
    /// Reads the header line (current after `beginLine`) into `roles`; any problem with it is thrown,
    /// since no row can be read without knowing its columns.
    mutating func parseHeader() throws(BarFileError) {
        if let carriageReturn = memchr(recordStart, 13, contentEnd - recordStart) {
            fail(
                .header,
                "the line breaks are bare carriage returns (classic Mac OS); convert the file to LF or CRLF",
                at: UnsafePointer<UInt8>(carriageReturn.assumingMemoryBound(to: UInt8.self)))
            throw errors[0]
        }
        var columns: [(role: CSVColumnRole, name: String, start: UnsafePointer<UInt8>)] = []
        var cursor = recordStart
        while true {
            guard let (start, stop) = scanField(&cursor) else { throw errors[0] }
            let name = String(decoding: UnsafeBufferPointer(start: start, count: stop - start), as: UTF8.self)
            columns.append((CSVColumnRole.named(name.lowercased()), name, start))
            if cursor >= contentEnd { break }
            cursor += 1
        }
        if let first = columns.first, let byte = first.name.utf8.first,
            byte &- UInt8(ascii: "0") <= 9 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        {
            try headerError(
                "the first line is data, not a header; start the file with a header such as "
                    + "time,open,high,low,close,volume",
                at: first.start)
        }
        var seen: [CSVColumnRole: Int] = [:]
        for (index, column) in columns.enumerated() where column.role != .ignored {
            if let earlier = seen[column.role] {
                let previous = columns[earlier]
                var message =
                    "the header names the \(column.role.name) column twice: '\(quoted(previous.name))' (field "
                    + "\(earlier + 1)) and '\(quoted(column.name))' (field \(index + 1))"
                if column.role == .time {
                    message +=
                        "; separate date and time columns are not supported, write one "
                        + "YYYY-MM-DDTHH:MM:SS column"
                }
                try headerError(message, at: column.start)
            }
            seen[column.role] = index
        }
        let missing = CSVColumnRole.required.filter { seen[$0] == nil }
        if !missing.isEmpty {
            try headerError(missingColumnsMessage(missing, columns: columns.map(\.name)), at: recordStart)
        }
        let lastNeeded = columns.lastIndex(where: { $0.role != .ignored }) ?? 0
        roles = columns[...lastNeeded].map(\.role)
        hasVolume = seen[.field(.volume)] != nil
    }

    /// Records and throws a header error.
    private mutating func headerError(_ message: String, at position: UnsafePointer<UInt8>) throws(BarFileError) {
        fail(.header, message, at: position)
        throw errors[0]
    }

    /// "missing the 'close' column (is 'clsoe', field 5, a misspelling?); the header has: …"
    private func missingColumnsMessage(_ missing: [CSVColumnRole], columns: [String]) -> String {
        let names = missing.map { "'\($0.name)'" }
        let list =
            names.count == 1
            ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        var message = "missing the \(list) column\(missing.count == 1 ? "" : "s")"
        var guesses: [String] = []
        for role in missing {
            for (index, name) in columns.enumerated() where CSVColumnRole.named(name.lowercased()) == .ignored {
                if CSVBarParser.editDistance(name.lowercased(), role.name, limit: 2) <= 2 {
                    guesses.append("is '\(quoted(name))' (field \(index + 1)) meant to be '\(role.name)'?")
                }
            }
        }
        if !guesses.isEmpty { message += " (" + guesses.joined(separator: " ") + ")" }
        let shown = columns.prefix(12).map { "'\(quoted($0))'" }.joined(separator: ", ")
        message += "; the header has \(shown)\(columns.count > 12 ? " and \(columns.count - 12) more" : "")"
        if missing.contains(.time) { message += "; the time column may also be named date, timestamp or datetime" }
        return message
    }

    /// A header name as messages quote it (escaped, shortened).
    private func quoted(_ name: String) -> String {
        var name = name
        return name.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return "" }
            return CSVBarReader.display(base, base + bytes.count)
        }
    }

    /// Levenshtein distance between two short ASCII-ish names, giving up (returning `limit + 1`) as
    /// soon as it must exceed `limit`.
    static func editDistance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
        let lhs = Array(lhs.utf8)
        let rhs = Array(rhs.utf8)
        if abs(lhs.count - rhs.count) > limit { return limit + 1 }
        var previous = Array(0...rhs.count)
        for (row, left) in lhs.enumerated() {
            var current = [row + 1] + [Int](repeating: 0, count: rhs.count)
            for (column, right) in rhs.enumerated() {
                current[column + 1] = Swift.min(
                    previous[column + 1] + 1, current[column] + 1, previous[column] + (left == right ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return limit + 1 }
            previous = current
        }
        return previous[rhs.count]
    }
}
