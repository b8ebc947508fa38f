/// The dependency graph of a document's `let` bindings: a check order, and the cycles.
///
/// Iterative (Kahn's algorithm) so that a file with thousands of chained bindings cannot exhaust
/// the stack.
struct LetGraph {
    /// "`from` uses `to` at `span`".
    struct Edge {
        var from: String
        var to: String
        var span: SourceSpan
    }

    /// Bindings in an order where each comes after everything it uses; cyclic ones are left out.
    private(set) var sorted: [String] = []
    /// Each cycle once, as the edges around it, starting from its earliest-declared binding.
    private(set) var cycles: [[Edge]] = []

    init(order: [String], expressions: [String: Expr]) {
        let names = Set(order)
        var edges: [String: [Edge]] = [:]
        for name in order {
            guard let expr = expressions[name] else { continue }
            var seen: Set<String> = []
            var stack = [expr]
            var found: [Edge] = []
            while let node = stack.popLast() {
                if case .name(let used) = node.kind, names.contains(used), seen.insert(used).inserted {
                    found.append(Edge(from: name, to: used, span: node.span))
                }
                stack.append(contentsOf: node.children.reversed())
            }
            edges[name] = found.sorted { $0.span.range.lowerBound < $1.span.range.lowerBound }
        }
        var remaining: [String: Int] = [:]
        var users: [String: [String]] = [:]
        for name in order {
            remaining[name] = edges[name]?.count ?? 0
            for edge in edges[name] ?? [] { users[edge.to, default: []].append(name) }
        }
        var ready = order.filter { remaining[$0] == 0 }
        var index = 0
        while index < ready.count {
            let name = ready[index]
            index += 1
            sorted.append(name)
            for user in users[name] ?? [] {
                remaining[user, default: 0] -= 1
                if remaining[user] == 0 { ready.append(user) }
            }
        }
        // What is left is on a cycle or depends on one; walk from each left-over binding until a
        // binding repeats, which closes a cycle.
        let done = Set(sorted)
        var reported: Set<String> = []
        for start in order where !done.contains(start) && !reported.contains(start) {
            var path: [Edge] = []
            var position: [String: Int] = [:]
            var current = start
            while position[current] == nil, !reported.contains(current) {
                position[current] = path.count
                guard let next = edges[current]?.first(where: { !done.contains($0.to) }) else { break }
                path.append(next)
                current = next.to
            }
            if let cycleStart = position[current], !reported.contains(current) {
                var cycle = Array(path[cycleStart...])
                let orderIndex = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
                if let first = cycle.indices.min(by: {
                    orderIndex[cycle[$0].from, default: 0] < orderIndex[cycle[$1].from, default: 0]
                }) {
                    cycle = Array(cycle[first...] + cycle[..<first])
                }
                cycles.append(cycle)
                for edge in cycle { reported.insert(edge.from) }
            }
            for edge in path { reported.insert(edge.from) }
            reported.insert(start)
        }
    }
}
