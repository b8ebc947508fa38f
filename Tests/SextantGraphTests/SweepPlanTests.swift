import SextantGraph
import SextantLanguage
import Testing

@Suite("Parameter sweeps")
struct SweepPlanTests {
    /// 100 points of the SMA cross (fast 5…50 × slow 10…100): one SMA kernel per distinct length (15),
    /// not per point, and the shared bar column once.
    @Test func kernelsExistOncePerDistinctValue() throws {
        let strategy = try GraphFixtures.strategy("Strategies/sma_cross.yaml")
        var points: [[String: Double]] = []
        for fast in stride(from: 5.0, through: 50, by: 5) {
            for slow in stride(from: 10.0, through: 100, by: 10) { points.append(["fast": fast, "slow": slow]) }
        }
        let plan = SweepPlan(strategy, points: points)
        let smaLengths = plan.graph.nodes.compactMap { node -> Double? in
            if case .kernel("sma", let settings) = node.operation { return settings.first?.value }
            return nil
        }
        let expected = Set(stride(from: 5.0, through: 50, by: 5)).union(stride(from: 10.0, through: 100, by: 10))
        #expect(smaLengths.count == expected.count)
        #expect(Set(smaLengths) == expected)
        #expect(plan.graph.nodes.filter { $0.operation == .bar(.close, alias: nil) }.count == 1)
        // Points whose fast and slow coincide share their cross nodes too.
        let crosses = plan.graph.nodes.filter {
            if case .kernel("crosses_above", _) = $0.operation { return true }
            return false
        }
        #expect(crosses.count == Set(points.map { [$0["fast"] ?? 0, $0["slow"] ?? 0] }).count)
    }

    /// A point of the sweep computes exactly what the same point planned alone computes.
    @Test func sweptPointsEqualSinglePlans() throws {
        let strategy = try GraphFixtures.strategy("Strategies/macd_trend.yaml")
        let points: [[String: Double]] = [["fast": 8, "slow": 21], ["fast": 12, "slow": 26], ["trail": 2.5]]
        let plan = SweepPlan(strategy, points: points)
        let data = GraphFixtures.market(for: strategy)
        let swept = BatchEvaluator.evaluate(plan.graph, data: data)
        for (index, point) in points.enumerated() {
            let alone = BatchEvaluator.evaluate(Planner.plan(strategy, params: point), data: data)
            for output in plan.outputs[index] where alone.columns[output.name] != nil {
                let sweptName = plan.graph.outputs.first { $0.node == output.node }?.name ?? ""
                let a = try #require(swept.columns[sweptName])
                let b = try #require(alone.columns[output.name])
                #expect(zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }, "point \(index) \(output.name)")
            }
        }
        #expect(plan.points[2]["fast"] == 12)
        #expect(plan.points[2]["trail"] == 2.5)
    }
}
