import CentralSystem
import Foundation
import Testing
import WebSocket

@Suite("OCPPUpgradePolicy: who may connect")
struct OCPPUpgradePolicyTests {
    let policy = OCPPUpgradePolicy(pathPrefix: "ocpp", autoRegister: false)
    let hash = ChargePointPassword.hash("0123456789abcdef")

    func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    func decide(
        _ path: String, authorization: String? = nil, cn: String? = nil, requiresCertificate: Bool = false,
        policy: OCPPUpgradePolicy? = nil, lookup: [String: OCPPUpgradePolicy.Lookup] = [:]
    ) -> OCPPUpgradePolicy.Decision {
        (policy ?? self.policy).decide(
            path: path, authorization: authorization, peerCertificateCN: cn,
            requiresClientCertificate: requiresCertificate, lookup: { lookup[$0] ?? .unknown })
    }

    @Test("the charge point id is the percent-decoded segment after the prefix")
    func paths() {
        #expect(policy.chargePointId(inPath: "/ocpp/CP-1") == "CP-1")
        #expect(policy.chargePointId(inPath: "/ocpp/CP%201") == "CP 1")
        #expect(OCPPUpgradePolicy(pathPrefix: "/cs/", autoRegister: false).chargePointId(inPath: "/cs/A") == "A")
        for path in ["/ocpp/", "/ocpp", "/other/CP-1", "/ocpp/a/b", "/ocppX/CP"] {
            #expect(policy.chargePointId(inPath: path) == nil, "\(path)")
        }
    }

    @Test("unknown ids: 404, or accepted with auto-registration")
    func unknown() {
        #expect(decide("/ocpp/CP-1") == .notFound("unknown charge point CP-1"))
        #expect(decide("/x/CP-1") == .notFound("not an OCPP path: /x/CP-1"))
        let open = OCPPUpgradePolicy(pathPrefix: "ocpp", autoRegister: true)
        #expect(decide("/ocpp/CP-1", policy: open) == .accept(chargePointId: "CP-1"))
    }

    @Test("Basic auth is required exactly when the store has a password hash")
    func basicAuth() {
        let known: [String: OCPPUpgradePolicy.Lookup] = [
            "OPEN": .known(passwordHash: nil), "CP-1": .known(passwordHash: hash),
        ]
        #expect(decide("/ocpp/OPEN", lookup: known) == .accept(chargePointId: "OPEN"))
        #expect(decide("/ocpp/CP-1", lookup: known) == .unauthorized("credentials required"))
        #expect(decide("/ocpp/CP-1", authorization: "Bearer x", lookup: known) == .unauthorized("credentials required"))
        #expect(
            decide("/ocpp/CP-1", authorization: basic("CP-1", "nope"), lookup: known)
                == .unauthorized("wrong credentials"))
        #expect(
            decide("/ocpp/CP-1", authorization: basic("CP-2", "0123456789abcdef"), lookup: known)
                == .unauthorized("wrong credentials"))
        #expect(
            decide("/ocpp/CP-1", authorization: basic("CP-1", "0123456789abcdef"), lookup: known)
                == .accept(chargePointId: "CP-1"))
    }

    @Test("profile 3: the client certificate's CN must be the charge point id")
    func clientCertificate() {
        let known: [String: OCPPUpgradePolicy.Lookup] = ["CP-1": .known(passwordHash: nil)]
        #expect(
            decide("/ocpp/CP-1", cn: "CP-1", requiresCertificate: true, lookup: known) == .accept(chargePointId: "CP-1")
        )
        #expect(
            decide("/ocpp/CP-1", cn: "CP-2", requiresCertificate: true, lookup: known)
                == .forbidden("the client certificate is not issued to CP-1"))
        #expect(
            decide("/ocpp/CP-1", requiresCertificate: true, lookup: known)
                == .forbidden("the client certificate is not issued to CP-1"))
    }

    @Test("profile 3: a certificate issued to the id stands in for the password; without one it is still asked")
    func clientCertificateReplacesThePassword() {
        let known: [String: OCPPUpgradePolicy.Lookup] = ["CP-1": .known(passwordHash: hash)]
        #expect(decide("/ocpp/CP-1", cn: "CP-1", lookup: known) == .accept(chargePointId: "CP-1"))
        #expect(
            decide("/ocpp/CP-1", authorization: basic("CP-1", "0123456789abcdef"), cn: "CP-2", lookup: known)
                == .forbidden("the client certificate is not issued to CP-1"))
        // Optional client certificates (profiles 2 and 3 on one port): no certificate, Basic auth as before.
        #expect(decide("/ocpp/CP-1", lookup: known) == .unauthorized("credentials required"))
        #expect(
            decide("/ocpp/CP-1", authorization: basic("CP-1", "0123456789abcdef"), lookup: known)
                == .accept(chargePointId: "CP-1"))
    }

    @Test("refusals map to 404, 401 with WWW-Authenticate, 403")
    func webSocketDecisions() {
        #expect(
            OCPPUpgradePolicy.Decision.accept(chargePointId: "A").webSocketDecision(subprotocol: "ocpp1.6")
                == .accept(subprotocol: "ocpp1.6"))
        #expect(
            OCPPUpgradePolicy.Decision.unauthorized("x").webSocketDecision(subprotocol: "ocpp1.6")
                == .refuse(status: .unauthorized, headers: ["WWW-Authenticate": "Basic realm=\"OCPP\""], body: "x"))
        #expect(
            OCPPUpgradePolicy.Decision.notFound("y").webSocketDecision(subprotocol: "ocpp1.6")
                == .refuse(status: .notFound, body: "y"))
        #expect(
            OCPPUpgradePolicy.Decision.forbidden("z").webSocketDecision(subprotocol: "ocpp1.6")
                == .refuse(status: .forbidden, body: "z"))
    }

    @Test("passwords are stored salted and verified")
    func passwords() {
        let first = ChargePointPassword.hash("secret")
        #expect(first != ChargePointPassword.hash("secret"))
        #expect(first.hasPrefix("sha256$"))
        #expect(ChargePointPassword.verify("secret", against: first))
        #expect(!ChargePointPassword.verify("Secret", against: first))
        #expect(!ChargePointPassword.verify("secret", against: "secret"))
        #expect(!ChargePointPassword.verify("secret", against: "sha256$zz$00"))
        #expect(
            OCPPUpgradePolicy.basicCredentials("Basic " + Data("a:b:c".utf8).base64EncodedString())! == ("a", "b:c"))
    }
}
