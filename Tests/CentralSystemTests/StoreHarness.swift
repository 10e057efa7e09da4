import CentralSystem
import Foundation
import OCPP16
import TestSupport

/// Opens a store on a fresh temporary file, runs `body`, and deletes the file.
func withStore(_ body: (Store, TemporarySQLiteFile) async throws -> Void) async throws {
    let file = try TemporarySQLiteFile()
    defer { file.remove() }
    let store = try Store(path: file.path)
    try await body(store, file)
}

/// A fixed origin so tests never read the wall clock.
let t0 = OCPPTimestamp(millisecondsSince1970: 1_767_225_600_000)  // 2026-01-01T00:00:00Z

/// `t0` plus `seconds`.
func at(_ seconds: Int64) -> OCPPTimestamp {
    OCPPTimestamp(millisecondsSince1970: t0.millisecondsSince1970 + seconds * 1000)
}

let boot = BootNotificationRequest(
    chargePointVendor: "ChargeSim", chargePointModel: "AC-22", chargePointSerialNumber: "SN-1",
    firmwareVersion: "1.2.3")

func start(connector: Int = 1, idTag: CiString20 = "TAG1", meter: Int = 1000, at time: OCPPTimestamp = at(10))
    -> StartTransactionRequest
{
    StartTransactionRequest(connectorId: connector, idTag: idTag, meterStart: meter, timestamp: time)
}

func energySample(_ wh: Double, power: Double? = nil, soc: Double? = nil, at time: OCPPTimestamp) -> MeterValue {
    var values = [SampledValue(value: String(wh), measurand: .energyActiveImportRegister, unit: .wh)]
    if let power { values.append(SampledValue(value: String(power), measurand: .powerActiveImport, unit: .w)) }
    if let soc { values.append(SampledValue(value: String(soc), measurand: .soc, unit: .percent)) }
    return MeterValue(timestamp: time, sampledValue: values)
}
