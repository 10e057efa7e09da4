/// Waiting for the back end to show a state, by polling with a deadline: for test suites that
/// act through the API and then assert on what the back end saw. A timeout throws
/// ``PublicAPIWaitTimeout`` naming the last thing seen; an API error other than a transient
/// 404 (the record does not exist yet) is thrown at once.
extension PublicAPIClient {
    /// How often the helpers poll unless told otherwise.
    public static let defaultPollInterval: Duration = .milliseconds(250)

    /// Polls `probe` until it returns a value; `probe` also returns a description of what it saw.
    public func wait<Value: Sendable>(
        for awaited: String, timeout: Duration, pollInterval: Duration = defaultPollInterval,
        _ probe: () async throws -> (value: Value?, seen: String)
    ) async throws -> Value {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lastSeen = "nothing yet"
        while true {
            do {
                let (value, seen) = try await probe()
                if let value { return value }
                lastSeen = seen
            } catch let error as PublicAPIClientError where error.status == 404 {
                lastSeen = error.description
            }
            guard clock.now.advanced(by: pollInterval) < deadline else {
                throw PublicAPIWaitTimeout(awaited: awaited, lastSeen: lastSeen, timeout: timeout)
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// Waits until the charge point's EVSE `evseNetworkId` reports `status`; returns the EVSE.
    @discardableResult
    public func waitForEVSE(
        chargePointId: Int, evseNetworkId: Int, status: EVSEHardwareStatus, timeout: Duration = .seconds(30),
        pollInterval: Duration = defaultPollInterval
    ) async throws -> EVSE {
        try await wait(
            for: "EVSE \(evseNetworkId) of charge point \(chargePointId) to be \(status.rawValue)", timeout: timeout,
            pollInterval: pollInterval
        ) {
            guard let evse = try await evse(chargePointId: chargePointId, networkId: evseNetworkId) else {
                return (nil, "the charge point has no EVSE \(evseNetworkId)")
            }
            return (
                evse.hardwareStatus == status ? evse : nil, "hardwareStatus \(evse.hardwareStatus?.rawValue ?? "null")"
            )
        }
    }

    /// Waits until the EVSE has a session in `status` (the newest one when there are several),
    /// e.g. `.active` after a start or `.finished` after a stop; returns it.
    @discardableResult
    public func waitForSession(
        chargePointId: Int, evseNetworkId: Int, status: SessionStatus, timeout: Duration = .seconds(30),
        pollInterval: Duration = defaultPollInterval
    ) async throws -> Session {
        try await wait(
            for: "a \(status.rawValue) session on EVSE \(evseNetworkId) of charge point \(chargePointId)",
            timeout: timeout, pollInterval: pollInterval
        ) {
            guard let evse = try await evse(chargePointId: chargePointId, networkId: evseNetworkId) else {
                return (nil, "the charge point has no EVSE \(evseNetworkId)")
            }
            let sessions = try await sessions(
                ListQuery(filters: ["chargePointId": String(chargePointId), "evseId": String(evse.id)])
            ).collect()
            let newest = sessions.max { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
            if let match = sessions.filter({ $0.status == status }).max(by: { $0.startedAt < $1.startedAt }) {
                return (match, "")
            }
            guard let newest else { return (nil, "no session on this EVSE") }
            return (nil, "newest session \(newest.id) is \(newest.status.rawValue)")
        }
    }

    /// Waits until session `id` is in `status`; returns it.
    @discardableResult
    public func waitForSession(
        _ id: String, status: SessionStatus, timeout: Duration = .seconds(30),
        pollInterval: Duration = defaultPollInterval
    ) async throws -> Session {
        try await wait(for: "session \(id) to be \(status.rawValue)", timeout: timeout, pollInterval: pollInterval) {
            let session = try await session(id)
            return (session.status == status ? session : nil, "status \(session.status.rawValue)")
        }
    }

    /// Waits until session `id` has delivered more than `watthours` (the session's `energy`, Wh).
    @discardableResult
    public func waitForEnergy(
        sessionId id: String, above watthours: Double, timeout: Duration = .seconds(30),
        pollInterval: Duration = defaultPollInterval
    ) async throws -> Session {
        try await wait(
            for: "session \(id) to pass \(watthours) Wh", timeout: timeout, pollInterval: pollInterval
        ) {
            let session = try await session(id)
            return (
                session.energy > watthours ? session : nil,
                "energy \(session.energy) Wh, status \(session.status.rawValue)"
            )
        }
    }
}
