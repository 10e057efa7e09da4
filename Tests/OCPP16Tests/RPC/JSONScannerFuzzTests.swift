import Foundation
import TestSupport
import Testing

@testable import OCPP16

/// The scanner against Foundation's JSON parser on seeded random mutations of real frames: both
/// must agree on what is valid JSON, and the frame parser must never trap.
@Suite("JSONScanner fuzz")
struct JSONScannerFuzzTests {
    static let seeds: [String] = [
        #"[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"Single"}]"#,
        #"[3,"a",{"idTagInfo":{"status":"Accepted","expiryDate":"2026-01-01T00:00:00.000Z"}}]"#,
        #"[4,"b","FormationViolation","bad \"x\" \\ \/ \u00e9",{"k":[1,-2.5e3,true,false,null]}]"#,
        #"[2,"c","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"t","sampledValue":[{"value":"1"}]}]}]"#,
    ]

    /// Bytes a mutation may write: JSON's own alphabet, so mutants stay close to the grammar.
    static let alphabet = Array(#"{}[]",:0123456789-+.eEtrufalsn \#\/abcx"#.utf8) + [0x0A, 0x09]

    @Test(arguments: 0..<4)
    func scannerAgreesWithFoundationOnMutants(_ seedIndex: Int) {
        var random = SeededGenerator(seed: UInt64(seedIndex) + 1)
        let original = Array(Self.seeds[seedIndex].utf8)
        var disagreements: [String] = []
        var validCount = 0
        for _ in 0..<2_000 {
            var mutant = original
            for _ in 0...Int.random(in: 0...2, using: &random) {
                let position = Int.random(in: 0..<mutant.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: mutant[position] = Self.alphabet.randomElement(using: &random) ?? 0x20
                case 1: mutant.remove(at: position)
                default: mutant.insert(Self.alphabet.randomElement(using: &random) ?? 0x20, at: position)
                }
                if mutant.isEmpty { mutant = original }
            }
            let ours = RawJSON(Data(mutant)).isValidJSON
            if ours { validCount += 1 }
            let foundation = (try? JSONSerialization.jsonObject(with: Data(mutant), options: .fragmentsAllowed)) != nil
            if ours != foundation {
                disagreements.append(String(decoding: mutant, as: UTF8.self))
            }
            // Whatever the bytes, parsing ends in a frame or an error, and a frame implies valid JSON.
            if (try? RPCFrame.parse(mutant)) != nil, !ours {
                disagreements.append("parsed but invalid: " + String(decoding: mutant, as: UTF8.self))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        // Both verdicts must be well represented, or the comparison proves little.
        #expect((200...1_800).contains(validCount), "\(validCount) of 2000 mutants valid")
    }
}
