// Negotiation of permessage-deflate in the opening handshake (RFC 7692 sections 5 and 7.1).

extension PerMessageDeflateOptions {
    /// The `Sec-WebSocket-Extensions` header value a client sends to offer these options
    /// (RFC 7692 section 7.1). `client_max_window_bits` is always sent, bare when no limit is
    /// configured, to tell the server it may limit our window (section 7.1.2.2).
    public func clientOfferHeaderValue() -> String {
        offeredParameters.headerValue
    }

    /// Server side: picks the first acceptable offer among the client's
    /// `Sec-WebSocket-Extensions` values; returns the agreed parameters and the response header
    /// value, or nil when no offer is acceptable (the connection then goes on uncompressed).
    ///
    /// An offer with an unknown or repeated parameter, or a bad window value, is declined and the
    /// next one is tried (RFC 7692 section 5.1). The answer combines the offer with these
    /// options: a no-context-takeover flag is set when either side asks for it; a window is the
    /// smaller of the offered and the configured one. When we limit the client's window but the
    /// client did not offer `client_max_window_bits`, the offer is still accepted and we inflate
    /// with the full 15-bit window.
    public func serverAccept(offers headerValues: [String]) -> (PerMessageDeflateParameters, String)? {
        guard let list = ExtensionHeaderList(headerValues: headerValues) else { return nil }
        for element in list.extensions where PerMessageDeflateExtensionParameters.isDeflate(element.name) {
            guard let offer = try? PerMessageDeflateExtensionParameters(element.parameters) else { continue }
            return accept(offer)
        }
        return nil
    }

    /// Client side: checks the server's answer against what we offered (RFC 7692 section
    /// 7.1): exactly one extension, permessage-deflate, no unknown or repeated parameter, the
    /// window sizes no larger than we asked for, and `server_no_context_takeover` or
    /// `server_max_window_bits` present when we asked for them.
    public func clientAccept(responseHeaderValue: String) throws(PerMessageDeflateError) -> PerMessageDeflateParameters
    {
        try Self.clientAccept(responseHeaderValue: responseHeaderValue, offered: offeredParameters)
    }

    /// The check of `clientAccept(responseHeaderValue:)` against any offer.
    static func clientAccept(
        responseHeaderValue: String, offered: PerMessageDeflateExtensionParameters
    ) throws(PerMessageDeflateError) -> PerMessageDeflateParameters {
        guard let list = ExtensionHeaderList(headerValues: [responseHeaderValue]) else {
            throw .invalidNegotiationResponse("malformed Sec-WebSocket-Extensions: \(responseHeaderValue)")
        }
        guard list.extensions.count == 1, let element = list.extensions.first else {
            throw .invalidNegotiationResponse("expected exactly one extension, got \(list.extensions.count)")
        }
        guard PerMessageDeflateExtensionParameters.isDeflate(element.name) else {
            throw .invalidNegotiationResponse("extension \(element.name) was not offered")
        }
        let response = try PerMessageDeflateExtensionParameters(element.parameters)

        if offered.serverNoContextTakeover && !response.serverNoContextTakeover {
            throw .invalidNegotiationResponse("server_no_context_takeover was requested but not accepted")
        }
        let serverBits: Int
        switch (offered.serverMaxWindowBits, response.serverMaxWindowBits) {
        case (.some(let requested), .some(let answered)):
            guard answered <= requested else {
                throw .invalidNegotiationResponse("server_max_window_bits=\(answered) exceeds \(requested)")
            }
            serverBits = answered
        case (.some, .none):
            throw .invalidNegotiationResponse("server_max_window_bits was requested but not answered")
        case (.none, .some(let answered)):
            serverBits = answered
        case (.none, .none):
            serverBits = 15
        }
        let clientBits: Int
        switch (offered.clientMaxWindowBits, response.clientMaxWindowBits) {
        case (_, .supported):
            throw .invalidNegotiationResponse("client_max_window_bits needs a value in a response")
        case (.absent, .limited):
            throw .invalidNegotiationResponse("client_max_window_bits was not offered")
        case (.limited(let requested), .limited(let answered)):
            guard answered <= requested else {
                throw .invalidNegotiationResponse("client_max_window_bits=\(answered) exceeds \(requested)")
            }
            clientBits = answered
        case (.supported, .limited(let answered)):
            clientBits = answered
        case (.limited(let requested), .absent):
            // The server lets us use up to 15 (section 7.1.2.2); our own smaller limit still holds.
            clientBits = requested
        case (.supported, .absent), (.absent, .absent):
            clientBits = 15
        }
        return PerMessageDeflateParameters(
            serverNoContextTakeover: response.serverNoContextTakeover,
            // Our own flag binds us whatever the server answered.
            clientNoContextTakeover: response.clientNoContextTakeover || offered.clientNoContextTakeover,
            serverMaxWindowBits: serverBits,
            clientMaxWindowBits: clientBits
        )
    }

    /// What the client offers: these options with window bits clamped to 8...15.
    var offeredParameters: PerMessageDeflateExtensionParameters {
        var offer = PerMessageDeflateExtensionParameters()
        offer.serverNoContextTakeover = serverNoContextTakeover
        offer.clientNoContextTakeover = clientNoContextTakeover
        offer.serverMaxWindowBits = serverMaxWindowBits.map(Self.clampedWindowBits)
        offer.clientMaxWindowBits = clientMaxWindowBits.map { .limited(Self.clampedWindowBits($0)) } ?? .supported
        return offer
    }

    /// The server's answer to one syntactically valid offer.
    private func accept(_ offer: PerMessageDeflateExtensionParameters) -> (PerMessageDeflateParameters, String) {
        var response = PerMessageDeflateExtensionParameters()
        response.serverNoContextTakeover = offer.serverNoContextTakeover || serverNoContextTakeover
        response.clientNoContextTakeover = offer.clientNoContextTakeover || clientNoContextTakeover

        let ownServerLimit = serverMaxWindowBits.map(Self.clampedWindowBits)
        switch (offer.serverMaxWindowBits, ownServerLimit) {
        case (.some(let requested), .some(let own)):
            response.serverMaxWindowBits = min(requested, own)
        case (.some(let requested), .none):
            response.serverMaxWindowBits = requested
        case (.none, .some(let own)):
            response.serverMaxWindowBits = own
        case (.none, .none):
            response.serverMaxWindowBits = nil
        }

        let ownClientLimit = clientMaxWindowBits.map(Self.clampedWindowBits)
        switch (offer.clientMaxWindowBits, ownClientLimit) {
        case (.limited(let offered), .some(let own)):
            response.clientMaxWindowBits = .limited(min(offered, own))
        case (.limited(let offered), .none):
            response.clientMaxWindowBits = .limited(offered)
        case (.supported, .some(let own)):
            response.clientMaxWindowBits = .limited(own)
        case (.supported, .none), (.absent, _):
            // Section 7.1.2.2: the server must not send it when the client did not offer it.
            response.clientMaxWindowBits = .absent
        }

        let clientBits: Int
        switch response.clientMaxWindowBits {
        case .limited(let bits): clientBits = bits
        case .absent, .supported: clientBits = 15
        }
        let parameters = PerMessageDeflateParameters(
            serverNoContextTakeover: response.serverNoContextTakeover,
            clientNoContextTakeover: response.clientNoContextTakeover,
            serverMaxWindowBits: response.serverMaxWindowBits ?? 15,
            clientMaxWindowBits: clientBits
        )
        return (parameters, response.headerValue)
    }

    private static func clampedWindowBits(_ bits: Int) -> Int {
        min(max(bits, 8), 15)
    }
}
