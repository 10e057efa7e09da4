import Foundation
import PublicAPI
import Testing

/// The client's contract with a Public API, runnable against any base URL and token: a user
/// with a real AMPECO tenant runs it to check the bridge against their back end; CI runs it
/// against the embedded central system (scripts/examples.sh). Read-only unless
/// `CHARGESIM_CONTRACT_ACTIONS=1`, which also needs a connected charger to act on.
///
///     CHARGESIM_CONTRACT_BASE_URL=https://<tenant>/public-api CHARGESIM_CONTRACT_TOKEN=... \
///       swift test --filter PublicAPIContractTests
///     # plus actions on one (simulated) charger whose EVSE 1 is free:
///     CHARGESIM_CONTRACT_ACTIONS=1 CHARGESIM_CONTRACT_CHARGE_POINT=<OCPP identity> ...
@Suite(
    "Public API contract (CHARGESIM_CONTRACT_BASE_URL)", .enabled(if: ContractEnvironment.configured),
    .timeLimit(.minutes(3)))
struct PublicAPIContractTests {
    static var environment: [String: String] { ContractEnvironment.variables }

    let api = PublicAPIClient(
        baseURL: Self.environment["CHARGESIM_CONTRACT_BASE_URL"] ?? "",
        token: Self.environment["CHARGESIM_CONTRACT_TOKEN"] ?? "")

    /// The first `count` items of a list.
    func first<Item>(_ count: Int, _ sequence: PageSequence<Item>) async throws -> [Item] {
        var items: [Item] = []
        for try await item in sequence.prefix(count) { items.append(item) }
        return items
    }

    @Test("charge points decode, and one-per-page paging gives the same items as one page")
    func chargePointsAndPaging() async throws {
        let onePage = try await first(3, api.chargePoints(ListQuery(perPage: 3)))
        let paged = try await first(3, api.chargePoints(ListQuery(perPage: 1)))
        #expect(paged.map(\.id) == onePage.map(\.id))
        guard let chargePoint = onePage.first else { return }
        #expect(try await api.chargePoint(chargePoint.id).id == chargePoint.id)
        let status = try await api.chargePointStatus(chargePoint.id)
        let evses = try await api.evses(ofChargePoint: chargePoint.id).collect()
        #expect(Set(status.evses.map(\.id)) == Set(evses.map(\.id)))
        if let identity = chargePoint.network?.id {
            #expect(try await api.chargePoint(identity: identity)?.id == chargePoint.id)
        }
    }

    @Test("EVSEs, sessions and their consumption stats decode")
    func evsesAndSessions() async throws {
        let evses = try await first(5, api.evses(ListQuery(perPage: 5)))
        if let evse = evses.first { #expect(try await api.evse(evse.id).networkId == evse.networkId) }
        let sessions = try await first(5, api.sessions(ListQuery(perPage: 5)))
        if let session = sessions.first {
            let read = try await api.session(session.id)
            #expect(read.id == session.id)
            #expect(read.energy >= 0)
            _ = try await api.consumptionStats(sessionId: session.id)
        }
    }

    @Test("the other lists decode: id tags, authorizations, locations, reservations, billing")
    func otherLists() async throws {
        _ = try await first(3, api.idTags())
        _ = try await first(3, api.authorizations())
        _ = try await first(3, api.locations())
        _ = try await first(3, api.reservations())
        _ = try await first(3, api.tariffs())
        _ = try await first(3, api.transactions())
        _ = try await first(3, api.invoices())
    }

    @Test("errors carry the status and the API's message")
    func errors() async throws {
        do {
            _ = try await api.chargePoint(Int(Int32.max))
            Issue.record("a charge point with id \(Int32.max) exists?")
        } catch {
            #expect(error.status == 404)
            #expect(error.message?.isEmpty == false)
        }
        let stranger = PublicAPIClient(baseURL: api.baseURL, token: "chargesim-contract-invalid-token")
        do {
            _ = try await first(1, stranger.chargePoints())
            Issue.record("an invalid token was accepted")
        } catch let error as PublicAPIClientError {
            #expect(error.status == 401)
        }
    }

    @Test(
        "actions (opt-in): trigger, start, energy, charging profile, stop",
        .enabled(if: ContractEnvironment.actionsEnabled))
    func actions() async throws {
        let identity = Self.environment["CHARGESIM_CONTRACT_CHARGE_POINT"] ?? ""
        let chargePoint = try #require(try await api.chargePoint(identity: identity), "no charge point \(identity)")
        try await api.triggerMessage(chargePointId: chargePoint.id, .heartbeat)
        try await api.waitForEVSE(chargePointId: chargePoint.id, evseNetworkId: 1, status: .available)
        try await api.setConfiguration(
            chargePointId: chargePoint.id, SetConfigurationBody(name: "MeterValueSampleInterval", value: "1"))
        let started = try await api.startSession(
            chargePointId: chargePoint.id, evseNetworkId: 1, StartSessionBody(idTag: "CONTRACT-TAG"))
        #expect(started.success)
        let session = try await api.waitForSession(
            chargePointId: chargePoint.id, evseNetworkId: 1, status: .active, timeout: .seconds(60))
        let charging = try await api.waitForEnergy(sessionId: session.id, above: 0, timeout: .seconds(60))
        let profile = try await api.setChargingProfile(
            chargePointId: chargePoint.id, evseNetworkId: 1,
            SetChargingProfileBody(
                stackLevel: 1, chargingProfilePurpose: .txDefaultProfile, chargingProfileKind: .relative,
                chargingSchedule: ChargingScheduleBody(
                    chargingRateUnit: .watts, chargingSchedulePeriod: [SchedulePeriod(startPeriod: 0, limit: 3000)])))
        try await api.clearChargingProfile(chargePointId: chargePoint.id, ClearChargingProfileBody(id: profile.id))
        try await api.stopSession(chargePointId: chargePoint.id, sessionId: session.id)
        let finished = try await api.waitForSession(session.id, status: .finished, timeout: .seconds(60))
        #expect(finished.energy >= charging.energy)
    }
}

/// Which parts of the contract suite the environment enables.
enum ContractEnvironment {
    static var variables: [String: String] { ProcessInfo.processInfo.environment }
    static var configured: Bool {
        variables["CHARGESIM_CONTRACT_BASE_URL"] != nil && variables["CHARGESIM_CONTRACT_TOKEN"] != nil
    }
    static var actionsEnabled: Bool {
        configured && variables["CHARGESIM_CONTRACT_ACTIONS"] == "1"
            && variables["CHARGESIM_CONTRACT_CHARGE_POINT"] != nil
    }
}
