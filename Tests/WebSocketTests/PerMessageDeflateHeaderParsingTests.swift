import Testing

@testable import WebSocket

/// The `Sec-WebSocket-Extensions` grammar of RFC 6455 section 9.1 that negotiation stands on.
@Suite struct PerMessageDeflateHeaderParsingTests {
    private typealias List = ExtensionHeaderList
    private typealias Extension = ExtensionHeaderList.Extension
    private typealias Parameter = ExtensionHeaderList.Parameter

    @Test func parsesExtensionsParametersAndQuotedValues() throws {
        let list = try #require(
            List(headerValues: [
                "permessage-deflate; client_max_window_bits; server_max_window_bits=\"10\"",
                " x-foo ;a=b\t; c = \"d\\e\" ,, ",
            ]))
        #expect(
            list.extensions == [
                Extension(
                    name: "permessage-deflate",
                    parameters: [
                        Parameter(name: "client_max_window_bits", value: nil),
                        Parameter(name: "server_max_window_bits", value: "10"),
                    ]),
                Extension(
                    name: "x-foo",
                    parameters: [Parameter(name: "a", value: "b"), Parameter(name: "c", value: "de")]),
            ])
    }

    @Test func emptyHeaderIsAnEmptyList() throws {
        #expect(try #require(List(headerValues: [" , "])).extensions.isEmpty)
        #expect(try #require(List(headerValues: [])).extensions.isEmpty)
    }

    @Test(arguments: [
        "permessage-deflate;",
        "permessage-deflate; a=",
        "permessage-deflate; a=\"\"",
        "permessage-deflate; a=\"b c\"",
        "permessage-deflate; a=\"b",
        "permessage-deflate; a=\"b\\",
        "permessage-deflate a",
        "permessage-deflate; a b",
        "; a",
        "permessage-deflate; a=b=c",
        "perm\u{00E9}ssage-deflate",
    ])
    func rejectsMalformedValues(_ value: String) {
        #expect(List(headerValues: [value]) == nil)
    }
}
