// Publish-to-receive latency on the Redis bus (scripts/bench-bus.sh, docs/bus.md "Measured"): the time
// from `RedisBus.publish` on the engine's side to `RedisSubscriber.next` returning the message on a
// subscriber's, both in this process so that one monotonic clock times both ends. A plain release
// executable like StoreTiming.
//
//   BusTiming [--url redis://127.0.0.1:56380] [--count N] [--rate R] [--smoke]
//
// Three scenarios, each over N messages of an engine fill event's size (~190 bytes):
// - paced: R messages a second through the bus (the engine's case: events come in bursts per bar, far
//   below Redis's capacity) — the latency of one message;
// - direct: the same pace, but PUBLISH sent synchronously on a bare connection, without the bus's queue
//   and thread — what the bus adds is the difference;
// - burst: all N published at once — throughput, and the latency of a message queued behind the others.

import Foundation
import SextantBus

struct Options {
    var url = "redis://127.0.0.1:56380"
    var count = 100_000
    var rate = 10_000.0

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--url": if let value = iterator.next() { url = value }
            case "--count": if let value = iterator.next(), let number = Int(value) { count = number }
            case "--rate": if let value = iterator.next(), let number = Double(value) { rate = number }
            case "--smoke": count = 2_000
            default:
                print("usage: BusTiming [--url redis://…] [--count N] [--rate MESSAGES_PER_SECOND] [--smoke]")
                exit(2)
            }
        }
    }
}

func nanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// A fill event as the engine writes it, with the send time (`sent`, monotonic ns) appended.
func payload(_ sequence: Int) -> [UInt8] {
    let line =
        "{\"type\":\"fill\",\"time\":\"2024-05-01T13:30:00Z\",\"strategy\":\"sma_cross\",\"symbol\":\"GOOG\","
        + "\"side\":\"buy\",\"units\":59,\"price\":169.02,\"kind\":\"entry\",\"entry_bar\":63,\"seq\":\(sequence),"
        + "\"sent\":\(nanoseconds())}"
    return Array(line.utf8)
}

/// The `sent` field of a payload, read without a JSON parser (it is the last field).
func sentTime(_ payload: [UInt8]) -> UInt64? {
    guard let colon = payload.lastIndex(of: UInt8(ascii: ":")) else { return nil }
    var value: UInt64 = 0
    for byte in payload[(colon + 1)...] where byte >= 48 && byte <= 57 { value = value * 10 + UInt64(byte - 48) }
    return value
}

/// Receives `count` messages on its own thread and records each one's latency in microseconds.
final class Receiver: @unchecked Sendable {
    private let subscriber: RedisSubscriber
    private let count: Int
    private let done = DispatchSemaphore(value: 0)
    // Written by the receiving thread only, read after `wait()`.
    private(set) var latencies: [Double] = []
    private(set) var lastReceived: UInt64 = 0
    private(set) var failure: String?

    init(url: BusURL, channel: String, count: Int) throws {
        subscriber = try RedisSubscriber(url: url, channels: [channel])
        self.count = count
        latencies.reserveCapacity(count)
    }

    func start() {
        let thread = Thread { [self] in
            defer { done.signal() }
            do {
                while latencies.count < count {
                    guard let delivery = try subscriber.next(timeout: .seconds(10)) else {
                        failure = "timed out after \(latencies.count) of \(count) messages"
                        return
                    }
                    let now = nanoseconds()
                    if let sent = sentTime(delivery.payload) { latencies.append(Double(now &- sent) / 1000) }
                    lastReceived = now
                }
            } catch {
                failure = "\(error)"
            }
        }
        thread.name = "bus-timing-receiver"
        thread.start()
    }

    func wait() { done.wait() }
}

/// Sleeps until `target` (monotonic ns). Never spins: on a small machine a spinning publisher would take
/// the core the bus's thread, the receiver or Redis needs, and time its own contention.
func pace(until target: UInt64) {
    let now = nanoseconds()
    guard now < target else { return }
    var gap = timespec(tv_sec: Int((target - now) / 1_000_000_000), tv_nsec: Int((target - now) % 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&gap, &remaining) != 0 && errno == EINTR { gap = remaining }
}

func report(_ name: String, _ receiver: Receiver, messages: Int, seconds: Double) {
    if let failure = receiver.failure {
        print("\(name): FAILED: \(failure)")
        return
    }
    let sorted = receiver.latencies.sorted()
    func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))] }
    print(
        String(
            format: "%@ %8.0f msg/s   p50 %7.1f µs   p99 %7.1f µs   p99.9 %7.1f µs   max %8.1f µs",
            name.padding(toLength: 30, withPad: " ", startingAt: 0) as NSString, Double(messages) / seconds,
            percentile(0.5), percentile(0.99), percentile(0.999),
            sorted.last ?? 0))
}

func main() throws {
    let options = Options(arguments: CommandLine.arguments)
    let url = try BusURL(options.url).withEnvironmentPassword()
    let account = "bench-\(getpid())"
    let keys = try BusKeys(account: account)
    let channel = keys.events(.fill)
    print("Redis bus at \(url): \(options.count) messages per scenario, paced at \(Int(options.rate))/s\n")

    // Paced through the bus.
    do {
        var configuration = BusConfiguration(url: url, account: account, engineID: "bench", leaderLock: nil)
        configuration.queueCapacity = options.count
        let bus = try RedisBus(configuration: configuration)
        let receiver = try Receiver(url: url, channel: channel, count: options.count)
        receiver.start()
        let interval = UInt64(1e9 / options.rate)
        let start = nanoseconds()
        for sequence in 0..<options.count {
            pace(until: start + UInt64(sequence) * interval)
            bus.publish(BusMessage(.fill, symbol: "GOOG", payload: payload(sequence)))
        }
        receiver.wait()
        report(
            "paced, through RedisBus", receiver, messages: options.count,
            seconds: Double(receiver.lastReceived - start) / 1e9)
        bus.close()
    }

    // Paced, PUBLISH on a bare connection: the floor the bus is measured against.
    do {
        let redis = try RedisConnection(url: url)
        let receiver = try Receiver(url: url, channel: channel, count: options.count)
        receiver.start()
        let interval = UInt64(1e9 / options.rate)
        let start = nanoseconds()
        for sequence in 0..<options.count {
            pace(until: start + UInt64(sequence) * interval)
            _ = try redis.command(bytes: [Array("PUBLISH".utf8), Array(channel.utf8), payload(sequence)])
        }
        receiver.wait()
        report(
            "paced, bare PUBLISH (no bus)", receiver, messages: options.count,
            seconds: Double(receiver.lastReceived - start) / 1e9)
    }

    // Burst: everything at once through the bus.
    do {
        var configuration = BusConfiguration(url: url, account: account, engineID: "bench", leaderLock: nil)
        configuration.queueCapacity = options.count
        let bus = try RedisBus(configuration: configuration)
        let receiver = try Receiver(url: url, channel: channel, count: options.count)
        receiver.start()
        let start = nanoseconds()
        for sequence in 0..<options.count { bus.publish(BusMessage(.fill, payload: payload(sequence))) }
        let published = nanoseconds()
        receiver.wait()
        report(
            "burst, through RedisBus", receiver, messages: options.count,
            seconds: Double(receiver.lastReceived - start) / 1e9)
        print(
            String(
                format: "  (publish calls: %.2f µs each; dropped: %d)",
                Double(published - start) / 1e3 / Double(options.count), bus.statistics.dropped))
        bus.close()
    }
}

do {
    try main()
} catch {
    print("error: \(error)")
    exit(1)
}
