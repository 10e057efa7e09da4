import TestSupport
import Testing
import WebSocket

/// UTF-8 per Unicode table 3-7, fail-fast and across fragment boundaries (RFC 6455 section 8.1).
@Suite struct UTF8ValidatorTests {
    @Test(
        arguments: [
            [], Array("hello".utf8), Array("κόσμε".utf8), [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xEF, 0xBF, 0xBF], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xC2, 0x80], [0xDF, 0xBF],
            Array(String(repeating: "ascii run ", count: 20).utf8) + [0xE2, 0x82, 0xAC],
        ] as [[UInt8]])
    func acceptsWellFormedText(bytes: [UInt8]) {
        #expect(UTF8Validator.isValid(bytes))
        // Agrees with the standard library.
        #expect(String(validating: bytes, as: UTF8.self) != nil)
    }

    @Test(
        arguments: [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF],  // stray continuation, overlong 2-byte
            [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],  // overlong 3-byte
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // UTF-16 surrogates
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],  // overlong 4-byte
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],  // above U+10FFFF
            [0xC2, 0x41], [0xE2, 0x82, 0x41],  // truncated then ASCII
        ] as [[UInt8]])
    func rejectsIllFormedText(bytes: [UInt8]) {
        #expect(!UTF8Validator.isValid(bytes))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test func truncatedSequenceIsIncompleteNotInvalid() {
        var validator = UTF8Validator()
        #expect(([0xF0, 0x9F, 0x98] as [UInt8]).withUnsafeBytes { validator.validate($0) })
        #expect(!validator.isComplete)
        #expect(!validator.hasFailed)
        #expect(([0x80] as [UInt8]).withUnsafeBytes { validator.validate($0) })
        #expect(validator.isComplete)
    }

    @Test func characterSplitAtEveryPointAcrossFragments() {
        let bytes = Array("a€😀b".utf8)
        for cut in 0...bytes.count {
            var validator = UTF8Validator()
            #expect(bytes[..<cut].withUnsafeBytes { validator.validate($0) })
            #expect(bytes[cut...].withUnsafeBytes { validator.validate($0) })
            #expect(validator.isComplete, "cut at \(cut)")
        }
    }

    @Test func failsAtTheFirstImpossibleByte() {
        // Valid prefix of 20 ASCII bytes, then ED A0 (a surrogate): the A0 is impossible.
        let bytes = Array(repeating: UInt8(0x61), count: 20) + [0xED, 0xA0, 0x80] + Array(repeating: 0x61, count: 10)
        var validator = UTF8Validator()
        #expect(!bytes.withUnsafeBytes { validator.validate($0) })
        #expect(validator.validByteCount == 21)
        #expect(validator.hasFailed)
        // The failure sticks.
        #expect(!([0x61] as [UInt8]).withUnsafeBytes { validator.validate($0) })
    }

    @Test func failsFastAcrossFragmentsBeforeTheMessageEnds() {
        // Autobahn 6.4.1: the second fragment makes the message impossible; no need to see the third.
        var validator = UTF8Validator()
        #expect(Array("κόσμε".utf8).withUnsafeBytes { validator.validate($0) })
        #expect(!([0xF4, 0x90, 0x80, 0x80] as [UInt8]).withUnsafeBytes { validator.validate($0) })
    }

    @Test func agreesWithTheStandardLibraryOnRandomInput() {
        // Bytes drawn mostly from lead and continuation ranges, so most edge cases come up.
        let alphabet: [UInt8] = [
            0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4,
            0xF5, 0xFF,
        ]
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            let split = Int.random(in: 0...length, using: &generator)
            var validator = UTF8Validator()
            let ok =
                bytes[..<split].withUnsafeBytes { validator.validate($0) }
                && bytes[split...].withUnsafeBytes { validator.validate($0) } && validator.isComplete
            #expect(ok == (String(validating: bytes, as: UTF8.self) != nil), "bytes \(bytes)")
        }
    }
}
