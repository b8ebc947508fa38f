import Dispatch
public import SextantBacktest
public import SextantCore

/// The first half of a bar for every host, on every core: each host's book fills its approved orders
/// at the open and runs its stops, then its stream evaluator takes the bar and its rules decide.
///
/// Each host touches only its own session (its book, its evaluator), so hosts are independent; what
/// they share — the venue's reports, the risk gate, the router, the event stream — is touched only in
/// the engine's second, sequential half, in host order, so a run's events and orders do not depend
/// on how the hosts were spread over threads.
public struct HostEvaluation {
    /// What the host's book did at the open.
    public var opened: BarOpenOutcome
    /// The orders the host decided at the close.
    public var intents: [OrderIntent]

    /// Hosts per task: enough work per dispatch to amortize it, small enough to balance the cores.
    static let chunk = 16

    /// Opens and closes the bar for each host whose symbol has one (others get an empty evaluation).
    /// Fewer than `4 × chunk` hosts run on the calling thread: spreading them costs more than it saves.
    public static func run(_ hosts: [StrategyHost], bars: [String: Bar]) -> [HostEvaluation] {
        var results = [HostEvaluation](
            repeating: HostEvaluation(opened: BarOpenOutcome(), intents: []), count: hosts.count)
        guard hosts.count >= 4 * chunk else {
            for (index, host) in hosts.enumerated() {
                if let bar = bars[host.symbol] { results[index] = evaluate(host, bar) }
            }
            return results
        }
        results.withUnsafeMutableBufferPointer { buffer in
            let shared = Unshared(hosts: hosts, bars: bars, results: buffer)
            let tasks = (hosts.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: tasks) { task in
                for index in task * chunk..<min(shared.hosts.count, (task + 1) * chunk) {
                    let host = shared.hosts[index]
                    if let bar = shared.bars[host.symbol] { shared.results[index] = evaluate(host, bar) }
                }
            }
        }
        return results
    }

    static func evaluate(_ host: StrategyHost, _ bar: Bar) -> HostEvaluation {
        let opened = host.session.open(bar)
        return HostEvaluation(opened: opened, intents: host.session.close(bar))
    }

    /// The hosts, bars and result slots handed to the worker threads. Unchecked because each iteration
    /// reads shared immutable arrays and touches only its own hosts and its own result slots.
    private struct Unshared: @unchecked Sendable {
        let hosts: [StrategyHost]
        let bars: [String: Bar]
        let results: UnsafeMutableBufferPointer<HostEvaluation>
    }
}
