import COpenSSL
import COpenSSLShim
import Foundation

/// An OpenSSL `SSL_CTX` built once from a ``TLSConfiguration``: certificates, keys and trust
/// roots are loaded here, and every connection (``TLSHandler``) creates its `SSL` from it.
///
/// `@unchecked Sendable`: the `SSL_CTX` is fully configured in `init` and never mutated after;
/// OpenSSL documents `SSL_new` on a configured context as safe from many threads at once (the
/// context's reference count and session cache take their own locks). The ALPN list read by the
/// server callback is an immutable `let`.
public final class TLSContext: @unchecked Sendable {
    /// The configuration this context was built from.
    public let configuration: TLSConfiguration
    /// The `SSL_CTX*`, owned by this object.
    let pointer: OpaquePointer
    /// The ALPN protocols in wire format (length-prefixed names), as RFC 7301 section 3.1 sends them.
    let alpnWireFormat: [UInt8]

    /// Loads every file the configuration names. Throws ``TLSError/fileLoadFailed(path:reason:)``
    /// naming the file and OpenSSL's reason, or ``TLSError/configurationFailed(reason:)``.
    public init(configuration: TLSConfiguration) throws {
        // Validate before allocating: a throw before every property is set would skip deinit.
        var wire: [UInt8] = []
        for name in configuration.applicationProtocols {
            let bytes = Array(name.utf8)
            guard (1...255).contains(bytes.count) else {
                throw TLSError.configurationFailed(reason: "ALPN protocol name \"\(name)\" must be 1 to 255 bytes")
            }
            wire.append(UInt8(bytes.count))
            wire.append(contentsOf: bytes)
        }
        ERR_clear_error()
        let method: OpaquePointer?
        switch configuration.role {
        case .client: method = TLS_client_method()
        case .server: method = TLS_server_method()
        }
        guard let pointer = SSL_CTX_new(method) else {
            throw TLSError.configurationFailed(reason: Self.openSSLReason(fallback: "SSL_CTX_new failed"))
        }
        self.pointer = pointer
        self.configuration = configuration
        self.alpnWireFormat = wire
        try configureVersions()
        _ = chargesim_SSL_CTX_disable_renegotiation(pointer)
        // An idle connection gives back its ~34 KB of record buffers: a fleet holds tens of
        // thousands of mostly idle sockets, and the buffers come back once per read burst.
        _ = chargesim_SSL_CTX_set_mode(pointer, Int(SSL_MODE_RELEASE_BUFFERS))
        switch configuration.role {
        case .client: try configureClient()
        case .server: try configureServer()
        }
    }

    deinit {
        SSL_CTX_free(pointer)
    }

    /// Messages to log once, such as turned-off verification (see ``TLSConfiguration/warnings``).
    public var warnings: [String] { configuration.warnings }

    private func configureVersions() throws {
        guard chargesim_SSL_CTX_set_min_proto_version(pointer, Self.wireVersion(configuration.minimumVersion)) == 1
        else {
            throw TLSError.configurationFailed(reason: Self.openSSLReason(fallback: "cannot set minimum version"))
        }
        if let maximum = configuration.maximumVersion {
            guard chargesim_SSL_CTX_set_max_proto_version(pointer, Self.wireVersion(maximum)) == 1 else {
                throw TLSError.configurationFailed(reason: Self.openSSLReason(fallback: "cannot set maximum version"))
            }
        }
    }

    private func configureClient() throws {
        switch configuration.verification {
        case .full:
            SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER, nil)
            switch configuration.trustRoots {
            case .system:
                guard SSL_CTX_set_default_verify_paths(pointer) == 1 else {
                    throw TLSError.configurationFailed(
                        reason: Self.openSSLReason(fallback: "cannot load the system trust store"))
                }
            case .caFile(let path):
                try loadVerifyLocations(path)
            }
        case .insecureNoVerification:
            SSL_CTX_set_verify(pointer, SSL_VERIFY_NONE, nil)
        }
        if let certificate = configuration.certificate {
            try loadCertificate(certificate)
        } else {
            SSL_CTX_set_client_cert_cb(pointer, noteCertificateRequest)
        }
        if !alpnWireFormat.isEmpty {
            // SSL_CTX_set_alpn_protos returns 0 on success, unlike most of OpenSSL.
            let status = alpnWireFormat.withUnsafeBufferPointer {
                SSL_CTX_set_alpn_protos(pointer, $0.baseAddress, UInt32($0.count))
            }
            guard status == 0 else {
                throw TLSError.configurationFailed(reason: Self.openSSLReason(fallback: "cannot set ALPN protocols"))
            }
        }
    }

    private func configureServer() throws {
        guard let certificate = configuration.certificate else {
            throw TLSError.configurationFailed(reason: "a TLS server needs a certificate chain and private key")
        }
        try loadCertificate(certificate)
        switch configuration.clientCertificateVerification {
        case .none:
            SSL_CTX_set_verify(pointer, SSL_VERIFY_NONE, nil)
        case .optional(let caFile):
            try loadVerifyLocations(caFile)
            try loadClientCAList(caFile)
            SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER, nil)
        case .required(let caFile):
            try loadVerifyLocations(caFile)
            try loadClientCAList(caFile)
            SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        }
        if !alpnWireFormat.isEmpty {
            let unmanaged = Unmanaged.passUnretained(self).toOpaque()
            SSL_CTX_set_alpn_select_cb(pointer, selectApplicationProtocol, unmanaged)
        }
    }

    private func loadCertificate(_ files: TLSConfiguration.CertificateFiles) throws {
        try requireReadable(files.certificateChainFile)
        guard SSL_CTX_use_certificate_chain_file(pointer, files.certificateChainFile) == 1 else {
            throw TLSError.fileLoadFailed(
                path: files.certificateChainFile, reason: Self.openSSLReason(fallback: "not a PEM certificate chain"))
        }
        try requireReadable(files.privateKeyFile)
        guard SSL_CTX_use_PrivateKey_file(pointer, files.privateKeyFile, SSL_FILETYPE_PEM) == 1 else {
            throw TLSError.fileLoadFailed(
                path: files.privateKeyFile, reason: Self.openSSLReason(fallback: "not a PEM private key"))
        }
        guard SSL_CTX_check_private_key(pointer) == 1 else {
            throw TLSError.fileLoadFailed(
                path: files.privateKeyFile,
                reason: Self.openSSLReason(fallback: "the key does not match \(files.certificateChainFile)"))
        }
    }

    private func loadVerifyLocations(_ path: String) throws {
        try requireReadable(path)
        guard SSL_CTX_load_verify_locations(pointer, path, nil) == 1 else {
            throw TLSError.fileLoadFailed(path: path, reason: Self.openSSLReason(fallback: "no CA certificate in it"))
        }
    }

    /// Names the accepted CAs in the CertificateRequest so a client can pick its matching certificate.
    private func loadClientCAList(_ path: String) throws {
        guard let names = SSL_load_client_CA_file(path) else {
            throw TLSError.fileLoadFailed(path: path, reason: Self.openSSLReason(fallback: "no CA certificate in it"))
        }
        SSL_CTX_set_client_CA_list(pointer, names)
    }

    /// OpenSSL's text for a missing file is terse; say plainly when the file is not there.
    private func requireReadable(_ path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw TLSError.fileLoadFailed(path: path, reason: "no such file, or not readable")
        }
    }

    private static func wireVersion(_ version: TLSConfiguration.Version) -> Int32 {
        switch version {
        case .tls1_2: return TLS1_2_VERSION
        case .tls1_3: return TLS1_3_VERSION
        }
    }

    static func openSSLReason(fallback: String) -> String {
        TLSError.drainErrorQueue()?.text ?? fallback
    }
}

/// Called by OpenSSL when a server asks for a certificate this client does not have. Marks the
/// `SSL` so that the server's refusal can be named ``TLSError/certificateRequiredByPeer`` even
/// under TLS 1.2, whose alert (handshake_failure) does not say why. Sends no certificate.
private func noteCertificateRequest(
    _ ssl: OpaquePointer?,
    _ certificate: UnsafeMutablePointer<OpaquePointer?>?,
    _ key: UnsafeMutablePointer<OpaquePointer?>?
) -> Int32 {
    if let ssl {
        _ = SSL_set_ex_data(ssl, TLSConnection.certificateRequestedSlot, TLSConnection.certificateRequestedMark)
    }
    return 0
}

/// The server's ALPN choice (RFC 7301 section 3.2): the first of our protocols the client offered;
/// with no overlap the handshake goes on without ALPN (`SSL_TLSEXT_ERR_NOACK`).
private func selectApplicationProtocol(
    _ ssl: OpaquePointer?,
    _ out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
    _ outLength: UnsafeMutablePointer<UInt8>?,
    _ offered: UnsafePointer<UInt8>?,
    _ offeredLength: UInt32,
    _ argument: UnsafeMutableRawPointer?
) -> Int32 {
    guard let argument, let out, let outLength, let offered else { return SSL_TLSEXT_ERR_NOACK }
    let context = Unmanaged<TLSContext>.fromOpaque(argument).takeUnretainedValue()
    let offeredBytes = UnsafeBufferPointer(start: offered, count: Int(offeredLength))
    var ours = context.alpnWireFormat[...]
    while let length = ours.first.map(Int.init), ours.count > length {
        let name = ours.dropFirst().prefix(length)
        var theirs = offeredBytes[...]
        while let theirLength = theirs.first.map(Int.init), theirs.count > theirLength {
            let start = theirs.startIndex + 1
            if theirLength == length && theirs[start..<start + theirLength].elementsEqual(name) {
                // Point into the client's list, which OpenSSL keeps alive for the handshake.
                out.pointee = offered + start
                outLength.pointee = UInt8(length)
                return SSL_TLSEXT_ERR_OK
            }
            theirs = theirs.dropFirst(theirLength + 1)
        }
        ours = ours.dropFirst(length + 1)
    }
    return SSL_TLSEXT_ERR_NOACK
}
