import Testing

@testable import WebSocket

/// RFC 7692 section 7.1: the offer, the server's choice among offers, and the client's check of
/// the answer, for all four parameters.
@Suite struct PerMessageDeflateNegotiationTests {
    private typealias Options = PerMessageDeflateOptions
    private typealias Parameters = PerMessageDeflateParameters

    private static func parameters(
        serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false,
        server: Int = 15, client: Int = 15
    ) -> Parameters {
        Parameters(
            serverNoContextTakeover: serverNoContextTakeover, clientNoContextTakeover: clientNoContextTakeover,
            serverMaxWindowBits: server, clientMaxWindowBits: client)
    }

    // MARK: Client offer

    @Test func defaultOfferSignalsClientWindowSupport() {
        #expect(Options().clientOfferHeaderValue() == "permessage-deflate; client_max_window_bits")
    }

    @Test func offerCarriesEveryConfiguredParameter() {
        let options = Options(
            serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 10,
            clientMaxWindowBits: 12)
        #expect(
            options.clientOfferHeaderValue()
                == "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                + "server_max_window_bits=10; client_max_window_bits=12")
    }

    @Test func offerClampsWindowBitsIntoRange() {
        let options = Options(serverMaxWindowBits: 20, clientMaxWindowBits: 4)
        #expect(
            options.clientOfferHeaderValue()
                == "permessage-deflate; server_max_window_bits=15; client_max_window_bits=8")
    }

    // MARK: Server accepts

    struct ServerCase: Sendable, CustomTestStringConvertible {
        var offers: [String]
        var options: PerMessageDeflateOptions
        var parameters: PerMessageDeflateParameters
        var response: String
        var testDescription: String { offers.joined(separator: " | ") }
    }

    static let serverCases: [ServerCase] = [
        ServerCase(
            offers: ["permessage-deflate"], options: Options(), parameters: parameters(),
            response: "permessage-deflate"),
        ServerCase(
            offers: ["permessage-deflate; client_max_window_bits"], options: Options(), parameters: parameters(),
            response: "permessage-deflate"),
        // A bare client_max_window_bits lets the server choose.
        ServerCase(
            offers: ["permessage-deflate; client_max_window_bits"], options: Options(clientMaxWindowBits: 10),
            parameters: parameters(client: 10), response: "permessage-deflate; client_max_window_bits=10"),
        ServerCase(
            offers: ["permessage-deflate; client_max_window_bits=12"], options: Options(clientMaxWindowBits: 10),
            parameters: parameters(client: 10), response: "permessage-deflate; client_max_window_bits=10"),
        ServerCase(
            offers: ["permessage-deflate; client_max_window_bits=9"], options: Options(clientMaxWindowBits: 10),
            parameters: parameters(client: 9), response: "permessage-deflate; client_max_window_bits=9"),
        ServerCase(
            offers: ["permessage-deflate; client_max_window_bits=12"], options: Options(),
            parameters: parameters(client: 12), response: "permessage-deflate; client_max_window_bits=12"),
        // The client cannot limit its window: accepted, and we inflate with 15 bits.
        ServerCase(
            offers: ["permessage-deflate"], options: Options(clientMaxWindowBits: 10), parameters: parameters(),
            response: "permessage-deflate"),
        ServerCase(
            offers: ["permessage-deflate; server_max_window_bits=10"], options: Options(),
            parameters: parameters(server: 10), response: "permessage-deflate; server_max_window_bits=10"),
        ServerCase(
            offers: ["permessage-deflate; server_max_window_bits=10"], options: Options(serverMaxWindowBits: 9),
            parameters: parameters(server: 9), response: "permessage-deflate; server_max_window_bits=9"),
        ServerCase(
            offers: ["permessage-deflate; server_max_window_bits=10"], options: Options(serverMaxWindowBits: 12),
            parameters: parameters(server: 10), response: "permessage-deflate; server_max_window_bits=10"),
        ServerCase(
            offers: ["permessage-deflate"], options: Options(serverMaxWindowBits: 11),
            parameters: parameters(server: 11), response: "permessage-deflate; server_max_window_bits=11"),
        ServerCase(
            offers: ["permessage-deflate; server_max_window_bits=8; client_max_window_bits=8"], options: Options(),
            parameters: parameters(server: 8, client: 8),
            response: "permessage-deflate; server_max_window_bits=8; client_max_window_bits=8"),
        ServerCase(
            offers: ["permessage-deflate; server_no_context_takeover"], options: Options(),
            parameters: parameters(serverNoContextTakeover: true),
            response: "permessage-deflate; server_no_context_takeover"),
        ServerCase(
            offers: ["permessage-deflate"], options: Options(serverNoContextTakeover: true),
            parameters: parameters(serverNoContextTakeover: true),
            response: "permessage-deflate; server_no_context_takeover"),
        ServerCase(
            offers: ["permessage-deflate; client_no_context_takeover"], options: Options(),
            parameters: parameters(clientNoContextTakeover: true),
            response: "permessage-deflate; client_no_context_takeover"),
        ServerCase(
            offers: ["permessage-deflate"], options: Options(clientNoContextTakeover: true),
            parameters: parameters(clientNoContextTakeover: true),
            response: "permessage-deflate; client_no_context_takeover"),
        ServerCase(
            offers: [
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                    + "server_max_window_bits=9; client_max_window_bits=11"
            ],
            options: Options(),
            parameters: parameters(
                serverNoContextTakeover: true, clientNoContextTakeover: true, server: 9, client: 11),
            response: "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                + "server_max_window_bits=9; client_max_window_bits=11"),
        // Quoted values (RFC 6455 section 9.1), with and without surrounding whitespace.
        ServerCase(
            offers: ["permessage-deflate; client_max_window_bits=\"10\""], options: Options(),
            parameters: parameters(client: 10), response: "permessage-deflate; client_max_window_bits=10"),
        ServerCase(
            offers: ["permessage-deflate ;server_max_window_bits = \"9\" "], options: Options(),
            parameters: parameters(server: 9), response: "permessage-deflate; server_max_window_bits=9"),
        // Names are ASCII case-insensitive tokens.
        ServerCase(
            offers: ["PerMessage-Deflate; Server_Max_Window_Bits=12; CLIENT_NO_CONTEXT_TAKEOVER"], options: Options(),
            parameters: parameters(clientNoContextTakeover: true, server: 12),
            response: "permessage-deflate; client_no_context_takeover; server_max_window_bits=12"),
        // The first acceptable offer wins.
        ServerCase(
            offers: ["permessage-deflate; server_max_window_bits=10, permessage-deflate"], options: Options(),
            parameters: parameters(server: 10), response: "permessage-deflate; server_max_window_bits=10"),
        ServerCase(
            offers: ["x-webkit-deflate-frame; no_context_takeover, permessage-deflate; client_max_window_bits"],
            options: Options(), parameters: parameters(), response: "permessage-deflate"),
        // Several header lines form one list.
        ServerCase(
            offers: ["foo", "permessage-deflate; server_no_context_takeover"], options: Options(),
            parameters: parameters(serverNoContextTakeover: true),
            response: "permessage-deflate; server_no_context_takeover"),
        // Unacceptable offers are skipped in favour of a later one.
        ServerCase(
            offers: ["permessage-deflate; server_max_window_bits=7, permessage-deflate; server_max_window_bits=9"],
            options: Options(), parameters: parameters(server: 9),
            response: "permessage-deflate; server_max_window_bits=9"),
        ServerCase(
            offers: ["permessage-deflate; foo=1", "permessage-deflate; client_no_context_takeover"],
            options: Options(), parameters: parameters(clientNoContextTakeover: true),
            response: "permessage-deflate; client_no_context_takeover"),
        ServerCase(
            offers: ["permessage-deflate; server_no_context_takeover; server_no_context_takeover, permessage-deflate"],
            options: Options(), parameters: parameters(), response: "permessage-deflate"),
    ]

    @Test(arguments: serverCases)
    func serverAcceptsOffer(_ testCase: ServerCase) throws {
        let accepted = try #require(testCase.options.serverAccept(offers: testCase.offers))
        #expect(accepted.0 == testCase.parameters)
        #expect(accepted.1 == testCase.response)
    }

    @Test(arguments: [
        [],
        [""],
        ["x-webkit-deflate-frame"],
        ["permessage-deflate; foo"],
        ["permessage-deflate; server_max_window_bits"],
        ["permessage-deflate; server_max_window_bits=7"],
        ["permessage-deflate; server_max_window_bits=16"],
        ["permessage-deflate; client_max_window_bits=08"],
        ["permessage-deflate; client_max_window_bits=+9"],
        ["permessage-deflate; client_max_window_bits=0x9"],
        ["permessage-deflate; client_max_window_bits=99999999999999999999"],
        ["permessage-deflate; client_max_window_bits; client_max_window_bits=10"],
        ["permessage-deflate; server_max_window_bits=10; SERVER_MAX_WINDOW_BITS=10"],
        ["permessage-deflate; server_no_context_takeover=1"],
        ["permessage-deflate; client_no_context_takeover=\"x\""],
        // Syntax errors anywhere make the whole list unusable.
        ["permessage-deflate; client_max_window_bits=\"1 0\""],
        ["permessage-deflate; client_max_window_bits=\"10"],
        ["permessage-deflate;"],
        ["permessage-deflate; =10"],
        ["permessage-deflate, foo bar"],
        ["permessage-deflate", "permessage-deflate;; x"],
    ])
    func serverDeclines(_ offers: [String]) {
        #expect(Options().serverAccept(offers: offers) == nil)
    }

    // MARK: Client checks the answer

    struct ClientCase: Sendable, CustomTestStringConvertible {
        var options: PerMessageDeflateOptions
        var response: String
        var parameters: PerMessageDeflateParameters
        var testDescription: String { response }
    }

    static let clientCases: [ClientCase] = [
        ClientCase(options: Options(), response: "permessage-deflate", parameters: parameters()),
        ClientCase(options: Options(), response: " permessage-deflate ", parameters: parameters()),
        ClientCase(
            options: Options(), response: "permessage-deflate; client_max_window_bits=10",
            parameters: parameters(client: 10)),
        ClientCase(
            options: Options(), response: "permessage-deflate; server_max_window_bits=12",
            parameters: parameters(server: 12)),
        ClientCase(
            options: Options(), response: "permessage-deflate; server_no_context_takeover",
            parameters: parameters(serverNoContextTakeover: true)),
        ClientCase(
            options: Options(), response: "permessage-deflate; client_no_context_takeover",
            parameters: parameters(clientNoContextTakeover: true)),
        ClientCase(
            options: Options(clientNoContextTakeover: true), response: "permessage-deflate",
            parameters: parameters(clientNoContextTakeover: true)),
        ClientCase(
            options: Options(serverNoContextTakeover: true),
            response: "permessage-deflate; server_no_context_takeover",
            parameters: parameters(serverNoContextTakeover: true)),
        ClientCase(
            options: Options(serverMaxWindowBits: 10), response: "permessage-deflate; server_max_window_bits=10",
            parameters: parameters(server: 10)),
        ClientCase(
            options: Options(serverMaxWindowBits: 10), response: "permessage-deflate; server_max_window_bits=\"8\"",
            parameters: parameters(server: 8)),
        ClientCase(
            options: Options(clientMaxWindowBits: 10), response: "permessage-deflate",
            parameters: parameters(client: 10)),
        ClientCase(
            options: Options(clientMaxWindowBits: 10), response: "permessage-deflate; client_max_window_bits=9",
            parameters: parameters(client: 9)),
        ClientCase(
            options: Options(), response: "Permessage-Deflate; SERVER_NO_CONTEXT_TAKEOVER; Client_Max_Window_Bits=8",
            parameters: parameters(serverNoContextTakeover: true, client: 8)),
    ]

    @Test(arguments: clientCases)
    func clientAcceptsAnswer(_ testCase: ClientCase) throws {
        #expect(try testCase.options.clientAccept(responseHeaderValue: testCase.response) == testCase.parameters)
    }

    struct ClientErrorCase: Sendable, CustomTestStringConvertible {
        var options: PerMessageDeflateOptions
        var response: String
        var reason: String
        var testDescription: String { response }
    }

    static let clientErrorCases: [ClientErrorCase] = [
        ClientErrorCase(options: Options(), response: "", reason: "expected exactly one extension, got 0"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate, permessage-deflate",
            reason: "expected exactly one extension, got 2"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate, x-foo", reason: "expected exactly one extension, got 2"),
        ClientErrorCase(options: Options(), response: "x-foo", reason: "extension x-foo was not offered"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate;;",
            reason: "malformed Sec-WebSocket-Extensions: "
                + "permessage-deflate;;"),
        ClientErrorCase(options: Options(), response: "permessage-deflate; foo", reason: "unknown parameter foo"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
            reason: "duplicate parameter server_no_context_takeover"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate; client_max_window_bits",
            reason: "client_max_window_bits needs a value in a response"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate; server_max_window_bits",
            reason: "server_max_window_bits needs a value"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate; server_max_window_bits=16",
            reason: "server_max_window_bits=16 is not a window size in 8...15"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate; client_max_window_bits=08",
            reason: "client_max_window_bits=08 is not a window size in 8...15"),
        ClientErrorCase(
            options: Options(), response: "permessage-deflate; client_no_context_takeover=yes",
            reason: "client_no_context_takeover takes no value"),
        ClientErrorCase(
            options: Options(serverMaxWindowBits: 10), response: "permessage-deflate; server_max_window_bits=11",
            reason: "server_max_window_bits=11 exceeds 10"),
        ClientErrorCase(
            options: Options(serverMaxWindowBits: 10), response: "permessage-deflate",
            reason: "server_max_window_bits was requested but not answered"),
        ClientErrorCase(
            options: Options(clientMaxWindowBits: 10), response: "permessage-deflate; client_max_window_bits=12",
            reason: "client_max_window_bits=12 exceeds 10"),
        ClientErrorCase(
            options: Options(serverNoContextTakeover: true), response: "permessage-deflate",
            reason: "server_no_context_takeover was requested but not accepted"),
    ]

    @Test(arguments: clientErrorCases)
    func clientRejectsAnswer(_ testCase: ClientErrorCase) {
        #expect(throws: PerMessageDeflateError.invalidNegotiationResponse(testCase.reason)) {
            try testCase.options.clientAccept(responseHeaderValue: testCase.response)
        }
    }

    /// A parameter the client did not offer is refused. Our offer always carries
    /// client_max_window_bits, so the rule is checked against a hand-made offer.
    @Test func clientWindowBitsNotOfferedIsRefused() throws {
        var offer = PerMessageDeflateExtensionParameters()
        #expect(offer.headerValue == "permessage-deflate")
        #expect(throws: PerMessageDeflateError.invalidNegotiationResponse("client_max_window_bits was not offered")) {
            try Options.clientAccept(
                responseHeaderValue: "permessage-deflate; client_max_window_bits=10", offered: offer)
        }
        offer.clientMaxWindowBits = .supported
        let accepted = try Options.clientAccept(
            responseHeaderValue: "permessage-deflate; client_max_window_bits=10", offered: offer)
        #expect(accepted == Self.parameters(client: 10))
    }

    // MARK: Both sides together

    static let clientOptionsMatrix: [PerMessageDeflateOptions] = [
        Options(),
        Options(serverNoContextTakeover: true),
        Options(clientNoContextTakeover: true),
        Options(serverMaxWindowBits: 8),
        Options(serverMaxWindowBits: 12),
        Options(clientMaxWindowBits: 9),
        Options(
            serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 10,
            clientMaxWindowBits: 11),
    ]

    static let serverOptionsMatrix: [PerMessageDeflateOptions] = [
        Options(),
        Options(serverNoContextTakeover: true),
        Options(clientNoContextTakeover: true),
        Options(serverMaxWindowBits: 9),
        Options(clientMaxWindowBits: 8),
        Options(serverMaxWindowBits: 14, clientMaxWindowBits: 13),
    ]

    /// Whatever each side configures, the server's answer to our offer passes our check and both
    /// sides end up with the same parameters.
    @Test(arguments: clientOptionsMatrix, serverOptionsMatrix)
    func bothSidesAgree(client: PerMessageDeflateOptions, server: PerMessageDeflateOptions) throws {
        let (serverParameters, response) = try #require(
            server.serverAccept(offers: [client.clientOfferHeaderValue()]))
        let clientParameters = try client.clientAccept(responseHeaderValue: response)
        #expect(clientParameters == serverParameters)
        if client.serverNoContextTakeover || server.serverNoContextTakeover {
            #expect(serverParameters.serverNoContextTakeover)
        }
        #expect(serverParameters.serverMaxWindowBits <= client.serverMaxWindowBits ?? 15)
        #expect(serverParameters.serverMaxWindowBits <= server.serverMaxWindowBits ?? 15)
        #expect(serverParameters.clientMaxWindowBits <= client.clientMaxWindowBits ?? 15)
        #expect(serverParameters.clientMaxWindowBits <= server.clientMaxWindowBits ?? 15)
    }
}
