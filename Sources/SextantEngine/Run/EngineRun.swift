import Foundation
public import SextantBacktest
public import SextantBus
public import SextantCore
public import SextantLanguage
import SextantPostgres
public import SextantStore
import Synchronization

/// `sextant run CONFIG.yaml`: an engine file (DSL.md §4) brought up — its strategies, risk file, paper
/// venue and CSV feed — and run bar by bar through the `DryRunEngine`, with hot reload when the file
/// says `watch: true`.
///
/// Hot reload: a `FileWatcher` reports changes of the strategy and risk files; the
/// `ReloadCoordinator` lints and compiles each change at once and records a `reload` event (`ok` or
/// `rejected` with the diagnostics `sextant lint --format json` prints). Accepted changes wait for the
/// next bar boundary, where a new version takes over the old one's book, stops and approved orders
/// and is warmed up on the bars seen so far; a rejected one leaves the running version in place. A new
/// file starts a strategy; a deleted one is retired (no new entries; exits and stops still run).
///
/// Concurrency: the bar loop owns the hosts and the history; the watcher's task only reaches the
/// mutex-guarded reload state (the queue of decided outcomes and the table of decided versions).
public final class EngineRun: @unchecked Sendable {
    /// The engine file.
    public let document: EngineDocument
    /// The engine the run drives (its hosts, gate, venue and router).
    public let engine: DryRunEngine
    /// The feed: each bar time with the bars of the symbols that have one, oldest first.
    let timeline: [(time: Int64, bars: [String: Bar])]
    let settings: BacktestSettings
    /// The feed's symbols (one csv file each, named by the file), in order.
    let symbols: [String]
    let strategyPatterns: [String]
    let base: URL
    /// Where the run's events go: the engine's sink (which keeps its `risk` events for the store).
    var events: any EventSink { engine.events }
    /// Every bar seen so far, per symbol (what a new version is warmed up on).
    private var history: [String: [Bar]] = [:]
    /// Reload decisions shared by the watcher's task and the bar loop.
    private let reloads = Mutex(ReloadState())
    /// The risk file (absolute and normalized, as the watcher reports paths), if the engine file names one.
    let riskPath: String?
    /// Keeps the SIGHUP source alive; written once by `listenForReloadSignal()`, never read.
    nonisolated(unsafe) private var hangup: (any DispatchSourceSignal)?

    /// The kill switch polled at every bar.
    public let killSwitch: KillSwitch

    /// The store the engine records orders, fills and positions in.
    public let store: (any TradingStore)?
    /// The Redis bus (`bus: redis://…`): events published, the leader lock, the account's kill flag.
    public let bus: RedisBus?
    /// Why new orders are held because this engine does not hold the account's leader lock (nil: it does).
    private var standby: String?

    /// Opens an engine file: like `init`, and connects to a Postgres store when the file names one
    /// (`store: postgres://…`; the password from the environment).
    public static func open(
        path: String, events: any EventSink, clock: any EngineClock = SystemClock(),
        killSwitch: KillSwitch = KillSwitch()
    ) async throws(EngineSetupError) -> EngineRun {
        let result = Linter.lint(path: path)
        guard case .engine(let document) = result.checked else {
            throw .diagnostics(result.diagnostics.filter { $0.severity == .error })
        }
        var store: (any TradingStore)?
        if case .postgres(let location) = try StoreLocation.parse(document.store?.value) {
            do { store = try await PostgresStore.open(location) } catch {
                throw .unsupported("cannot open the store \(location): \(error)")
            }
        }
        return try EngineRun(path: path, events: events, clock: clock, killSwitch: killSwitch, store: store)
    }

    /// Reads the engine file and everything it names and opens its store; nothing runs yet.
    /// `killSwitch` polls `var/sextant.kill` unless given; `store` replaces the file's `store:`.
    public init(
        path: String, events: any EventSink, clock: any EngineClock = SystemClock(),
        killSwitch: KillSwitch = KillSwitch(), store given: (any TradingStore)? = nil
    ) throws(EngineSetupError) {
        self.killSwitch = killSwitch
        let result = Linter.lint(path: path)
        guard case .engine(let document) = result.checked else {
            throw .diagnostics(result.diagnostics.filter { $0.severity == .error })
        }
        self.document = document
        do { bus = try Self.bus(document) } catch { throw .unsupported("bus: \(error)") }
        let events = bus.map { FanOutEventSink([events, BusEventSink($0)]) } ?? events
        base = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard let venue = document.venue, venue.adapter.value == "paper" else {
            throw .unsupported("only the paper venue is available (`venue: {adapter: paper}`)")
        }
        guard let feed = document.data, feed.feed.value == "csv", let dataPath = feed.path?.value else {
            throw .unsupported("only the csv data feed is available (`data: {feed: csv, path: …}`)")
        }
        var settings = BacktestSettings()
        settings.cash = venue.cash?.value ?? settings.cash
        settings.commission = Commission(rate: venue.commission?.value ?? 0)
        self.settings = settings
        // `path` is a file or a glob (`data/*.csv`): one symbol per file, named by the file.
        let files = FileDiscovery.expand(dataPath, relativeTo: base)
        guard !files.isEmpty else { throw .unsupported("no csv file matches `data.path: \(dataPath)`") }
        var series: [(String, BarSeries)] = []
        for file in files {
            do {
                series.append(
                    (
                        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
                        try CSVBarReader.read(path: file)
                    ))
            } catch {
                throw .unsupported("\(error)")
            }
        }
        symbols = series.map(\.0)
        if Set(symbols).count != symbols.count {
            throw .unsupported("`data.path: \(dataPath)` names two files of the same symbol (file name)")
        }
        timeline = Self.timeline(series)
        strategyPatterns = document.strategies.map(\.value)
        var hosts: [StrategyHost] = []
        for pattern in strategyPatterns {
            for found in FileDiscovery.expand(pattern, relativeTo: base) {
                // Absolute and normalized, as the watcher reports paths.
                let file = URL(fileURLWithPath: found).standardizedFileURL.path
                switch Self.compile(file) {
                case .success(let strategy):
                    guard Self.singleSymbol(strategy) else { continue }
                    for symbol in symbols {
                        hosts.append(Self.host(strategy, file: file, symbol: symbol, settings: settings))
                    }
                case .failure(let error):
                    throw .diagnostics(error.diagnostics)
                }
            }
        }
        var policy: RiskPolicy?
        var riskTable: [String: LoadedFile<CheckedRisk>] = [:]
        if let risk = document.risk?.value {
            let file = URL(fileURLWithPath: FileDiscovery.resolve(risk, relativeTo: base)).standardizedFileURL.path
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))).map { [UInt8]($0) } ?? []
            let result = Linter.lint(path: file)
            guard case .risk(let checked) = result.checked else {
                throw .diagnostics(result.diagnostics.filter { $0.severity == .error })
            }
            policy = RiskPolicy(checked)
            riskPath = file
            riskTable[file] = LoadedFile(path: file, source: bytes, compiled: checked)
        } else {
            riskPath = nil
        }
        if let given {
            store = given
        } else {
            switch try StoreLocation.parse(document.store?.value) {
            case .sqlite(let path):
                do { store = try SQLiteStore(path: path) } catch {
                    throw .unsupported("cannot open the store \(path): \(error)")
                }
            case .postgres(let location):
                throw .unsupported("\(location) is a Postgres store: open the engine with EngineRun.open")
            }
        }
        // Each process is a run of its own (a restart too): its risk events and equity are kept under it.
        let run = RunRecord(
            id: UUID().uuidString.lowercased(), started: EpochMilliseconds(Int64(Date().timeIntervalSince1970 * 1000)),
            mode: .dryRun,
            engineConfigHash: StrategyVersion.of(
                (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []))
        engine = DryRunEngine(
            hosts: hosts, gate: RiskGate(policy: policy), events: events, clock: clock,
            pace: feed.pace?.value ?? 0, store: store, run: run)
        var table: [String: LoadedFile<CheckedStrategy>] = [:]
        for host in hosts {
            guard let path = host.path else { continue }
            table[path] = LoadedFile(path: path, source: host.source, compiled: host.session.strategy)
        }
        let start = timeline.first?.time ?? 0
        reloads.withLock { $0 = ReloadState(table: table, time: start, risk: riskTable) }
    }

    /// The running hosts.
    public var hosts: [StrategyHost] { engine.hosts }

    /// Runs the feed to its end; with `watch: true`, reloads changed files between bars. With `pace`, the
    /// warm-up bars go through at once and every later bar waits `pace` seconds before it is stepped.
    public func run() async throws {
        let watcher: FileWatcher? = document.watch?.value == true ? try? startWatcher() : nil
        defer { watcher?.stop() }
        // Events held by a sink (the bus batches a bar's) are handed on however the run ends.
        defer { events.flush() }
        // Orders a previous process stored and never saw acknowledged are reconciled before any bar.
        try await engine.router.resume(time: timeline.first?.time ?? 0)
        // The bars before any strategy can decide (the largest warm-up among their graphs) are history:
        // replayed at once, before the first paced ("live") bar.
        let warmup = engine.hosts.map(\.session.firstDecisionBar).max() ?? 0
        for (index, (time, bars)) in timeline.enumerated() {
            try Task.checkCancellation()
            if engine.pace > 0, index >= warmup { try await engine.clock.sleep(seconds: engine.pace) }
            applyDecided()
            followBus(time: time)
            if engine.gate.allHalted == nil, let mode = killSwitch.engaged() ?? busKill() {
                engine.gate.kill("kill switch", flatten: mode == .flatten)
                events.emit(
                    EngineEvent(
                        .risk, time: time,
                        fields: [
                            ("rule", .string("kill_switch")), ("decision", .string("halt")),
                            ("mode", .string(mode.rawValue)),
                        ]))
            }
            await engine.step(bars, time: time)
            for (symbol, bar) in bars { history[symbol, default: []].append(bar) }
            reloads.withLock { $0.time = time }
        }
        applyDecided()
        await engine.finishWrites()
        events.flush()
        bus?.setEngineState(["status": "finished"])
        bus?.close()
    }

    /// The bus's side of a bar: the leader lock decides whether this engine may send orders (a standby
    /// holds every order, exits included: another engine trades the account), and a change is a `risk`
    /// event.
    private func followBus(time: Int64) {
        guard let bus else { return }
        let held = bus.mayTrade ? nil : "leader_lock"
        guard held != standby else { return }
        standby = held
        engine.gate.standby = held.map { _ in "another engine holds the account's leader lock" }
        events.emit(
            EngineEvent(
                .risk, time: time,
                fields: [("rule", .string("leader_lock")), ("decision", .string(held == nil ? "resume" : "halt"))]))
    }

    /// The account's kill flag on the bus, read at every bar (any value but `flatten` halts).
    private func busKill() -> KillSwitch.Mode? {
        bus?.killFlag().map { $0 == .flatten ? .flatten : .halt }
    }

    /// The engine file's `bus:`: nil for `none` or no bus; a Redis bus for `redis://…` (no network yet:
    /// it connects in the background), on the account named by the engine file's `name` (`default`
    /// without one).
    static func bus(_ document: EngineDocument) throws -> RedisBus? {
        guard let text = document.bus?.value.trimmingCharacters(in: .whitespaces), text != "none" else { return nil }
        let url = try BusURL(text).withEnvironmentPassword()
        let engineID = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        let account = document.name?.value ?? "default"
        let bus = try RedisBus(configuration: BusConfiguration(url: url, account: account, engineID: engineID))
        bus.setEngineState(["status": "running", "engine": account])
        return bus
    }

    /// Decides what a file change means (lint and compile now, apply at the next bar boundary) and
    /// records the `reload` event. The watcher's task calls it; tests call it directly.
    public func handle(_ change: FileChange) {
        if let riskPath, change.path == riskPath {
            handleRisk(change)
            return
        }
        let coordinator = ReloadCoordinator<CheckedStrategy>(
            read: { path in [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) },
            compile: { path, bytes in Self.compile(path, bytes: bytes) })
        reloads.withLock { state in
            guard let outcome = coordinator.plan(for: change, loaded: state.table) else { return }
            outcome.apply(to: &state.table)
            state.queue.append(outcome)
            report(outcome, time: state.time)
        }
    }

    /// A change of the risk file: a valid one replaces the limits at the next bar boundary (the
    /// gate's halts and its account history stay); an invalid, unreadable or deleted one is reported and
    /// the running limits stay — the engine never trades without the limits it was started with.
    private func handleRisk(_ change: FileChange) {
        let coordinator = ReloadCoordinator<CheckedRisk>(
            read: { path in [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) },
            compile: { path, bytes in
                let result = Linter.lint(bytes: bytes, path: path)
                guard case .risk(let risk) = result.checked else {
                    return .failure(ReloadCompileError(result.diagnostics.filter { $0.severity == .error }))
                }
                return .success(risk)
            })
        // A deleted risk file is planned as a change: the read fails and the running limits are kept.
        let asChange: FileChange = if case .deleted(let path) = change { .changed(path) } else { change }
        reloads.withLock { state in
            guard let outcome = coordinator.plan(for: asChange, loaded: state.risk) else { return }
            switch outcome {
            case .started(let path, let version), .swapped(let path, _, let version):
                state.risk[path] = version
                state.pendingRisk = version.compiled
                events.emit(
                    EngineEvent(
                        .reload, time: state.time,
                        fields: [
                            ("file", .string(path)), ("status", .string("ok")), ("version", .string(version.version)),
                        ]))
            case .rejected(let path, let diagnostics, let kept):
                events.emit(
                    EngineEvent(
                        .reload, time: state.time,
                        fields: [
                            ("file", .string(path)), ("status", .string("rejected")),
                            ("version", .string(kept?.version ?? "")), ("diagnostics", .json(Self.json(diagnostics))),
                        ]))
            case .retired, .unchanged:
                return
            }
        }
    }

    /// True while a decided reload waits for the next bar boundary.
    public var hasPendingReloads: Bool {
        reloads.withLock { !$0.queue.isEmpty || $0.pendingRisk != nil }
    }

    /// Re-reads every watched file as if each had changed (SIGHUP, or a caller's request): new and
    /// edited files reload, deleted ones retire, unchanged bytes do nothing.
    public func reloadAll() {
        var present: Set<String> = []
        for pattern in strategyPatterns {
            for found in FileDiscovery.expand(pattern, relativeTo: base) {
                present.insert(URL(fileURLWithPath: found).standardizedFileURL.path)
            }
        }
        let running = reloads.withLock { Set($0.table.keys) }
        for path in present.sorted() { handle(.changed(path)) }
        for path in running.subtracting(present).sorted() { handle(.deleted(path)) }
        if let riskPath { handle(.changed(riskPath)) }
    }

    /// Reloads every file on SIGHUP to this process (`kill -HUP`), watched or not.
    public func listenForReloadSignal() {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { [weak self] in self?.reloadAll() }
        source.resume()
        hangup = source
    }

    private func startWatcher() throws -> FileWatcher {
        let watcher = try FileWatcher(watching: strategyPatterns + (riskPath.map { [$0] } ?? []), relativeTo: base.path)
        let stream = watcher.changes
        Task { [weak self] in
            for await change in stream { self?.handle(change) }
        }
        return watcher
    }

    /// Applies the outcomes decided since the last bar: the bar boundary.
    private func applyDecided() {
        let (outcomes, risk) = reloads.withLock { state in
            defer {
                state.queue.removeAll()
                state.pendingRisk = nil
            }
            return (state.queue, state.pendingRisk)
        }
        if let risk { engine.gate.replace(policy: RiskPolicy(risk)) }
        for outcome in outcomes {
            switch outcome {
            case .started(let path, let version):
                guard Self.singleSymbol(version.compiled) else { continue }
                for symbol in symbols {
                    let fresh = Self.host(version.compiled, file: path, symbol: symbol, settings: settings)
                    let session = LiveStrategy(
                        version.compiled, settings: fresh.session.settings, takingOver: fresh.session,
                        history: history[symbol] ?? [])
                    let host = StrategyHost(session: session, symbol: symbol, version: version.version, path: path)
                    host.source = version.source
                    engine.hosts.append(host)
                }
            case .swapped(let path, _, let new):
                for index in engine.hosts.indices where engine.hosts[index].path == path && !engine.hosts[index].retired
                {
                    let old = engine.hosts[index]
                    let session = LiveStrategy(
                        new.compiled, settings: Self.settings(settings, for: new.compiled), takingOver: old.session,
                        history: history[old.symbol] ?? [])
                    let host = StrategyHost(session: session, symbol: old.symbol, version: new.version, path: path)
                    host.source = new.source
                    host.reportedClosed = old.reportedClosed
                    host.reportedOpen = old.reportedOpen
                    engine.hosts[index] = host
                }
            case .retired(let path, _):
                for host in engine.hosts where host.path == path { host.retired = true }
            case .rejected, .unchanged:
                continue
            }
        }
    }

    private func report(_ outcome: ReloadOutcome<CheckedStrategy>, time: Int64) {
        var fields: [(String, EngineEvent.Value)] = [("file", .string(outcome.path))]
        switch outcome {
        case .started(_, let version), .swapped(_, _, let version):
            fields += [("status", .string("ok")), ("version", .string(version.version))]
        case .retired(_, let version):
            fields += [("status", .string("retired")), ("version", .string(version.version))]
        case .rejected(_, let diagnostics, let kept):
            fields += [
                ("status", .string("rejected")), ("version", .string(kept?.version ?? "")),
                ("diagnostics", .json(Self.json(diagnostics))),
            ]
        case .unchanged:
            return
        }
        events.emit(EngineEvent(.reload, time: time, fields: fields))
    }

    /// Diagnostics as `sextant lint --format json` prints them.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let records = diagnostics.map(DiagnosticRecord.init)
        return (try? JSONEncoder().encode(records)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// Merges the symbols' series into one timeline: every bar time of any symbol, oldest first, with
    /// the bars of the symbols that have one (a symbol without a bar at a time waits: its hosts neither
    /// open nor decide).
    static func timeline(_ series: [(String, BarSeries)]) -> [(time: Int64, bars: [String: Bar])] {
        var byTime: [Int64: [String: Bar]] = [:]
        for (symbol, bars) in series {
            for bar in bars { byTime[bar.time, default: [:]][symbol] = bar }
        }
        return byTime.keys.sorted().map { ($0, byTime[$0] ?? [:]) }
    }

    // MARK: - Compiling

    static func compile(_ path: String, bytes: [UInt8]? = nil) -> Result<CheckedStrategy, ReloadCompileError> {
        let result = bytes.map { Linter.lint(bytes: $0, path: path) } ?? Linter.lint(path: path)
        guard case .strategy(let strategy) = result.checked else {
            return .failure(ReloadCompileError(result.diagnostics.filter { $0.severity == .error }))
        }
        return .success(strategy)
    }

    /// Strategies reading several symbols need a feed per alias, which the csv feed does not give.
    static func singleSymbol(_ strategy: CheckedStrategy) -> Bool {
        let symbols = strategy.document.symbols
        return !(symbols.count > 1 || symbols.contains { $0.alias != $0.symbol })
    }

    /// The venue's settings with a strategy's `orders:` section.
    static func settings(_ venue: BacktestSettings, for strategy: CheckedStrategy) -> BacktestSettings {
        var settings = venue
        let orders = strategy.document.orders
        settings.fill = orders.fill
        settings.direction = orders.direction
        settings.pyramiding = max(1, orders.pyramiding)
        return settings
    }

    static func host(_ strategy: CheckedStrategy, file: String, symbol: String, settings venue: BacktestSettings)
        -> StrategyHost
    {
        let settings = Self.settings(venue, for: strategy)
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))).map { [UInt8]($0) } ?? []
        let host = StrategyHost(strategy, symbol: symbol, version: StrategyVersion.of(bytes), settings: settings)
        host.path = file
        host.source = bytes
        return host
    }
}
