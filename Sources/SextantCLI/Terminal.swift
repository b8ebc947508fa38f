import Foundation

/// Facts about where output goes.
enum Terminal {
    /// True when ANSI colors should be written to standard output: a TTY, and `NO_COLOR` unset
    /// (https://no-color.org: any non-empty value disables colors).
    static var stdoutWantsColor: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// The same for standard error.
    static var stderrWantsColor: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDERR_FILENO) == 1
    }
}
