import OCPP16
import Testing

@testable import Simulator

/// Every charger of a fleet holds these inline, idle or not: their sizes are the fleet's memory
/// per idle charger (issue 11). A new inline optional or a wider case shows up here first; keep
/// rarely used state out of line (``OutOfLine``, an `indirect` case) instead of raising a bound.
@Suite struct ChargerFootprintTests {
    @Test func theChargersInlineStateStaysSmall() {
        // 904 + 8: the configuration's decoded hot keys, shared per profile (one reference).
        #expect(MemoryLayout<ChargePoint>.size <= 912)
        #expect(MemoryLayout<ConnectorState>.size <= 104)
        #expect(MemoryLayout<ConnectorState.Report?>.size <= 16)
        #expect(MemoryLayout<ConnectorState.Fault?>.size <= 16)
        #expect(MemoryLayout<ChargePoint.Link>.size <= 32)
        #expect(MemoryLayout<RPCEndpoint>.size <= 112)
        #expect(MemoryLayout<ConnectorMeter<OCPPTimestamp>>.size <= 105)
    }

    @Test func aReportKeepsItsTextsOutOfLineAndComparesByThem() {
        let plain = ConnectorState.Report(status: .faulted, errorCode: .groundFailure)
        var described = plain
        described.vendorErrorCode = "GF-7"
        #expect(described != plain && described.vendorErrorCode == "GF-7" && described.info == nil)
        described.vendorErrorCode = nil
        #expect(described == plain)
        let fault = ConnectorState.Fault(errorCode: .groundFailure, info: "ground", vendorErrorCode: "GF-7")
        #expect(
            ConnectorState.Report(faulted: fault)
                == ConnectorState.Report(
                    status: .faulted, errorCode: .groundFailure, info: "ground", vendorErrorCode: "GF-7"))
    }
}
