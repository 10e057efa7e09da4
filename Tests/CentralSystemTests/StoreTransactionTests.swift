import CentralSystem
import Foundation
import GRDB
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Store transactions")
struct StoreTransactionTests {
    @Test("StartTransaction opens an active session with transactionIds counting per charge point")
    func startOpensSession() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            _ = try await store.registerChargePoint(identity: "CP2", evseCount: 1, now: t0)
            let a = try await store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            let b = try await store.startTransaction(
                identity: "CP1", request: start(connector: 2, idTag: "TAG2"), unknownTagPolicy: .accept, now: at(11))
            let c = try await store.startTransaction(
                identity: "CP2", request: start(), unknownTagPolicy: .accept, now: at(12))
            let transactionIds: [Int] = [a.transactionId, b.transactionId, c.transactionId]
            #expect(transactionIds == [1, 2, 1])
            #expect(a.session.status == .active)
            #expect(a.session.meterStart == 1000)
            #expect(a.session.startedAt == at(10).date)
            #expect(a.idTagInfo.status == .accepted)
            #expect(a.replayed == false)
        }
    }

    @Test("a replayed StartTransaction returns the same transactionId and creates nothing")
    func startReplay() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let first = try await store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            let replay = try await store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(500))
            #expect(replay.replayed)
            #expect(replay.transactionId == first.transactionId)
            #expect(replay.session.id == first.session.id)
            let counts = try await store.pool.read { db in
                (try SessionRecord.fetchCount(db), try AuthorizationRecord.fetchCount(db))
            }
            #expect(counts == (1, 1))
        }
    }

    @Test("a new start on a busy EVSE finishes the old session; the same tag elsewhere is ConcurrentTx")
    func supersedeAndConcurrent() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            let first = try await store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            let second = try await store.startTransaction(
                identity: "CP1", request: start(idTag: "TAG2", at: at(20)), unknownTagPolicy: .accept, now: at(20))
            #expect(second.supersededSession?.id == first.session.id)
            #expect(second.supersededSession?.reason == .newStartTransactionReceived)
            #expect(second.supersededSession?.status == .finished)
            let elsewhere = try await store.startTransaction(
                identity: "CP1", request: start(connector: 2, idTag: "TAG2", at: at(30)), unknownTagPolicy: .accept,
                now: at(30))
            #expect(elsewhere.idTagInfo.status == .concurrentTx)
        }
    }

    @Test("StartTransaction on connector 0 is refused")
    func connectorZero() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", now: t0)
            await #expect(throws: StoreError.invalidConnector(0)) {
                _ = try await store.startTransaction(
                    identity: "CP1", request: start(connector: 0), unknownTagPolicy: .accept, now: t0)
            }
        }
    }

    @Test("a MeterValues batch updates energy, power and SoC; a replayed batch adds nothing")
    func meterValues() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let started = try await store.startTransaction(
                identity: "CP1", request: start(meter: 1000, at: t0), unknownTagPolicy: .accept, now: t0)
            let batch = MeterValuesRequest(
                connectorId: 1, transactionId: started.transactionId,
                meterValue: [
                    energySample(1500, power: 7000, soc: 20, at: at(900)),
                    energySample(2750, power: 11000, soc: 30, at: at(1800)),
                    energySample(3000, power: 4000, soc: 35, at: at(2700)),
                ])
            let outcome = try await store.applyMeterValues(identity: "CP1", request: batch, now: at(2700))
            #expect(outcome.insertedSamples == 3)
            let session = try #require(outcome.session)
            #expect(session.energyWh == 2000)
            #expect(session.powerLatestW == 4000)
            #expect(session.powerPeakW == 11000)
            #expect(session.socPercent == 35)
            #expect(session.powerAverageW == 2000 / 0.75)

            let replay = try await store.applyMeterValues(identity: "CP1", request: batch, now: at(3000))
            #expect(replay.insertedSamples == 0)
            #expect(replay.session?.energyWh == 2000)
            let samples = try await store.meterSamples(sessionId: try #require(session.id))
            #expect(samples.map(\.energyWh) == [1500, 2750, 3000])
        }
    }

    @Test("the peak power kept in the session equals MAX(powerW) of its samples: out of order, replays, fills")
    func incrementalPeak() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let started = try await store.startTransaction(
                identity: "CP1", request: start(meter: 0, at: t0), unknownTagPolicy: .accept, now: t0)
            let transactionId = started.transactionId
            let batches: [[MeterValue]] = [
                [energySample(100, at: at(60))],  // no power yet: no peak
                [energySample(200, power: 5000, at: at(120))],
                [energySample(300, power: 3000, at: at(180))],  // lower: the peak stays
                [energySample(150, power: 9000, at: at(90))],  // late and higher: the peak rises
                [energySample(200, power: 20000, at: at(120))],  // same instant, power already stored: ignored
                [
                    MeterValue(
                        timestamp: at(60), sampledValue: [SampledValue(value: "7000", measurand: .powerActiveImport)])
                ],
            ]
            var peaks: [Double?] = []
            for batch in batches {
                let request = MeterValuesRequest(connectorId: 1, transactionId: transactionId, meterValue: batch)
                let outcome = try await store.applyMeterValues(identity: "CP1", request: request, now: at(200))
                let session = try #require(outcome.session)
                let scanned = try await store.pool.read { db in
                    try Double.fetchOne(
                        db, sql: "SELECT MAX(powerW) FROM meter_sample WHERE sessionId = ?", arguments: [session.id])
                }
                #expect(session.powerPeakW == scanned)
                peaks.append(session.powerPeakW)
            }
            #expect(peaks == [nil, 5000, 5000, 9000, 9000, 9000])
            let stop = StopTransactionRequest(
                meterStop: 400, timestamp: at(240), transactionId: transactionId,
                transactionData: [energySample(400, power: 11000, at: at(240))])
            let stopped = try await store.stopTransaction(identity: "CP1", request: stop, now: at(240))
            #expect(stopped.session?.powerPeakW == 11000)
        }
    }

    @Test("kWh and kW are converted, per-phase power is summed, and no transactionId means the active session")
    func meterUnits() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            _ = try await store.startTransaction(
                identity: "CP1", request: start(meter: 0, at: t0), unknownTagPolicy: .accept, now: t0)
            let value = MeterValue(
                timestamp: at(60),
                sampledValue: [
                    SampledValue(value: "1.25", unit: .kWh),
                    SampledValue(value: "2.0", measurand: .powerActiveImport, phase: .l1, unit: .kW),
                    SampledValue(value: "2000", measurand: .powerActiveImport, phase: .l2, unit: .w),
                    SampledValue(value: "230", measurand: .voltage, unit: .v),
                ])
            let outcome = try await store.applyMeterValues(
                identity: "CP1", request: MeterValuesRequest(connectorId: 1, meterValue: [value]), now: at(60))
            #expect(outcome.session?.energyWh == 1250)
            #expect(outcome.session?.powerLatestW == 4000)
        }
    }

    @Test("StopTransaction finishes the session with energy = meterStop − meterStart; a replay changes nothing")
    func stop() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let started = try await store.startTransaction(
                identity: "CP1", request: start(meter: 1000, at: t0), unknownTagPolicy: .accept, now: t0)
            let request = StopTransactionRequest(
                idTag: "TAG1", meterStop: 8500, timestamp: at(3600), transactionId: started.transactionId,
                reason: .evDisconnected, transactionData: [energySample(5000, power: 7400, at: at(1800))])
            let stopped = try await store.stopTransaction(identity: "CP1", request: request, now: at(3601))
            let session = try #require(stopped.session)
            #expect(stopped.replayed == false)
            #expect(session.status == .finished)
            #expect(session.energyWh == 7500)
            #expect(session.meterStop == 8500)
            #expect(session.stoppedAt == at(3600).date)
            #expect(session.reason == .evdisconnected)
            #expect(session.powerAverageW == 7500)
            #expect(session.powerPeakW == 7400)
            #expect(stopped.idTagInfo?.status == .accepted)
            #expect(stopped.payment == nil)

            let replay = try await store.stopTransaction(identity: "CP1", request: request, now: at(9000))
            #expect(replay.replayed)
            #expect(replay.session == session)
            let samples = try await store.meterSamples(sessionId: try #require(session.id))
            #expect(samples.count == 1)
        }
    }

    @Test("StopTransaction without a reason records OCPP's default, Local; an unknown transactionId is answered")
    func stopDefaults() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let started = try await store.startTransaction(
                identity: "CP1", request: start(at: t0), unknownTagPolicy: .accept, now: t0)
            let stopped = try await store.stopTransaction(
                identity: "CP1",
                request: StopTransactionRequest(
                    meterStop: 900, timestamp: at(60), transactionId: started.transactionId),
                now: at(60))
            #expect(stopped.session?.reason == .local)
            #expect(stopped.session?.energyWh == 0)
            #expect(stopped.idTagInfo == nil)
            let unknown = try await store.stopTransaction(
                identity: "CP1", request: StopTransactionRequest(meterStop: 1, timestamp: at(61), transactionId: 77),
                now: at(61))
            #expect(unknown.session == nil)
        }
    }

    @Test("a priced session is charged from the snapshot taken at start, once")
    func pricing() async throws {
        try await withStore { store, _ in
            let chargePoint = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let evses = try await store.listEVSEs(chargePointId: chargePoint.id, page: .cursor(.start, perPage: 5))
            let evseId = try #require(evses.items.first?.id)
            let tariff = try await store.createTariff(
                TariffRecord(
                    name: "Standard", type: .durationEnergy, currency: "EUR", pricePerKwh: Decimal(string: "0.30"),
                    pricePeriodInMinutes: 15, pricePerPeriod: Decimal(string: "0.50"), connectionFee: 1,
                    taxPercentage: 20, createdAt: t0.date, updatedAt: t0.date))
            try await store.setTariff(evseId: evseId, tariffId: tariff.id, now: t0)
            let started = try await store.startTransaction(
                identity: "CP1", request: start(meter: 0, at: t0), unknownTagPolicy: .accept, now: t0)
            let snapshotId = try #require(started.session.tariffSnapshotId)
            // Editing the tariff afterwards must not reprice the running session.
            try await store.pool.write { db in
                try db.execute(sql: "UPDATE tariff SET pricePerKwh = '9.99'")
            }
            let request = StopTransactionRequest(
                meterStop: 10_000, timestamp: at(40 * 60), transactionId: started.transactionId)
            let stopped = try await store.stopTransaction(identity: "CP1", request: request, now: at(40 * 60))
            // 1 + 10 kWh × 0.30 + 3 started quarters × 0.50 = 5.50; +20 % = 6.60
            #expect(stopped.session?.totalAmountWithoutTax == Decimal(string: "5.5"))
            #expect(stopped.session?.totalAmountWithTax == Decimal(string: "6.6"))
            #expect(stopped.session?.currency == "EUR")
            let payment = try #require(stopped.payment)
            #expect(payment.status == .finalized)
            #expect(payment.totalAmount == Decimal(string: "6.6"))
            #expect(try await store.tariffSnapshot(id: snapshotId)?.pricePerKwh == Decimal(string: "0.3"))

            _ = try await store.stopTransaction(identity: "CP1", request: request, now: at(50 * 60))
            let payments = try await store.listPayments(page: .page(number: 1, perPage: 10))
            #expect(payments.total == 1)
            let invoices = try await store.listInvoices(page: 1, perPage: 10)
            let invoice = try #require(invoices.items.first)
            #expect(invoices.total == 1)
            #expect(invoice.totalAmount == Decimal(string: "6.6"))
            #expect(invoice.taxAmount == Decimal(string: "1.1"))
            #expect(invoice.subtotal == Decimal(string: "5.5"))
            #expect(invoice.taxRate == 20)
        }
    }
}

@Suite("Store transactions under concurrency and odd input")
struct StoreTransactionEdgeTests {
    @Test("concurrent StartTransactions on one charge point get distinct, consecutive transactionIds")
    func concurrentStarts() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 20, now: t0)
            let ids = try await withThrowingTaskGroup(of: Int.self) { group in
                for connector in 1...20 {
                    group.addTask {
                        try await store.startTransaction(
                            identity: "CP1",
                            request: start(connector: connector, idTag: CiString20(truncating: "T\(connector)")),
                            unknownTagPolicy: .accept, now: at(10)
                        ).transactionId
                    }
                }
                var ids: [Int] = []
                for try await id in group { ids.append(id) }
                return ids
            }
            #expect(ids.sorted() == Array(1...20))
        }
    }

    @Test("MeterValues without a matching session are kept without one; an unknown charge point is refused")
    func orphanMeterValues() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let orphan = try await store.applyMeterValues(
                identity: "CP1",
                request: MeterValuesRequest(connectorId: 1, transactionId: 99, meterValue: [energySample(5, at: t0)]),
                now: t0)
            #expect(orphan.session == nil)
            #expect(orphan.insertedSamples == 0)
            #expect(orphan.unattachedSamples == 1)
            let idle = try await store.applyMeterValues(
                identity: "CP1", request: MeterValuesRequest(connectorId: 1, meterValue: [energySample(5, at: at(10))]),
                now: t0)
            #expect(idle.session == nil)
            #expect(idle.unattachedSamples == 1)
            let kept = try await store.unattachedMeterSamples(identity: "CP1")
            #expect(kept.map(\.transactionId) == [99, nil])
            await #expect(throws: StoreError.unknownChargePoint(identity: "CP2")) {
                _ = try await store.applyMeterValues(
                    identity: "CP2", request: MeterValuesRequest(connectorId: 1, meterValue: []), now: t0)
            }
        }
    }

    @Test("MeterValues after the stop are kept as samples but do not change the finished session")
    func lateMeterValues() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let started = try await store.startTransaction(
                identity: "CP1", request: start(meter: 0, at: t0), unknownTagPolicy: .accept, now: t0)
            let stopped = try await store.stopTransaction(
                identity: "CP1",
                request: StopTransactionRequest(
                    meterStop: 500, timestamp: at(60), transactionId: started.transactionId),
                now: at(60))
            let late = try await store.applyMeterValues(
                identity: "CP1",
                request: MeterValuesRequest(
                    connectorId: 1, transactionId: started.transactionId, meterValue: [energySample(400, at: at(30))]),
                now: at(120))
            #expect(late.insertedSamples == 1)
            #expect(late.session == stopped.session)
        }
    }
}

/// `SessionRecord` reads its rows by hand (issue 11: the `Decodable` row decoder was 8 % of a
/// busy central system); it must read every column exactly as that decoder does.
@Suite struct SessionRecordRowTests {
    /// The same row through GRDB's `Decodable` path.
    struct DecodedSession: Decodable, FetchableRecord {
        let record: SessionRecord
        init(from decoder: any Decoder) throws { record = try SessionRecord(from: decoder) }
    }

    @Test func theHandWrittenRowReaderMatchesTheDecodablePath() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            let started = try await store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            _ = try await store.startTransaction(
                identity: "CP1", request: start(connector: 2, idTag: "TAG2"), unknownTagPolicy: .accept, now: at(11))
            let id = try #require(started.session.id)
            // Every optional column set on the first session, none on the second.
            try await store.pool.write { db in
                try db.execute(
                    sql: """
                        UPDATE session SET stoppedAt = ?, meterStop = 4321, powerLatestW = 7000.5, powerPeakW = 7400,
                        powerAverageW = 6900.25, socPercent = 81.5, reason = 'evDisconnected', reservationId = 9,
                        totalAmountWithTax = '12.34', totalAmountWithoutTax = '10.2', currency = 'EUR',
                        meterValuesCount = 17, status = 'finished' WHERE id = ?
                        """, arguments: [at(100).date, id])
            }
            let (handWritten, decoded) = try await store.pool.read { db in
                (
                    try SessionRecord.fetchAll(db, sql: "SELECT * FROM session ORDER BY id"),
                    try DecodedSession.fetchAll(db, sql: "SELECT * FROM session ORDER BY id").map(\.record)
                )
            }
            #expect(handWritten.count == 2)
            #expect(handWritten == decoded)
            #expect(handWritten.first?.totalAmountWithTax == Decimal(string: "12.34"))
            #expect(handWritten.first?.reason == SessionReason(rawValue: "evDisconnected"))
            #expect(handWritten.last?.stoppedAt == nil)
        }
    }
}
