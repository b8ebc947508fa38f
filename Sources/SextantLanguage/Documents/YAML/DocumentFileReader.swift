import Foundation

/// Reads a document's bytes from disk and decodes them as UTF-8, reporting what keeps them from
/// being a text file at the exact place.
///
/// Invalid UTF-8 is reported (E0109) at each bad sequence and then decoded with U+FFFD in its place,
/// so the rest of the file is still parsed and checked; spans point into the decoded text, where
/// the replacement character sits on the same line and column as the bad bytes.
enum DocumentFileReader {
    /// Reads the file at `path`; nil (with E0113 or E0115 reported) when it cannot be used.
    static func read(path: String, into diagnostics: inout DiagnosticBag) -> SourceFile? {
        let nowhere = SourceFile(path: path, text: "")
        func unreadable(_ reason: String) -> SourceFile? {
            diagnostics.report(
                Diagnostic(
                    .unreadableFile, "cannot read `\(path)`: \(reason)", at: SourceSpan(file: nowhere, range: 0..<0)))
            return nil
        }
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return unreadable("no such file")
        }
        if isDirectory.boolValue { return unreadable("it is a folder, not a file") }
        let values = try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
        // Devices and pipes (`/dev/zero`) never end; only regular files are read.
        if values?.isRegularFile == false { return unreadable("it is not a regular file") }
        if let size = values?.fileSize, size > YAMLLimits.maxFileBytes {
            reportTooLarge(size: size, file: nowhere, into: &diagnostics)
            return nil
        }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            return unreadable("permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: YAMLLimits.maxFileBytes + 1) ?? Data()
        } catch {
            return unreadable(error.localizedDescription)
        }
        return decode(bytes: [UInt8](data), path: path, into: &diagnostics)
    }

    /// Decodes `bytes` read from `path`; nil (with E0113 or E0109 reported) when they are too many
    /// or clearly not text.
    static func decode(bytes: [UInt8], path: String, into diagnostics: inout DiagnosticBag) -> SourceFile? {
        if bytes.count > YAMLLimits.maxFileBytes {
            reportTooLarge(size: bytes.count, file: SourceFile(path: path, text: ""), into: &diagnostics)
            return nil
        }
        // An editor's byte order mark is not part of the text the analyst sees.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var decoded: [UInt8] = []
        decoded.reserveCapacity(body.count)
        var invalid: [(offset: Int, bytes: ArraySlice<UInt8>)] = []
        var index = 0
        while index < body.count {
            let length = validSequenceLength(body, at: index)
            if length > 0 {
                decoded.append(contentsOf: body[index..<(index + length)])
                index += length
            } else {
                let skipped = maximalInvalidPrefix(body, at: index)
                invalid.append((decoded.count, body[index..<(index + skipped)]))
                decoded.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += skipped
            }
        }
        let file = SourceFile(path: path, text: String(decoding: decoded, as: UTF8.self))
        for (number, finding) in invalid.enumerated() {
            let span = SourceSpan(file: file, range: finding.offset..<(finding.offset + 3))
            if number == YAMLLimits.maxCharacterFindings {
                diagnostics.report(
                    Diagnostic(
                        .notUTF8,
                        "more than \(YAMLLimits.maxCharacterFindings) invalid UTF-8 sequences: this does not look like a text file",
                        at: span))
                return nil
            }
            let hex = finding.bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            diagnostics.report(
                Diagnostic(
                    .notUTF8, "invalid UTF-8 (\(hex)): Sextant files are UTF-8 text", at: span,
                    suggestion: "save the file as UTF-8 (it may be Latin-1 or Windows-1252)"))
        }
        return file
    }

    private static func reportTooLarge(size: Int, file: SourceFile, into diagnostics: inout DiagnosticBag) {
        let megabytes = Double(size) / 1_048_576
        let shown = (megabytes * 10).rounded() / 10
        diagnostics.report(
            Diagnostic(
                .fileTooLarge,
                "the file is \(shown) MiB; the loader reads at most \(YAMLLimits.maxFileBytes / 1_048_576) MiB",
                at: SourceSpan(file: file, range: 0..<0),
                suggestion: "keep bar data in CSV files, not in strategy files"))
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 (RFC 3629: no overlongs, no surrogates).
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        guard let (length, secondRange) = leadInfo(lead), index + length <= bytes.count else { return 0 }
        guard secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// The bytes one U+FFFD replaces: the lead and the continuation bytes that still fit it
    /// (Unicode's "maximal subpart"), at least one byte.
    private static func maximalInvalidPrefix(_ bytes: [UInt8], at index: Int) -> Int {
        guard let (length, secondRange) = leadInfo(bytes[index]) else { return 1 }
        var count = 1
        while count < length, index + count < bytes.count {
            let byte = bytes[index + count]
            let fits = count == 1 ? secondRange.contains(byte) : byte & 0xC0 == 0x80
            guard fits else { break }
            count += 1
        }
        return count
    }

    /// The sequence length a lead byte announces and the valid range of the byte after it.
    private static func leadInfo(_ lead: UInt8) -> (Int, ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: nil
        }
    }
}
