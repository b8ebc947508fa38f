public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the YAML files to lint, and expands the path patterns of engine files.
public enum FileDiscovery {
    /// A path that does not exist.
    public struct MissingPath: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "no such file or directory: \(path)" }
    }

    /// Expands files and folders (recursively, `*.yaml` and `*.yml`, hidden entries skipped) into
    /// a sorted, de-duplicated list of files. Files named explicitly are kept whatever their extension.
    public static func yamlFiles(in paths: [String]) throws -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw MissingPath(path: path) }
            if !isDirectory.boolValue {
                if seen.insert(path).inserted { result.append(path) }
                continue
            }
            var found: [String] = []
            let root = URL(fileURLWithPath: path)
            if let enumerator = manager.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            {
                for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension) {
                    let relative =
                        url.path.hasPrefix(root.path + "/")
                        ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
                    found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                }
            }
            for file in found.sorted() where seen.insert(file).inserted { result.append(file) }
        }
        return result
    }

    /// Resolves a path written in a document against the document's folder.
    public static func resolve(_ path: String, relativeTo base: URL) -> String {
        path.hasPrefix("/") ? path : base.appendingPathComponent(path).path
    }

    /// The files a pattern such as `Strategies/*.yaml` matches, sorted.
    public static func expand(_ pattern: String, relativeTo base: URL) -> [String] {
        let full = resolve(pattern, relativeTo: base)
        #if canImport(Glibc)
            var matches = glob_t()
            defer { globfree(&matches) }
            guard glob(full, 0, nil, &matches) == 0 else { return [] }
            var paths: [String] = []
            for index in 0..<Int(matches.gl_pathc) {
                if let entry = matches.gl_pathv[index] { paths.append(String(cString: entry)) }
            }
            return paths.sorted()
        #else
            return FileManager.default.fileExists(atPath: full) ? [full] : []
        #endif
    }
}
