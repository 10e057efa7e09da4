import Foundation
import OCPP16
import TestSupport
import Testing

extension PayloadSample: CustomTestStringConvertible {
    var testDescription: String { "\(schema) (\(variant))" }
}

/// Every schema in shared/ocpp16/schemas/ against the Swift types: a type exists for each, Swift
/// values encode to JSON the schema accepts, and JSON the schema accepts decodes and re-encodes.
@Suite struct SchemaConformanceTests {
    static let schemaNames: [String] = (try? OCPPSchemaFiles.names()) ?? []

    @Test func theSchemaFolderHoldsAllSeventyEightSchemas() {
        #expect(Self.schemaNames.count == 78)
    }

    @Test func theCatalogueHasARequestAndResponseTypeForEverySchema() {
        let requests = Self.schemaNames.filter { !$0.hasSuffix("Response") }
        let actions = OCPPMessageCatalog.requests.map { $0.action }
        #expect(actions == requests)
        #expect(Set(actions).count == 39)
        for type in OCPPMessageCatalog.requests {
            #expect(Self.schemaNames.contains(type.action + "Response"))
            #expect(String(describing: type) == type.action + "Request")
            #expect(Self.responseName(type) == type.action + "Response")
            #expect(
                OCPPMessageCatalog.request(forAction: type.action).map(ObjectIdentifier.init) == ObjectIdentifier(type))
        }
        #expect(OCPPMessageCatalog.request(forAction: "NoSuchAction") == nil)
    }

    /// The 1.6 schemas carry a `title` ("BootNotificationRequest"), the security ones an `$id`
    /// ("urn:OCPP:Cp:1.6:2020:3:SignCertificate.req"); both must name the type the file maps to.
    @Test(arguments: schemaNames)
    func theSchemaTitleOrIdNamesTheType(_ name: String) throws {
        let schema = try #require(try OCPPSchemaFiles.schema(name) as? [String: Any])
        let isResponse = name.hasSuffix("Response")
        let action = isResponse ? String(name.dropLast("Response".count)) : name
        if let title = schema["title"] as? String {
            #expect(title == action + (isResponse ? "Response" : "Request"))
        } else {
            let id = try #require(schema["$id"] as? String)
            #expect(id.hasSuffix(":" + action + (isResponse ? ".conf" : ".req")))
        }
    }

    @Test func everySchemaHasAFullAndAMinimalSwiftSample() {
        for variant in ["full", "minimal"] {
            let covered = GeneratedSamples.all.filter { $0.variant == variant }.map(\.schema)
            #expect(covered == Self.schemaNames)
        }
    }

    @Test(arguments: GeneratedSamples.all)
    func swiftSampleEncodesToSchemaValidJSONAndDecodesBack(_ sample: PayloadSample) throws {
        let expectedType = sample.schema.hasSuffix("Response") ? sample.schema : sample.schema + "Request"
        #expect(String(describing: type(of: sample.payload)) == expectedType)
        let validator = try JSONSchemaValidator(schema: OCPPSchemaFiles.schema(sample.schema))
        let data = try JSONEncoder().encode(sample.payload)
        let violations = try validator.validate(json: data)
        #expect(violations == [], "\(String(decoding: data, as: UTF8.self))")
        #expect(try Self.decodesToEqualValue(sample.payload, from: data))
    }

    @Test(arguments: schemaNames)
    func schemaValidJSONDecodesAndEncodesBackUnchanged(_ name: String) throws {
        let schema = try OCPPSchemaFiles.schema(name)
        let validator = try JSONSchemaValidator(schema: schema)
        let sampler = try JSONSchemaSampler(schema: schema)
        let action = name.hasSuffix("Response") ? String(name.dropLast("Response".count)) : name
        let request = try #require(OCPPMessageCatalog.request(forAction: action))
        for instance in [sampler.full(), sampler.minimal()] {
            #expect(validator.validate(instance) == [], "the sampler must produce valid JSON")
            let input = try JSONSerialization.data(withJSONObject: instance)
            let output =
                name.hasSuffix("Response")
                ? try Self.reencodeResponse(of: request, input)
                : try Self.reencode(request, input)
            let reparsed = try JSONSerialization.jsonObject(with: output)
            #expect(
                JSONSchemaValidator.equal(reparsed, instance),
                "\(String(decoding: input, as: UTF8.self)) became \(String(decoding: output, as: UTF8.self))"
            )
        }
    }

    @Test func aDateStrategyOnTheEncoderDoesNotChangeTimestamps() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let response = HeartbeatResponse(currentTime: OCPPTimestamp(millisecondsSince1970: 1_795_615_387_120))
        let json = String(decoding: try encoder.encode(response), as: UTF8.self)
        #expect(json == #"{"currentTime":"2026-11-25T14:03:07.120Z"}"#)
    }

    @Test func nilOptionalsAreLeftOut() throws {
        let request = BootNotificationRequest(chargePointVendor: "ACME", chargePointModel: "M1")
        let data = try JSONEncoder().encode(request)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["chargePointVendor", "chargePointModel"])
    }

    private static func decodesToEqualValue<P: OCPPPayload>(_ payload: P, from data: Data) throws -> Bool {
        try JSONDecoder().decode(P.self, from: data) == payload
    }

    private static func responseName<R: OCPPRequest>(_: R.Type) -> String {
        String(describing: R.Response.self)
    }

    private static func reencodeResponse<R: OCPPRequest>(of _: R.Type, _ data: Data) throws -> Data {
        try reencode(R.Response.self, data)
    }

    private static func reencode<P: OCPPPayload>(_ type: P.Type, _ data: Data) throws -> Data {
        try JSONEncoder().encode(JSONDecoder().decode(P.self, from: data))
    }
}
