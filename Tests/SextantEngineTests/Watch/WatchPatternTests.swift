import SextantEngine
import Testing

@Suite struct WatchPatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var base: String
        var directory: String
        var name: String
        var testDescription: String { "\(pattern) in \(base)" }
    }

    static let cases: [Case] = [
        Case(pattern: "Strategies/*.yaml", base: "/srv/desk", directory: "/srv/desk/Strategies", name: "*.yaml"),
        Case(pattern: "./Strategies//*.yaml", base: "/srv/desk/", directory: "/srv/desk/Strategies", name: "*.yaml"),
        Case(pattern: "Config/risk.yaml", base: "/srv/desk/./bin/..", directory: "/srv/desk/Config", name: "risk.yaml"),
        Case(pattern: "../shared/risk.yaml", base: "/srv/desk", directory: "/srv/shared", name: "risk.yaml"),
        Case(pattern: "/etc/sextant/*.yaml", base: "/srv/desk", directory: "/etc/sextant", name: "*.yaml"),
        Case(pattern: "*.yaml", base: "/srv/desk", directory: "/srv/desk", name: "*.yaml"),
        Case(pattern: "/x.yaml", base: "/srv", directory: "/", name: "x.yaml"),
        Case(pattern: "../../../x.yaml", base: "/srv", directory: "/", name: "x.yaml"),
    ]

    @Test(arguments: cases) func resolution(_ testCase: Case) throws {
        let pattern = try WatchPattern(testCase.pattern, relativeTo: testCase.base)
        #expect(pattern.directory == testCase.directory)
        #expect(pattern.name == testCase.name)
    }

    @Test(arguments: [
        ("", FileWatcherError.emptyPattern),
        ("Strategies/", .noFileName("Strategies/")),
        ("Strategies/..", .noFileName("Strategies/..")),
        (".", .noFileName(".")),
        ("Strat*/a.yaml", .wildcardInDirectory("Strat*/a.yaml")),
        ("a/?/b.yaml", .wildcardInDirectory("a/?/b.yaml")),
        ("[ab]/c.yaml", .wildcardInDirectory("[ab]/c.yaml")),
    ])
    func malformed(_ pattern: String, _ error: FileWatcherError) {
        #expect(throws: error) { try WatchPattern(pattern, relativeTo: "/srv") }
    }

    @Test(arguments: [
        ("/srv/desk/Strategies/sma.yaml", true),
        ("/srv/desk/Strategies/.sma.yaml", false),
        ("/srv/desk/Strategies/sub/sma.yaml", false),
        ("/srv/desk/sma.yaml", false),
        ("/srv/desk/Strategies", false),
        ("sma.yaml", false),
    ])
    func matchingPaths(_ path: String, _ matches: Bool) throws {
        let pattern = try WatchPattern("Strategies/*.yaml", relativeTo: "/srv/desk")
        #expect(pattern.matches(path) == matches)
    }

    @Test func aPatternAtTheRoot() throws {
        let pattern = try WatchPattern("/x.yaml", relativeTo: "/srv")
        #expect(pattern.matches("/x.yaml"))
        #expect(pattern.description == "/x.yaml")
    }
}
