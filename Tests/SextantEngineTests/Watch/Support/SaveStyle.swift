#if canImport(Glibc)
    import Glibc
#endif

/// The ways editors and tools save a file, each turning `fast: 10` into `fast: 12`.
enum SaveStyle: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Truncate and write the same inode (nano, many IDEs, `>` in a shell).
    case inPlace
    /// Two writes in a row, as `: > f; echo … >> f` does: a burst of two `CLOSE_WRITE`s.
    case truncateThenAppend
    /// Write a hidden temporary file, rename it over the original (most editors, atomic writers).
    case renameOverHiddenTemp
    /// The same with a temporary name the pattern matches: the temporary file must not show up.
    case renameOverMatchingTemp
    /// vim's `writebackup` with `backupcopy=no`, by hand: rename the original to `~`, write a new
    /// file, delete the backup.
    case backupAndWrite
    /// Delete, then create a new file under the same name.
    case deleteAndRecreate
    /// `sed -i`: a temporary file in the same directory renamed over the original.
    case sedInPlace
    /// `cp` from outside the watched directory over the file (truncates in place).
    case copyOver
    /// `mv` from outside the watched directory over the file.
    case moveOver
    /// `mv` of a non-matching sibling (`sma.yaml.new`) over the file.
    case moveOverFromSibling
    /// Python's `os.replace` of a temporary file in the same directory.
    case pythonReplace
    /// Real vim with `backupcopy=no` (rename the original away, write a new file). `backupskip` is
    /// emptied because its default skips the backup for files under /tmp, where the sandbox is.
    case vimRename
    /// Real vim with `backupcopy=yes` (copy the original, overwrite in place).
    case vimCopy

    var description: String { rawValue }

    /// The external program the style runs, if any.
    var tool: String? {
        switch self {
        case .sedInPlace: return "sed"
        case .copyOver: return "cp"
        case .moveOver, .moveOverFromSibling: return "mv"
        case .pythonReplace: return "python3"
        case .vimRename, .vimCopy: return "vim"
        default: return nil
        }
    }

    /// Whether the file keeps its inode (written in place) or gets a new one (renamed over); nil
    /// when either can happen (a file system may reuse a freed inode at once).
    var keepsInode: Bool? {
        switch self {
        case .inPlace, .truncateThenAppend, .copyOver, .vimCopy: return true
        case .deleteAndRecreate: return nil
        default: return false
        }
    }

    /// The styles whose tool is installed here (vim and Python may be missing from a CI image; the
    /// hand-written styles cover their sequences of system calls regardless).
    static var available: [SaveStyle] {
        allCases.filter { style in style.tool.map { WatchSandbox.find($0) != nil } ?? true }
    }

    static let before = "fast: 10\n"
    static let after = "fast: 12\n"

    /// Saves `after` over `relative` (which holds `before`).
    func save(_ relative: String, in sandbox: WatchSandbox) throws {
        let after = SaveStyle.after
        switch self {
        case .inPlace:
            try sandbox.write(relative, after)
        case .truncateThenAppend:
            try sandbox.write(relative, "")
            try sandbox.write(relative, after, flags: O_APPEND)
        case .renameOverHiddenTemp:
            try sandbox.write("Strategies/.sma.yaml.tmp", after)
            try sandbox.rename("Strategies/.sma.yaml.tmp", relative)
        case .renameOverMatchingTemp:
            try sandbox.write("Strategies/sma.tmp.yaml", after)
            try sandbox.rename("Strategies/sma.tmp.yaml", relative)
        case .backupAndWrite:
            try sandbox.rename(relative, relative + "~")
            try sandbox.write(relative, after)
            try sandbox.remove(relative + "~")
        case .deleteAndRecreate:
            try sandbox.remove(relative)
            try sandbox.write(relative, after)
        case .sedInPlace:
            try sandbox.run("sed", ["-i", "s/10/12/", relative])
        case .copyOver:
            try sandbox.write("outside.yaml", after)
            try sandbox.run("cp", ["outside.yaml", relative])
        case .moveOver:
            try sandbox.write("outside.yaml", after)
            try sandbox.run("mv", ["outside.yaml", relative])
        case .moveOverFromSibling:
            try sandbox.write(relative + ".new", after)
            try sandbox.run("mv", [relative + ".new", relative])
        case .pythonReplace:
            let script = """
                import os, sys
                with open(sys.argv[1] + '.tmp', 'w') as f: f.write('fast: 12\\n')
                os.replace(sys.argv[1] + '.tmp', sys.argv[1])
                """
            try sandbox.run("python3", ["-c", script, relative])
        case .vimRename, .vimCopy:
            let copy = self == .vimCopy ? "yes" : "no"
            try sandbox.run(
                "vim",
                [
                    "-u", "NONE", "-i", "NONE", "-N", "-Es", "-c",
                    "set nobackup writebackup backupskip= backupcopy=\(copy)",
                    "-c", "%s/10/12/", "-c", "wq", relative,
                ])
        }
    }
}
