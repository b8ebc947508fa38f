import ArgumentParser
import Foundation
import SextantEngine

/// `--events FILE|-` of `dry-run` and `run`: where engine events go as JSON lines.
enum EventsOption {
    /// The sink for the option's value (none when absent); a file that cannot be created is exit 1.
    static func sink(_ value: String?) throws -> any EventSink {
        guard let value else { return FanOutEventSink([]) }
        if value == "-" { return JSONLinesEventSink(handle: .standardOutput) }
        guard FileManager.default.createFile(atPath: value, contents: nil),
            let handle = FileHandle(forWritingAtPath: value)
        else {
            var standardError = StandardError()
            print("error: cannot write \(value)", to: &standardError)
            throw ExitCode(1)
        }
        return JSONLinesEventSink(handle: handle)
    }
}
