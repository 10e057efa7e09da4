import Testing
import WebSocket

/// RFC 6455 section 7.4 and the IANA registry: which codes may appear on the wire.
@Suite struct CloseCodeTests {
    @Test(
        arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999]
            as [UInt16])
    func validOnWire(code: UInt16) {
        #expect(CloseCode(code).isValidOnWire)
    }

    @Test(arguments: [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65_535] as [UInt16])
    func invalidOnWire(code: UInt16) {
        #expect(!CloseCode(code).isValidOnWire)
    }

    @Test func errorsMapToTheirWireCodes() {
        #expect(WebSocketProtocolError.reservedOpcode(3).closeCode == .protocolError)
        #expect(WebSocketProtocolError.frameTooBig(length: 2, limit: 1).closeCode == .messageTooBig)
        #expect(WebSocketProtocolError.messageTooBig(limit: 1).closeCode == .messageTooBig)
        #expect(WebSocketProtocolError.invalidUTF8.closeCode == .invalidFramePayloadData)
        #expect(WebSocketProtocolError.invalidCompressedData.closeCode == .invalidFramePayloadData)
        #expect(WebSocketProtocolError.invalidCloseCode(1005).closeCode == .protocolError)
        #expect(WebSocketProtocolError.closePayloadTooShort.closeCode == .protocolError)
    }
}
