/// A conformance check's expectation that did not hold: what was expected and where.
public struct ConformanceFailure: Error, CustomStringConvertible {
    /// What went wrong, with the values compared.
    public var message: String
    /// The check's source location.
    public var file: String
    /// The check's source line.
    public var line: Int

    public var description: String { "\(file):\(line): \(message)" }
}

/// Throws unless `condition` holds.
func expect(
    _ condition: Bool, _ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line
) throws {
    guard condition else { throw ConformanceFailure(message: message(), file: file, line: line) }
}

/// Throws unless `actual == expected`.
func expectEqual<T: Equatable>(
    _ actual: T, _ expected: T, _ what: String = "value", file: String = #fileID, line: Int = #line
) throws {
    guard actual == expected else {
        throw ConformanceFailure(
            message: "\(what): expected \(expected), got \(actual)", file: file, line: line)
    }
}

/// Throws unless `body` throws an error for which `matches` is true.
func expectError(
    _ what: String, file: String = #fileID, line: Int = #line, matches: (StoreErrorPattern) -> Bool = { _ in true },
    _ body: () async throws -> Void
) async throws {
    do {
        try await body()
    } catch {
        guard matches(StoreErrorPattern(error)) else {
            throw ConformanceFailure(message: "\(what): unexpected error \(error)", file: file, line: line)
        }
        return
    }
    throw ConformanceFailure(message: "\(what): expected an error, none was thrown", file: file, line: line)
}
