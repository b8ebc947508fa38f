import Testing

@testable import SextantEngine

@Suite struct GlobPatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var name: String
        var matches: Bool
        var testDescription: String { "\(pattern) ~ \(name) = \(matches)" }
    }

    static let cases: [Case] = [
        Case(pattern: "*.yaml", name: "sma.yaml", matches: true),
        Case(pattern: "*.yaml", name: "sma.tmp.yaml", matches: true),
        Case(pattern: "*.yaml", name: "sma.yml", matches: false),
        Case(pattern: "*.yaml", name: "sma.yaml~", matches: false),
        Case(pattern: "*.yaml", name: "sma.yaml.swp", matches: false),
        Case(pattern: "*.yaml", name: ".sma.yaml.swp", matches: false),
        Case(pattern: "*.yaml", name: ".#sma.yaml", matches: false),
        Case(pattern: "*.yaml", name: ".hidden.yaml", matches: false),
        Case(pattern: ".*.yaml", name: ".hidden.yaml", matches: true),
        Case(pattern: "?sma.yaml", name: ".sma.yaml", matches: false),
        Case(pattern: "*.yaml", name: ".yaml", matches: false),
        Case(pattern: "*.yaml", name: "yaml", matches: false),
        Case(pattern: "*yaml", name: "yaml", matches: true),
        Case(pattern: "risk.yaml", name: "risk.yaml", matches: true),
        Case(pattern: "risk.yaml", name: "Risk.yaml", matches: false),
        Case(pattern: "risk.yaml", name: "risk.yaml.bak", matches: false),
        Case(pattern: "?.yaml", name: "a.yaml", matches: true),
        Case(pattern: "?.yaml", name: "ab.yaml", matches: false),
        Case(pattern: "?.yaml", name: ".yaml", matches: false),
        Case(pattern: "*.yaml", name: "é.yaml", matches: true),
        Case(pattern: "[a-m]*.yaml", name: "macd.yaml", matches: true),
        Case(pattern: "[a-m]*.yaml", name: "sma.yaml", matches: false),
        Case(pattern: "[!s]*.yaml", name: "sma.yaml", matches: false),
        Case(pattern: "\\*.yaml", name: "*.yaml", matches: true),
        Case(pattern: "\\*.yaml", name: "a.yaml", matches: false),
        Case(pattern: "*", name: "anything", matches: true),
        Case(pattern: "**", name: "x", matches: true),
        Case(pattern: "a*b*c", name: "axxbyyc", matches: true),
        Case(pattern: "a*b*c", name: "abc", matches: true),
        Case(pattern: "a*b*c", name: "axxbyy", matches: false),
        Case(pattern: "a*b*c", name: "acb", matches: false),
        Case(pattern: "*.y?ml", name: "a.yaml", matches: true),
        Case(pattern: "s*_*.yaml", name: "sma_cross.yaml", matches: true),
        Case(pattern: "*a*a*a*a*a*b", name: String(repeating: "a", count: 200), matches: false),
    ]

    @Test(arguments: cases) func matching(_ testCase: Case) {
        #expect(GlobPattern(testCase.pattern).matches(testCase.name) == testCase.matches)
    }

    @Test(arguments: [("*.yaml", true), ("a?.yaml", true), ("[ab].yaml", true), ("risk.yaml", false)])
    func wildcards(_ pattern: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).hasWildcards == expected)
    }
}
