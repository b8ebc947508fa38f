import Testing

@testable import SextantCore

/// `HugePages.arrayCapacity`: a large array's request to malloc (its 32-byte header and the elements)
/// ends within 4 KB below a 2 MB boundary, so that glibc's mapping (16 more bytes, rounded to 4 KB) is
/// exactly whole huge pages; small arrays are left as asked.
@Suite struct HugePagesTests {
    @Test(arguments: [(1_000_000, 8), (10_000_000, 8), (524_288, 8), (70_000, 104), (3_000_000, 24)])
    func largeArraysFillWholeHugePages(_ count: Int, _ stride: Int) {
        let huge = 2 << 20
        let capacity = HugePages.arrayCapacity(count: count, stride: stride)
        #expect(capacity >= count)
        let request = 32 + capacity * stride
        let pages = (request + 32 + huge - 1) / huge
        #expect(request <= pages * huge - 32)
        #expect(request > pages * huge - 4_096)
        // No more than one huge page beyond what the elements need.
        #expect(pages * huge - count * stride <= huge + 64)
    }

    @Test func smallArraysAreLeftAsAsked() {
        #expect(HugePages.arrayCapacity(count: 1_000, stride: 8) == 1_000)
        #expect(HugePages.arrayCapacity(count: 100_000, stride: 8) == 100_000)
    }

    @Test func aLentColumnKeepsWhatItsBodyWrote() {
        let written = HugePages.lentColumn(count: 600_000) { buffer in
            for index in buffer.indices { buffer[index] = Double(index) }
            return buffer.count
        }
        #expect(written.count == 600_000)
        #expect(written[599_999] == 599_999)
        let dropped = HugePages.lentColumn(count: 600_000) { _ in 0 }
        #expect(dropped.isEmpty)
    }
}
