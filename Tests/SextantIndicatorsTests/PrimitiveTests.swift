import Testing

@testable import SextantIndicators

/// The shared primitives against brute force.
@Suite("Kernel primitives")
struct PrimitiveTests {
    static func walk(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        var level = 0.0
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            level += Double(Int64(bitPattern: state >> 1) % 5) - 2
            return level
        }
    }

    @Test("sliding extremes (van Herk / Gil-Werman) equal a brute-force scan", arguments: [1, 2, 3, 5, 7, 14, 31])
    func slidingExtremes(length: Int) {
        let high = Self.walk(500, seed: 7)
        let low = high.map { $0 - 1.5 }
        var maximum = [Double](repeating: .nan, count: high.count)
        var minimum = maximum
        high.withUnsafeBufferPointer { high in
            low.withUnsafeBufferPointer { low in
                maximum.withUnsafeMutableBufferPointer { maximum in
                    minimum.withUnsafeMutableBufferPointer { minimum in
                        SlidingExtremes.compute(
                            high: high.baseAddress!, low: low.baseAddress!, count: high.count, length: length,
                            maximum: maximum.baseAddress!, minimum: minimum.baseAddress!)
                    }
                }
            }
        }
        for index in (length - 1)..<high.count {
            #expect(maximum[index] == high[(index - length + 1)...index].max())
            #expect(minimum[index] == low[(index - length + 1)...index].min())
        }
    }

    @Test("the monotonic deque keeps the most recent index on ties")
    func dequeTies() {
        let values: [Double] = [5, 5, 3, 5, 1]
        var deque = MonotonicDeque(window: 3, kind: .maximum)
        var fronts: [Int] = []
        values.withUnsafeBufferPointer { values in
            for index in 0..<values.count {
                deque.push(index, in: values.baseAddress!)
                deque.expire(before: index - 2)
                fronts.append(deque.front)
            }
        }
        #expect(fronts == [0, 1, 1, 3, 3])
    }

    @Test("rolling variance is exactly 0 on a flat window and never negative")
    func varianceFloor() {
        var values = [Double](repeating: 0.1 + 0.2, count: 40)
        values += Self.walk(200, seed: 3).map { 1e6 + $0 * 1e-4 }
        let variance = Variance.variance(values, length: 10)
        #expect(variance[9..<40].allSatisfy { $0 == 0 })
        #expect(variance.allSatisfy { $0.isNaN || $0 >= 0 })
    }
}
