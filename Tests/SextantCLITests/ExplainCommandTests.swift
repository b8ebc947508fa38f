import Foundation
import SextantCLITestSupport
import Testing

@Suite("sextant explain")
struct ExplainCommandTests {
    @Test func textShowsSharedNodesOnce() throws {
        let output = try CLIRunner.run(["explain", "Strategies/guarded_breakout.yaml"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        let atr = lines.filter { $0.contains("atr(14) ←") }
        #expect(atr.count == 1)
        #expect(atr.first?.contains("warm-up 14") == true)
        #expect(atr.first?.contains("shared by stops.loss, stops.take_profit") == true)
        #expect(lines.first?.hasSuffix("warm-up 55 bars") == true)
        #expect(lines.contains { $0.contains("open_pnl") && $0.contains("state") })
    }

    @Test func paramsChangeKernelSettings() throws {
        let output = try CLIRunner.run(["explain", "Strategies/sma_cross.yaml", "--param", "fast=7"])
        #expect(output.stdout.contains("sma(7) ←"))
        #expect(output.stdout.contains("sma(20) ←"))
    }

    @Test func dotIsAGraphvizDigraph() throws {
        let output = try CLIRunner.run(["explain", "--format", "dot", "Strategies/sma_cross.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("digraph \"Strategies/sma_cross.yaml: sma_cross\" {"))
        #expect(output.stdout.contains("-> o0;"))
        #expect(output.stdout.hasSuffix("}\n"))
    }

    @Test func brokenStrategyExitsOneMissingFileTwo() throws {
        let path = try CLIRunner.temporaryFile("kind: strategy\nname: b\nentry:\n  long: smaa(close, 3) > 1\n")
        let broken = try CLIRunner.run(["explain", path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("error[E0302]"))
        #expect(try CLIRunner.run(["explain", "no/such.yaml"]).status == 2)
    }
}
