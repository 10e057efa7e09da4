import Foundation
import GRDB
import OCPP16
import PublicAPI

extension Store {
    /// Applies a StartTransaction (OCPP 1.6 §4.8) in one transaction: authorizes the tag, opens an
    /// `active` session on the EVSE whose networkId is the connectorId, freezes the EVSE's tariff,
    /// and hands out the next transactionId of this charge point.
    ///
    /// Idempotent: a replay (same charge point, connector, idTag, timestamp and meterStart) returns
    /// the first answer's transactionId and creates nothing. A new start on an EVSE that still has
    /// an active session finishes that one with `new_start_transaction_received`.
    public func startTransaction(
        identity: String, request: StartTransactionRequest, unknownTagPolicy: UnknownIdTagPolicy, now: OCPPTimestamp
    ) async throws -> StartTransactionOutcome {
        guard request.connectorId >= 1 else { throw StoreError.invalidConnector(request.connectorId) }
        return try await write { db in
            let chargePointId = try Self.knownChargePointId(identity: identity, db)
            let idTag = request.idTag.value
            let startedAt = request.timestamp.date
            if let existing = try SessionRecord.filter(
                SessionRecord.Columns.chargePointId == chargePointId
                    && SessionRecord.Columns.connectorId == request.connectorId
                    && SessionRecord.Columns.idTag == idTag
                    && SessionRecord.Columns.startedAt == startedAt
                    && SessionRecord.Columns.meterStart == request.meterStart
            ).fetchOne(db) {
                // A replay must not authorize (or register) again: answer from the table as it is.
                let info = try Self.idTagInfo(idTag, policy: .accept, now: now.date, db)
                return StartTransactionOutcome(
                    transactionId: existing.transactionId, idTagInfo: info, session: existing, replayed: true)
            }
            var info = try Self.idTagInfo(idTag, policy: unknownTagPolicy, now: now.date, db)
            if info.status == .accepted,
                try SessionRecord.filter(
                    SessionRecord.Columns.idTag == idTag
                        && SessionRecord.Columns.status == SessionStatus.active.rawValue
                        && !(SessionRecord.Columns.chargePointId == chargePointId
                            && SessionRecord.Columns.connectorId == request.connectorId)
                ).fetchCount(db) > 0
            {
                info.status = .concurrentTx
            }
            let authorization = try Self.recordAuthorization(
                idTag: idTag, info: info, chargePointId: chargePointId, now: now.date, db)
            let evse =
                try Self.evse(chargePointId: chargePointId, networkId: request.connectorId, db)
                ?? Self.insertEVSE(
                    chargePointId: chargePointId, identity: identity, networkId: request.connectorId, now: now.date, db)
            guard let evseId = evse.id else { preconditionFailure("startTransaction: EVSE without row id") }

            var superseded: SessionRecord?
            if var running = try SessionRecord.filter(
                SessionRecord.Columns.evseId == evseId && SessionRecord.Columns.status == SessionStatus.active.rawValue
            ).fetchOne(db) {
                running.status = .finished
                running.reason = .newStartTransactionReceived
                running.stoppedAt = startedAt
                running.updatedAt = now.date
                try running.update(db)
                superseded = running
            }

            let snapshotId = try evse.tariffId.flatMap { try Self.snapshotTariff($0, now: now.date, db) }
            let lastTransactionId =
                try Int.fetchOne(
                    db,
                    sql: "SELECT MAX(transactionId) FROM session WHERE chargePointId = ?",
                    arguments: [chargePointId]
                ) ?? 0
            var session = SessionRecord(
                chargePointId: chargePointId, evseId: evseId, connectorId: request.connectorId, idTag: idTag,
                authorizationId: authorization.id, transactionId: lastTransactionId + 1, status: .active,
                startedAt: startedAt, meterStart: request.meterStart, energyWh: 0,
                reservationId: request.reservationId, tariffSnapshotId: snapshotId, createdAt: now.date,
                updatedAt: now.date)
            try session.insert(db)
            return StartTransactionOutcome(
                transactionId: session.transactionId, idTagInfo: info, session: session, replayed: false,
                supersededSession: superseded, authorization: authorization)
        }
    }

    /// Applies a MeterValues (OCPP 1.6 §4.7): every sample of the batch in one transaction. The
    /// session is the one with `transactionId`, or else the active one on the connector. A sample
    /// already stored (same session and timestamp, i.e. a replay) is ignored. An active session's
    /// energy (register − meterStart), latest/peak/average power and SoC follow the samples.
    /// Samples that match no session (a connector's clock-aligned reading outside a transaction,
    /// or a transactionId the central system does not know) are kept in `unattached_meter_sample`
    /// and counted in the outcome, never dropped.
    public func applyMeterValues(
        identity: String, request: MeterValuesRequest, now: OCPPTimestamp
    ) async throws -> MeterValuesOutcome {
        try await write { db in try Self.applyMeterValues(identity: identity, request: request, now: now, db) }
    }

    /// ``applyMeterValues(identity:request:now:)`` inside a write transaction.
    static func applyMeterValues(
        identity: String, request: MeterValuesRequest, now: OCPPTimestamp, _ db: Database
    ) throws -> MeterValuesOutcome {
        let chargePointId = try Self.knownChargePointId(identity: identity, db)
        let session: SessionRecord?
        if let transactionId = request.transactionId {
            session = try Self.session(chargePointId: chargePointId, transactionId: transactionId, db)
        } else if let evseId = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM evse WHERE chargePointId = ? AND networkId = ? LIMIT 1"),
            arguments: [chargePointId, request.connectorId])
        {
            session = try SessionRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM session WHERE evseId = ? AND status = ? LIMIT 1"),
                arguments: [evseId, SessionStatus.active.rawValue])
        } else {
            session = nil
        }
        guard var session, let sessionId = session.id else {
            let kept = try Self.insertUnattachedSamples(request, chargePointId: chargePointId, db)
            return MeterValuesOutcome(session: nil, insertedSamples: 0, unattachedSamples: kept)
        }
        let stored = try Self.insertSamples(request.meterValue, sessionId: sessionId, db)
        // A finished session does not change; its late samples are still kept.
        if session.status == .active {
            session.meterValuesCount += 1
            Self.refreshMeasurements(&session, stored: stored)
            session.updatedAt = now.date
            // Only the columns the samples change, with a cached statement: a whole-record
            // update built its SQL and encoded every column for each MeterValues (issue 11).
            try db.cachedStatement(
                sql: """
                    UPDATE session SET energyWh = ?, powerLatestW = ?, powerPeakW = ?, powerAverageW = ?, \
                    socPercent = ?, meterValuesCount = ?, updatedAt = ?, energySampleMs = ?, powerSampleMs = ?, \
                    socSampleMs = ? WHERE id = ?
                    """
            ).execute(arguments: [
                session.energyWh, session.powerLatestW, session.powerPeakW, session.powerAverageW,
                session.socPercent, session.meterValuesCount, StoredDate.databaseValue(now), session.energySampleMs,
                session.powerSampleMs, session.socSampleMs, sessionId,
            ])
        }
        return MeterValuesOutcome(session: session, insertedSamples: stored.inserted)
    }

    /// Applies a StopTransaction (OCPP 1.6 §4.10) in one transaction: stores `transactionData`,
    /// finishes the session with meterStop, energy = meterStop − meterStart and the lower-cased
    /// reason (`local` when absent, OCPP's default), prices it from its tariff snapshot and, when
    /// priced, records one `finalized` payment transaction and its invoice.
    ///
    /// Idempotent: stopping a finished session changes nothing and answers the same.
    public func stopTransaction(
        identity: String, request: StopTransactionRequest, now: OCPPTimestamp
    ) async throws -> StopTransactionOutcome {
        try await write { db in
            let (_, chargePointId) = try Self.knownChargePoint(identity: identity, db)
            let info = try request.idTag.map { try Self.idTagInfo($0.value, policy: .accept, now: now.date, db) }
            guard
                var session = try Self.session(
                    chargePointId: chargePointId, transactionId: request.transactionId, db),
                let sessionId = session.id
            else {
                return StopTransactionOutcome(session: nil, idTagInfo: info, replayed: false)
            }
            guard session.status == .active else {
                return StopTransactionOutcome(session: session, idTagInfo: info, replayed: true)
            }
            let stored = try Self.insertSamples(request.transactionData ?? [], sessionId: sessionId, db)
            Self.refreshMeasurements(&session, stored: stored)
            let stoppedAt = request.timestamp.date
            session.status = .finished
            session.stoppedAt = stoppedAt
            session.meterStop = request.meterStop
            session.energyWh = Double(max(request.meterStop - session.meterStart, 0))
            session.reason = SessionReason(rawValue: (request.reason ?? .local).rawValue.lowercased())
            let hours = stoppedAt.timeIntervalSince(session.startedAt) / 3600
            session.powerAverageW = hours > 0 ? session.energyWh / hours : nil
            session.updatedAt = now.date
            var payment: PaymentTransactionRecord?
            if let snapshotId = session.tariffSnapshotId,
                let snapshot = try TariffSnapshotRecord.fetchOne(db, key: snapshotId)
            {
                let price = SessionPricing(
                    snapshot: snapshot, energyWh: session.energyWh,
                    durationSeconds: stoppedAt.timeIntervalSince(session.startedAt))
                session.totalAmountWithTax = price.withTax
                session.totalAmountWithoutTax = price.withoutTax
                session.currency = snapshot.currency
                payment = try Self.recordPayment(
                    session: session, sessionId: sessionId, price: price, snapshot: snapshot, now: now.date, db)
            }
            try session.update(db)
            return StopTransactionOutcome(session: session, idTagInfo: info, replayed: false, payment: payment)
        }
    }

    // MARK: - Shared steps

    static func session(chargePointId: Int64, transactionId: Int, _ db: Database) throws -> SessionRecord? {
        try SessionRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM session WHERE chargePointId = ? AND transactionId = ? LIMIT 1"),
            arguments: [chargePointId, transactionId])
    }

    /// What ``insertSamples(_:sessionId:_:)`` stored: each row it wrote or completed, as the row
    /// now is.
    struct StoredSamples {
        /// One stored row.
        struct Sample {
            /// Its timestamp, ms since 1970.
            let milliseconds: Int64
            /// The row's register, Wh, as stored.
            let energyWh: Double?
            /// The row's power, W, as stored.
            let powerW: Double?
            /// The row's SoC, as stored.
            let socPercent: Double?
        }

        var samples: [Sample] = []
        /// Rows that were new or completed.
        var inserted: Int { samples.count }
    }

    /// Stores the samples. One row per session and instant: a replay changes nothing, and a second
    /// reading of the same instant (a clock-aligned and a periodic sample taken in one wake-up)
    /// fills in the measurands the row lacks rather than being dropped.
    static func insertSamples(_ values: [MeterValue], sessionId: Int64, _ db: Database) throws -> StoredSamples {
        var stored = StoredSamples()
        // RETURNING gives the row as written (no row when the conflict changed nothing), so the
        // session follows its samples without reading them back (issue 11).
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO meter_sample (sessionId, timestamp, energyWh, powerW, socPercent) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (sessionId, timestamp) DO UPDATE SET
                    energyWh = COALESCE(energyWh, excluded.energyWh), powerW = COALESCE(powerW, excluded.powerW),
                    socPercent = COALESCE(socPercent, excluded.socPercent)
                WHERE (energyWh IS NULL AND excluded.energyWh IS NOT NULL)
                    OR (powerW IS NULL AND excluded.powerW IS NOT NULL)
                    OR (socPercent IS NULL AND excluded.socPercent IS NOT NULL)
                RETURNING energyWh, powerW, socPercent
                """)
        for value in values {
            let reading = MeterReadingExtract(value.sampledValue)
            guard !reading.isEmpty else { continue }
            guard
                let row = try Row.fetchOne(
                    statement,
                    arguments: [
                        sessionId, StoredDate.databaseValue(value.timestamp), reading.energyWh, reading.powerW,
                        reading.socPercent,
                    ])
            else { continue }
            stored.samples.append(
                StoredSamples.Sample(
                    milliseconds: value.timestamp.millisecondsSince1970, energyWh: row[0], powerW: row[1],
                    socPercent: row[2]))
        }
        return stored
    }

    /// Stores the samples of a MeterValues that matched no session; returns how many were new.
    static func insertUnattachedSamples(
        _ request: MeterValuesRequest, chargePointId: Int64, _ db: Database
    ) throws -> Int {
        // A cached statement and the hand-written date: at each quarter hour every idle charger
        // sends a clock-aligned MeterValues, all in the same second (issue 11).
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO unattached_meter_sample (chargePointId, connectorId, transactionId, timestamp, \
                energyWh, powerW, socPercent) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        var inserted = 0
        for value in request.meterValue {
            let reading = MeterReadingExtract(value.sampledValue)
            guard !reading.isEmpty else { continue }
            try statement.execute(arguments: [
                chargePointId, request.connectorId, request.transactionId, StoredDate.databaseValue(value.timestamp),
                reading.energyWh, reading.powerW, reading.socPercent,
            ])
            inserted += db.changesCount
        }
        return inserted
    }

    /// Brings an active session's energy, power and SoC up to the samples just `stored`: each
    /// follows the latest sample that has it, by timestamp, so the result does not depend on the
    /// order in which batches arrived. A stored value is never changed afterwards (a second reading
    /// of an instant only fills what the row lacked), so comparing with the instants kept in the
    /// session (``SessionRecord/energySampleMs``, …) gives what reading all samples back would.
    /// The peak power is the running maximum, raised by the samples just stored.
    static func refreshMeasurements(_ session: inout SessionRecord, stored: StoredSamples) {
        for sample in stored.samples {
            let at = sample.milliseconds
            if let register = sample.energyWh, at >= session.energySampleMs ?? .min {
                session.energySampleMs = at
                session.energyWh = max(register - Double(session.meterStart), 0)
                let hours =
                    OCPPTimestamp(millisecondsSince1970: at).date.timeIntervalSince(session.startedAt) / 3600
                session.powerAverageW = hours > 0 ? session.energyWh / hours : nil
            }
            if let power = sample.powerW {
                if at >= session.powerSampleMs ?? .min {
                    session.powerSampleMs = at
                    session.powerLatestW = power
                }
                session.powerPeakW = max(session.powerPeakW ?? power, power)
            }
            if let soc = sample.socPercent, at >= session.socSampleMs ?? .min {
                session.socSampleMs = at
                session.socPercent = soc
            }
        }
    }

    /// Copies a tariff into a new snapshot; `nil` when the tariff is gone.
    static func snapshotTariff(_ tariffId: Int64, now: Date, _ db: Database) throws -> Int64? {
        guard let tariff = try TariffRecord.fetchOne(db, key: tariffId) else { return nil }
        var snapshot = TariffSnapshotRecord(
            tariffId: tariffId, name: tariff.name, type: tariff.type, currency: tariff.currency,
            pricePerKwh: tariff.pricePerKwh, pricePeriodInMinutes: tariff.pricePeriodInMinutes,
            pricePerPeriod: tariff.pricePerPeriod, connectionFee: tariff.connectionFee, minPrice: tariff.minPrice,
            taxPercentage: tariff.taxPercentage, createdAt: now)
        try snapshot.insert(db)
        return snapshot.id
    }

    /// One `finalized` internal payment and one invoice per priced session (reference §4.14 [INF]).
    static func recordPayment(
        session: SessionRecord, sessionId: Int64, price: SessionPricing, snapshot: TariffSnapshotRecord, now: Date,
        _ db: Database
    ) throws -> PaymentTransactionRecord {
        let taxRate = NSDecimalNumber(decimal: snapshot.taxPercentage).intValue
        var invoice = InvoiceRecord(
            type: .invoice, number: "INV-\(String(sessionId).leftPadded(to: 6))", date: now,
            periodFrom: session.startedAt, periodTo: session.stoppedAt, totalEnergyWh: session.energyWh,
            totalAmount: price.withTax, taxRate: taxRate, taxAmount: price.withTax - price.withoutTax,
            service: "Charging session \(sessionId)", quantity: 1, unitPrice: price.withoutTax,
            subtotal: price.withoutTax, currency: snapshot.currency, createdAt: now, updatedAt: now)
        try invoice.insert(db)
        var payment = PaymentTransactionRecord(
            sessionId: sessionId, status: .finalized, totalAmount: price.withTax, currency: snapshot.currency,
            ref: "session-\(sessionId)", purchaseResourceType: .session, invoiceId: invoice.id, finalizedAt: now,
            createdAt: now, updatedAt: now)
        try payment.insert(db)
        return payment
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
