import CentralSystem
import Foundation
import Hummingbird
import HummingbirdTesting
import OCPP16
import TestSupport
import Testing

/// The same application through HummingbirdTesting's in-process router (no socket): the
/// responder chain alone decides auth, error bodies and headers.
@Suite("Public API router (in process)")
struct APIRouterTests {
    @Test func authErrorsAndMethodMismatchAreJSON() async throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let store = try Store(path: file.path)
        var generator = SeededGenerator(seed: 1)
        _ = try await PublicAPIServer.provisionToken(store: store, supplied: "tok", now: t0, generator: &generator)
        let server = PublicAPIServer(store: store, commands: RecordingCommandSender(), now: { t0 })
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/public-api/resources/sessions/v1.0", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body) == #"{"message":"Unauthenticated."}"#)
            }
            let auth: HTTPFields = [.authorization: "Bearer tok"]
            try await client.execute(uri: "/public-api/resources/sessions/v1.0", method: .get, headers: auth) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
            }
            try await client.execute(uri: "/public-api/resources/sessions/v1.0", method: .put, headers: auth) {
                response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(response.headers[.contentType] == "application/json")
            }
            try await client.execute(
                uri: "/public-api/resources/id-tags/v2.0", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"idTagUid":"A","status":"enabled","type":"rfid","expireAt":"soon"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains(#""expireAt""#))
            }
        }
    }
}
