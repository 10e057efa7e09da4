import OCPP16
import TestSupport
import Testing

@Suite("MessageIDGenerator")
struct MessageIDGeneratorTests {
    @Test func idsAreUUIDShapedAndAtMost36Characters() {
        var generator = MessageIDGenerator(random: SeededGenerator(seed: 1))
        let hex = Set("0123456789abcdef")
        for _ in 0..<100 {
            let id = generator.next()
            #expect(id.count == 36)
            let groups = id.split(separator: "-", omittingEmptySubsequences: false)
            #expect(groups.map(\.count) == [8, 4, 4, 4, 12])
            #expect(groups.allSatisfy { $0.allSatisfy(hex.contains) })
            #expect(groups[2].first == "4")
            #expect(groups[3].first.map { "89ab".contains($0) } == true)
        }
    }

    @Test func oneGeneratorNeverRepeats() {
        var generator = MessageIDGenerator(random: RepeatingRandom())
        let ids = (0..<10_000).map { _ in generator.next() }
        #expect(Set(ids).count == ids.count)
    }

    @Test func theSameSeedGivesTheSameIds() {
        var first = MessageIDGenerator(random: SeededGenerator(seed: 42))
        var second = MessageIDGenerator(random: SeededGenerator(seed: 42))
        var other = MessageIDGenerator(random: SeededGenerator(seed: 43))
        let ids = (0..<5).map { _ in first.next() }
        #expect(ids == (0..<5).map { _ in second.next() })
        #expect(ids != (0..<5).map { _ in other.next() })
    }

    /// The worst random source: uniqueness must come from the counter alone.
    private struct RepeatingRandom: RandomNumberGenerator, Sendable {
        mutating func next() -> UInt64 { 7 }
    }
}
