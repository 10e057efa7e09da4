import NIOCore
import Testing
import WebSocket

@Suite struct MaskingKeyGeneratorTests {
    @Test func drawsFreshUnpredictableWordsAcrossRefills() {
        var generator = MaskingKeyGenerator()
        // Five refills of eight words: a refill that repeated or zeroed its buffer shows up.
        let words = (0..<40).map { _ in generator.next() }
        #expect(Set(words).count == 40)
        #expect(!words.contains(0))
        var other = MaskingKeyGenerator()
        let otherWords = (0..<8).map { _ in other.next() }
        #expect(Set(otherWords).isDisjoint(with: words))
    }

    @Test func aDefaultClientMasksEachFrameWithADifferentKey() {
        var client = WebSocketConnectionStateMachine(role: .client, now: .uptimeNanoseconds(0))
        var keys: [[UInt8]] = []
        for _ in 0..<20 {
            _ = client.send(text: "x")
            guard var frame = client.takeOutput(), let bytes = frame.readBytes(length: 7) else {
                Issue.record("no frame written")
                return
            }
            // Header: FIN+text, mask bit + length 1, then the four key bytes, then one payload byte.
            #expect(bytes[0] == 0x81 && bytes[1] == 0x81)
            keys.append(Array(bytes[2..<6]))
            #expect(bytes[6] ^ bytes[2] == UInt8(ascii: "x"))
        }
        #expect(Set(keys).count == 20)
    }
}
