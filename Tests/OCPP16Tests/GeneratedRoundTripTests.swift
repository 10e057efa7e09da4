import Foundation
import OCPP16
import TestSupport
import Testing

/// Seeded generated payloads: every one encodes to schema-valid JSON and decodes back to itself,
/// and a string one scalar too long is refused with its field path. A failure prints its seed.
@Suite struct GeneratedRoundTripTests {
    /// Characters that stress JSON escaping and length counting.
    private static let alphabet: [Unicode.Scalar] = Array(
        "aZ09 -_.:/\"\\\u{7}\n\t\u{E9}\u{20AC}\u{1F50C}".unicodeScalars)

    private struct Generator {
        var random: SeededGenerator

        mutating func string(maxLength: Int) -> String {
            let length = Int.random(in: 0...maxLength, using: &random)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                scalars.append(GeneratedRoundTripTests.alphabet.randomElement(using: &random) ?? "a")
            }
            return String(scalars)
        }

        mutating func bounded<L: StringLengthLimit>(_: L.Type = L.self) -> BoundedString<L> {
            BoundedString(truncating: string(maxLength: L.maxLength))
        }

        mutating func maybe<T>(_ make: (inout Generator) -> T) -> T? {
            Bool.random(using: &random) ? make(&self) : nil
        }

        mutating func pick<E: CaseIterable>(_: E.Type = E.self) -> E {
            Array(E.allCases).randomElement(using: &random) ?? Array(E.allCases)[0]
        }

        mutating func int() -> Int { Int.random(in: -1000...1_000_000, using: &random) }

        mutating func timestamp() -> OCPPTimestamp {
            OCPPTimestamp(millisecondsSince1970: Int64.random(in: 0...4_102_444_800_000, using: &random))
        }

        mutating func sampledValue(hertzAllowed: Bool) -> SampledValue {
            var unit = maybe { $0.pick(UnitOfMeasure.self) }
            if !hertzAllowed, unit == .hertz { unit = .wh }
            return SampledValue(
                value: string(maxLength: 30),
                context: maybe { $0.pick() },
                format: maybe { $0.pick() },
                measurand: maybe { $0.pick() },
                phase: maybe { $0.pick() },
                location: maybe { $0.pick() },
                unit: unit
            )
        }

        mutating func meterValue(hertzAllowed: Bool) -> MeterValue {
            let count = Int.random(in: 1...10, using: &random)
            return MeterValue(
                timestamp: timestamp(),
                sampledValue: (0..<count).map { _ in sampledValue(hertzAllowed: hertzAllowed) }
            )
        }

        mutating func chargingProfile() -> ChargingProfile {
            let periods = Int.random(in: 1...5, using: &random)
            return ChargingProfile(
                chargingProfileId: int(),
                transactionId: maybe { $0.int() },
                stackLevel: int(),
                chargingProfilePurpose: pick(),
                chargingProfileKind: pick(),
                recurrencyKind: maybe { $0.pick() },
                validFrom: maybe { $0.timestamp() },
                validTo: maybe { $0.timestamp() },
                chargingSchedule: ChargingSchedule(
                    duration: maybe { $0.int() },
                    startSchedule: maybe { $0.timestamp() },
                    chargingRateUnit: pick(),
                    chargingSchedulePeriod: (0..<periods).map { _ in
                        ChargingSchedulePeriod(
                            startPeriod: int(),
                            limit: DecimalTenths(tenths: Int.random(in: -10_000...1_000_000, using: &random)),
                            numberPhases: maybe { $0.int() }
                        )
                    },
                    minChargingRate: maybe { DecimalTenths(tenths: $0.int()) }
                )
            )
        }
    }

    private func check<P: OCPPPayload>(_ payload: P, schema: String, seed: UInt64) throws {
        let data = try JSONEncoder().encode(payload)
        let validator = try JSONSchemaValidator(schema: OCPPSchemaFiles.schema(schema))
        let violations = try validator.validate(json: data)
        #expect(violations == [], "seed \(seed): \(String(decoding: data, as: UTF8.self))")
        #expect(try JSONDecoder().decode(P.self, from: data) == payload, "seed \(seed)")
        // `RawJSON(encoding:)`, hand-written for the hot-path messages, writes JSONEncoder's bytes.
        let sorted = JSONEncoder()
        sorted.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let raw = try RawJSON(encoding: payload).bytes
        #expect(raw == (try sorted.encode(payload)), "seed \(seed): \(String(decoding: raw, as: UTF8.self))")
    }

    @Test(arguments: 0..<25)
    func generatedPayloadsRoundTrip(_ seed: UInt64) throws {
        var make = Generator(random: SeededGenerator(seed: seed))
        try check(
            BootNotificationRequest(
                chargePointVendor: make.bounded(), chargePointModel: make.bounded(),
                chargePointSerialNumber: make.maybe { $0.bounded() },
                chargeBoxSerialNumber: make.maybe { $0.bounded() },
                firmwareVersion: make.maybe { $0.bounded() }, iccid: make.maybe { $0.bounded() },
                imsi: make.maybe { $0.bounded() }, meterType: make.maybe { $0.bounded() },
                meterSerialNumber: make.maybe { $0.bounded() }
            ),
            schema: "BootNotification", seed: seed
        )
        try check(
            StatusNotificationRequest(
                connectorId: make.int(), errorCode: make.pick(), info: make.maybe { $0.bounded() },
                status: make.pick(), timestamp: make.maybe { $0.timestamp() },
                vendorId: make.maybe { $0.bounded() }, vendorErrorCode: make.maybe { $0.bounded() }
            ),
            schema: "StatusNotification", seed: seed
        )
        let meterValues = Int.random(in: 1...4, using: &make.random)
        try check(
            MeterValuesRequest(
                connectorId: make.int(), transactionId: make.maybe { $0.int() },
                meterValue: (0..<meterValues).map { _ in make.meterValue(hertzAllowed: true) }
            ),
            schema: "MeterValues", seed: seed
        )
        try check(
            StopTransactionRequest(
                idTag: make.maybe { $0.bounded() }, meterStop: make.int(), timestamp: make.timestamp(),
                transactionId: make.int(), reason: make.maybe { $0.pick() },
                transactionData: make.maybe { generator in
                    (0..<2).map { _ in generator.meterValue(hertzAllowed: false) }
                }
            ),
            schema: "StopTransaction", seed: seed
        )
        try check(
            SetChargingProfileRequest(connectorId: make.int(), csChargingProfiles: make.chargingProfile()),
            schema: "SetChargingProfile", seed: seed
        )
        try check(
            DataTransferRequest(
                vendorId: make.bounded(), messageId: make.maybe { $0.bounded() },
                data: make.maybe { $0.string(maxLength: 2000) }
            ),
            schema: "DataTransfer", seed: seed
        )
    }

    @Test(arguments: 0..<25)
    func aStringOneScalarTooLongIsRefusedWithItsPath(_ seed: UInt64) throws {
        var make = Generator(random: SeededGenerator(seed: seed))
        var tooLong = String.UnicodeScalarView()
        for _ in 0...20 { tooLong.append(Self.alphabet.randomElement(using: &make.random) ?? "a") }
        let entry = ["idTag": String(tooLong), "idTagInfo": ["status": "Accepted"]] as [String: Any]
        let body: [String: Any] = ["listVersion": 1, "updateType": "Full", "localAuthorizationList": [entry]]
        let data = try JSONSerialization.data(withJSONObject: body)
        #expect(
            throws: OCPPPayloadViolation(field: "localAuthorizationList[0].idTag", reason: "longer than 20 characters")
        ) {
            try JSONDecoder().decode(SendLocalListRequest.self, from: data)
        }
    }
}
