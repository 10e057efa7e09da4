import OCPP16
import Testing

@Suite struct SubprotocolTests {
    @Test func subprotocolIsOCPP16() {
        #expect(OCPP16.subprotocol == "ocpp1.6")
    }
}
