import CentralSystem
import Foundation
import NIOPosix
import OCPP16
import PublicAPI
import Simulator

/// Runs one scenario: starts the embedded central system (unless the scenario names a back
/// end), builds its fleet in process, runs the steps in order through the Public API client
/// and the chargers' event methods, and stops everything. The first failing step ends the run;
/// the steps after it are reported skipped.
final class ScenarioRunner: Sendable {
    let scenario: Scenario
    let client: PublicAPIClient
    let fleet: Fleet
    let ocppURL: String
    private let system: EmbeddedCentralSystem?
    private let dataDirectory: URL?
    private let log: @Sendable (String) -> Void

    private init(
        scenario: Scenario, client: PublicAPIClient, fleet: Fleet, ocppURL: String, system: EmbeddedCentralSystem?,
        dataDirectory: URL?, log: @escaping @Sendable (String) -> Void
    ) {
        self.scenario = scenario
        self.client = client
        self.fleet = fleet
        self.ocppURL = ocppURL
        self.system = system
        self.dataDirectory = dataDirectory
        self.log = log
    }

    /// Sets up the back end and the fleet (nothing connects before `fleet: start`).
    static func prepare(
        _ scenario: Scenario, directory: URL, log: @escaping @Sendable (String) -> Void
    ) async throws -> ScenarioRunner {
        let profileURL =
            scenario.fleet.profile.hasPrefix("/")
            ? URL(fileURLWithPath: scenario.fleet.profile) : directory.appendingPathComponent(scenario.fleet.profile)
        var profile = try ProfileLoader().load(contentsOf: profileURL, file: scenario.fleet.profile)
        for (key, value) in scenario.fleet.configuration ?? [:] { profile.configuration[key] = value }
        if let delay = scenario.fleet.autoPlugDelaySeconds { profile.behaviour.autoPlugDelaySeconds = delay }
        profile.behaviour.faultRatePerHour = scenario.fleet.faultRatePerHour ?? 0
        let client: PublicAPIClient
        let ocppURL: String
        var system: EmbeddedCentralSystem?
        var dataDirectory: URL?
        var password: String?
        if let backEnd = scenario.backEnd {
            client = PublicAPIClient(
                baseURL: try Self.expand(backEnd.apiBaseUrl), token: try Self.expand(backEnd.apiToken))
            ocppURL = try Self.expand(backEnd.ocppUrl)
            password = try backEnd.password.map(Self.expand)
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "chargesim-scenario-\(UUID().uuidString)")
            dataDirectory = folder
            let token = "scenario-" + UUID().uuidString
            let started = try await EmbeddedCentralSystem.start(
                configuration: .init(
                    dataDirectory: folder.path, ocppPort: 0,
                    ocpp: OCPPServerConfiguration(autoRegister: true, unknownIdTagPolicy: .register),
                    api: PublicAPIConfiguration(port: 0, commandTimeout: .seconds(10)), apiToken: token))
            system = started
            client = PublicAPIClient(baseURL: started.apiBaseURL, token: token)
            ocppURL = started.ocppURL
        }
        let configuration = FleetConfiguration(
            groups: [.init(profile: profile, count: scenario.fleet.count ?? 1)],
            idPrefix: scenario.fleet.idPrefix ?? "SCN", rampPerSecond: nil, stateDirectory: nil,
            seed: scenario.fleet.seed ?? 1,
            runtime: ChargerRuntimeSettings(
                centralSystemURL: ocppURL, password: password,
                backoff: .init(initial: .milliseconds(200), maximum: .seconds(2)), rebootDelay: .milliseconds(500),
                stopTimeout: .seconds(5), clock: { OCPPTimestamp(Date()) }))
        let fleet = try Fleet(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        if scenario.backEnd?.register == true {
            for index in 1...configuration.count {
                _ = try await client.register(
                    ChargePointRegistration(
                        identity: configuration.chargePointId(index: index), password: password,
                        evses: profile.connectors.map(EVSEWrite.init(registering:))))
            }
        }
        return ScenarioRunner(
            scenario: scenario, client: client, fleet: fleet, ocppURL: ocppURL, system: system,
            dataDirectory: dataDirectory, log: log)
    }

    /// Runs every step, then stops the fleet and the embedded central system.
    func run() async -> [ScenarioStepResult] {
        var results: [ScenarioStepResult] = []
        var failed = false
        let clock = ContinuousClock()
        for step in scenario.steps {
            guard !failed else {
                results.append(ScenarioStepResult(title: step.title, outcome: .skipped, duration: 0))
                continue
            }
            let start = clock.now
            var outcome = ScenarioStepResult.Outcome.passed
            do {
                try await perform(step)
            } catch {
                outcome = .failed(String(describing: error))
                failed = true
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            results.append(ScenarioStepResult(title: step.title, outcome: outcome, duration: seconds))
            switch outcome {
            case .passed: log("  ok    \(step.title)")
            case .failed(let message): log("  FAIL  \(step.title): \(message)")
            case .skipped: break
            }
        }
        await shutdown()
        return results
    }

    private func shutdown() async {
        try? await fleet.stop(.stopTransactions).get()
        await system?.shutdown()
        if let dataDirectory { try? FileManager.default.removeItem(at: dataDirectory) }
    }

    // MARK: - Steps

    private func perform(_ step: ScenarioStep) async throws {
        switch step.kind {
        case .fleet(let what): try await fleetStep(what, step)
        case .api(let action): try await apiStep(action, step)
        case .charger(let event): try await chargerStep(event, step)
        case .wait(let what): try await waitStep(what, step)
        case .assert(let what): try await assertStep(what, step)
        }
    }

    private func fleetStep(_ what: String, _ step: ScenarioStep) async throws {
        switch what {
        case "start":
            fleet.start()
            let count = fleet.configuration.count
            let seconds = step.timeout ?? 30
            let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
            while try await fleet.counts().get().booted < count {
                guard ContinuousClock.now < deadline else {
                    let counts = try await fleet.counts().get()
                    throw ScenarioFailure(
                        "timed out after \(seconds) s waiting for \(count) chargers to boot; \(counts)")
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        case "stop":
            try await fleet.stop(.stopTransactions).get()
        default:
            throw ScenarioFailure("fleet: '\(what)' is not a fleet step; use start or stop")
        }
    }

    private func apiStep(_ action: String, _ step: ScenarioStep) async throws {
        do {
            try await apiAction(action, step)
        } catch let error as PublicAPIClientError {
            guard let expected = step.expectStatus else { throw error }
            guard error.status == expected else {
                throw ScenarioFailure("expected HTTP \(expected), got: \(error)")
            }
            return
        }
        if let expected = step.expectStatus {
            throw ScenarioFailure("expected HTTP \(expected), the \(action) action succeeded")
        }
    }

    private func apiAction(_ action: String, _ step: ScenarioStep) async throws {
        let cp = try await chargePointId(step)
        switch action {
        case "start":
            let result = try await client.startSession(
                chargePointId: cp, evseNetworkId: step.evse ?? 1, StartSessionBody(idTag: step.idTag))
            if !result.success {
                throw ScenarioFailure(
                    "the start answered success false: \(result.message ?? "-") (\(result.errorCode?.rawValue ?? "-"))")
            }
        case "stop":
            let evse = try await evseId(cp, step)
            let active = try await client.sessions(
                ListQuery(filters: ["evseId": String(evse), "status": "active"])
            ).collect()
            guard let session = active.first else {
                throw ScenarioFailure("api stop: no active session on EVSE \(step.evse ?? 1)")
            }
            try await client.stopSession(chargePointId: cp, sessionId: session.id, force: step.force)
        case "reset":
            try await client.reset(chargePointId: cp, ResetKind(rawValue: step.type ?? "soft"))
        case "unlock":
            try await client.unlock(chargePointId: cp, evseNetworkId: step.evse ?? 1)
        case "change-availability":
            try await client.changeAvailability(
                chargePointId: cp,
                ChangeAvailabilityBody(type: Availability(rawValue: step.type ?? "Operative"), evseNetworkId: step.evse)
            )
        case "set-charging-profile":
            try await client.setChargingProfile(
                chargePointId: cp, evseNetworkId: step.evse ?? 0,
                SetChargingProfileBody(
                    stackLevel: 1,
                    chargingProfilePurpose: (step.evse ?? 0) == 0 ? .chargePointMaxProfile : .txDefaultProfile,
                    chargingProfileKind: .relative,
                    chargingSchedule: ChargingScheduleBody(
                        chargingRateUnit: step.unit == "A" ? .amperes : .watts,
                        chargingSchedulePeriod: [SchedulePeriod(startPeriod: 0, limit: step.limit ?? 0)])))
        case "clear-charging-profile":
            try await client.clearChargingProfile(
                chargePointId: cp, ClearChargingProfileBody(evseNetworkId: step.evse.map(String.init)))
        case "trigger":
            try await client.triggerMessage(chargePointId: cp, TriggerMessageType(rawValue: step.message ?? ""))
        case "set-configuration":
            try await client.setConfiguration(
                chargePointId: cp, SetConfigurationBody(name: step.key ?? "", value: step.value ?? ""))
        default:
            throw ScenarioFailure(
                "api: '\(action)' is not an action; use start, stop, reset, unlock, change-availability, "
                    + "set-charging-profile, clear-charging-profile, trigger, set-configuration")
        }
    }

    private func chargerStep(_ event: String, _ step: ScenarioStep) async throws {
        guard let id = step.chargePoint, let charger = fleet.charger(id) else {
            throw ScenarioFailure("charger: no charger '\(step.chargePoint ?? "")' in this scenario's fleet")
        }
        let connector = step.evse ?? 1
        switch event {
        case "plug":
            try await charger.perform { machine, now in machine.plugInRandomEV(connectorId: connector, now: now) }.get()
        case "unplug":
            try await charger.perform { machine, now in machine.unplug(connectorId: connector, now: now) }.get()
        case "fault":
            let name = step.errorCode ?? "OtherError"
            guard let code = ChargePointErrorCode(rawValue: name) else {
                throw ScenarioFailure("charger fault: '\(name)' is not an OCPP 1.6 ChargePointErrorCode")
            }
            try await charger.perform { machine, now in
                machine.setFault(connectorId: connector, errorCode: code, info: step.message, now: now)
            }.get()
        case "clear-fault":
            try await charger.perform { machine, now in machine.clearFault(connectorId: connector, now: now) }.get()
        case "present-tag":
            let tag = step.idTag ?? ""
            try await charger.perform { machine, now in
                machine.presentIdTag(tag, connectorId: connector, now: now)
            }.get()
        case "press-stop":
            try await charger.perform { machine, now in machine.pressStop(connectorId: connector, now: now) }.get()
        default:
            throw ScenarioFailure(
                "charger: '\(event)' is not a charger event; use plug, unplug, fault, clear-fault, present-tag, press-stop"
            )
        }
    }

    private func waitStep(_ what: String, _ step: ScenarioStep) async throws {
        if step.field != nil {
            // A wait with a field polls the assert of the same name until it holds.
            let seconds = step.timeout ?? 30
            let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
            while true {
                do {
                    return try await assertStep(what, step)
                } catch let failure as ScenarioFailure {
                    guard ContinuousClock.now < deadline else {
                        throw ScenarioFailure("timed out after \(seconds) s; last seen: \(failure)")
                    }
                }
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        let cp = try await chargePointId(step)
        let evse = step.evse ?? 1
        let timeout = Duration.milliseconds(Int64((step.timeout ?? 30) * 1000))
        switch what {
        case "evse":
            try await client.waitForEVSE(
                chargePointId: cp, evseNetworkId: evse, status: EVSEHardwareStatus(rawValue: step.status ?? ""),
                timeout: timeout)
        case "session":
            try await client.waitForSession(
                chargePointId: cp, evseNetworkId: evse, status: SessionStatus(rawValue: step.status ?? "active"),
                timeout: timeout)
        case "energy":
            let session = try await client.waitForSession(
                chargePointId: cp, evseNetworkId: evse, status: .active, timeout: timeout)
            try await client.waitForEnergy(sessionId: session.id, above: step.above ?? 0, timeout: timeout)
        default:
            throw ScenarioFailure("wait: '\(what)' is not a wait; use evse, session or energy")
        }
    }

    private func assertStep(_ what: String, _ step: ScenarioStep) async throws {
        let cp = try await chargePointId(step)
        let object: Data
        let encoder = PublicAPIJSON.makeEncoder()
        switch what {
        case "session":
            let evse = try await evseId(cp, step)
            let sessions = try await client.sessions(ListQuery(filters: ["evseId": String(evse)])).collect()
            guard let newest = sessions.max(by: { $0.startedAt < $1.startedAt }) else {
                throw ScenarioFailure("assert session: EVSE \(step.evse ?? 1) has no session")
            }
            object = try encoder.encode(newest)
        case "evse":
            guard let evse = try await client.evse(chargePointId: cp, networkId: step.evse ?? 1) else {
                throw ScenarioFailure("assert evse: no EVSE \(step.evse ?? 1)")
            }
            object = try encoder.encode(evse)
        case "charge-point":
            object = try encoder.encode(try await client.chargePoint(cp))
        default:
            throw ScenarioFailure("assert: '\(what)' is not checkable; use session, evse or charge-point")
        }
        guard let field = step.field else { throw ScenarioFailure("assert: name the field, e.g. field: status") }
        let value = ScenarioFieldPath(field).value(in: try JSONDecoder().decode(JSONValue.self, from: object))
        try ScenarioExpectation(step).check(value, field: "\(what).\(field)")
    }

    // MARK: - Lookups

    private func chargePointId(_ step: ScenarioStep) async throws -> Int {
        let identity = step.chargePoint ?? fleet.configuration.chargePointId(index: 1)
        guard let found = try await client.chargePoint(identity: identity) else {
            throw ScenarioFailure("the back end has no charge point \(identity)")
        }
        return found.id
    }

    private func evseId(_ chargePoint: Int, _ step: ScenarioStep) async throws -> Int {
        guard let evse = try await client.evse(chargePointId: chargePoint, networkId: step.evse ?? 1) else {
            throw ScenarioFailure("charge point \(step.chargePoint ?? "") has no EVSE \(step.evse ?? 1)")
        }
        return evse.id
    }

    /// `${NAME}` → the environment variable's value.
    static func expand(_ text: String) throws -> String {
        var result = text
        while let open = result.range(of: "${"), let close = result[open.upperBound...].firstIndex(of: "}") {
            let name = String(result[open.upperBound..<close])
            guard let value = ProcessInfo.processInfo.environment[name] else {
                throw ScenarioFailure("the scenario names ${\(name)}, which is not set in the environment")
            }
            result.replaceSubrange(open.lowerBound...close, with: value)
        }
        return result
    }
}
