/// Makes the message ids of outgoing CALLs (OCPP-J 1.6 section 4.1.4): at most 36 characters and
/// never repeated by one generator.
///
/// Ids are shaped like a version 4 UUID (`xxxxxxxx-xxxx-4xxx-yxxx-cccccccccccc`, 36 characters),
/// since some back ends expect one: 74 bits come from the injected random number generator, and
/// the last 48 bits are a counter, which is what guarantees that one generator never repeats an
/// id (the random bits keep ids of different chargers and connections apart). Seed the generator
/// for reproducible runs.
public struct MessageIDGenerator: Sendable {
    private var random: any RandomNumberGenerator & Sendable
    private var counter: UInt64 = 0

    /// - Parameter random: the source of the random bits; pass a seeded generator for
    ///   reproducible ids, `SystemRandomNumberGenerator()` otherwise.
    public init(random: some RandomNumberGenerator & Sendable) {
        self.random = random
    }

    /// The next id; distinct from every id this generator returned before.
    public mutating func next() -> String {
        counter += 1
        let high = random.next()
        let low = random.next()
        // 8-4-4-4-12 hex digits; version nibble 4, variant bits 10; the last group is the counter.
        // Written straight into the String's storage: one allocation per id (issue 11).
        return String(unsafeUninitializedCapacity: 36) { digits in
            var position = 0
            func put(_ value: UInt64, hexDigits: Int) {
                for shift in stride(from: (hexDigits - 1) * 4, through: 0, by: -4) {
                    digits[position] = Self.hexDigit(value >> UInt64(shift))
                    position += 1
                }
            }
            func dash() {
                digits[position] = UInt8(ascii: "-")
                position += 1
            }
            put(high >> 32, hexDigits: 8)
            dash()
            put(high >> 16, hexDigits: 4)
            dash()
            put(0x4000 | (high & 0x0FFF), hexDigits: 4)
            dash()
            put(0x8000 | (low & 0x3FFF), hexDigits: 4)
            dash()
            put(counter & 0xFFFF_FFFF_FFFF, hexDigits: 12)
            return position
        }
    }

    /// The lowercase hex digit of `value`'s low nibble.
    private static func hexDigit(_ value: UInt64) -> UInt8 {
        let nibble = UInt8(truncatingIfNeeded: value & 0xF)
        return nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
