import COpenSSL
import COpenSSLShim
import NIOCore

/// One TLS session over two OpenSSL memory BIOs, with no socket: ciphertext from the network goes
/// in with ``receive(_:)``, ciphertext for the network comes out of ``drainOutput(into:)``, and the
/// handshake, reads and writes in between are OpenSSL's. ``TLSHandler`` is the thin NIO shell.
///
/// Not thread-safe: an `SSL` is used from one event loop only.
final class TLSConnection {
    /// What one handshake step achieved.
    enum HandshakeResult: Equatable {
        /// The handshake finished; application data may flow.
        case complete
        /// OpenSSL waits for more bytes from the peer (after sending what ``drainOutput(into:)`` holds).
        case needMoreData
        /// The handshake failed for the named cause; an alert may be waiting in the output.
        case failed(TLSError)
    }

    /// How a read burst ended.
    enum ReadResult: Equatable {
        /// Every complete record was decrypted; the rest waits for more bytes.
        case needMoreData
        /// The peer sent close_notify: it will send no more data.
        case closeNotify
        /// The stream is broken for the named cause.
        case failed(TLSError)
    }

    /// The largest TLS plaintext record (RFC 8446 section 5.1): what one `SSL_read` can return.
    static let maximumRecordSize = 16_384

    /// The application-data slot of an `SSL` (ex_data index 0) where the client certificate
    /// callback leaves ``certificateRequestedMark``.
    static let certificateRequestedSlot: Int32 = 0
    /// A non-null marker. `nonisolated(unsafe)`: an immutable address that is only compared with
    /// nil, never dereferenced, so sharing it across threads is safe.
    nonisolated(unsafe) static let certificateRequestedMark = UnsafeMutableRawPointer(bitPattern: 1)

    /// Kept alive with the `SSL`: the server's ALPN callback reaches the context through a raw pointer.
    private let context: TLSContext
    private let ssl: OpaquePointer
    private let networkInput: OpaquePointer
    private let networkOutput: OpaquePointer
    /// The name or address the server's certificate must match, for error messages.
    private let expectedName: String?

    /// Creates the `SSL` for one connection. A client sends SNI for `serverHostname` (not for an IP
    /// literal, RFC 6066 section 3) and, with full verification, checks the certificate against it.
    init(context: TLSContext, serverHostname: String?) throws {
        ERR_clear_error()
        guard let ssl = SSL_new(context.pointer) else {
            throw TLSError.configurationFailed(reason: TLSContext.openSSLReason(fallback: "SSL_new failed"))
        }
        guard let input = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw TLSError.configurationFailed(reason: "cannot allocate a memory BIO")
        }
        guard let output = BIO_new(BIO_s_mem()) else {
            BIO_free(input)
            SSL_free(ssl)
            throw TLSError.configurationFailed(reason: "cannot allocate a memory BIO")
        }
        // The SSL owns both BIOs from here on and frees them with itself.
        SSL_set_bio(ssl, input, output)
        self.context = context
        self.ssl = ssl
        self.networkInput = input
        self.networkOutput = output
        let bareName = serverHostname.map(Self.removingBrackets)
        self.expectedName = bareName

        switch context.configuration.role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client:
            SSL_set_connect_state(ssl)
            try configureClient(serverName: bareName, verification: context.configuration.verification)
        }
    }

    deinit {
        SSL_free(ssl)
    }

    private func configureClient(serverName: String?, verification: TLSConfiguration.Verification) throws {
        let isAddress = serverName.map { (try? SocketAddress(ipAddress: $0, port: 0)) != nil } ?? false
        if let serverName, !isAddress {
            guard chargesim_SSL_set_tlsext_host_name(ssl, serverName) == 1 else {
                throw TLSError.configurationFailed(reason: "cannot send SNI for \(serverName)")
            }
        }
        switch verification {
        case .insecureNoVerification:
            return
        case .full:
            guard let serverName else {
                throw TLSError.configurationFailed(
                    reason: "a client that verifies the server needs the server's host name or address")
            }
            let accepted: Int32
            if isAddress {
                accepted = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), serverName)
            } else {
                // RFC 6125 section 6.4.3: a wildcard stands for a whole label ("*.example.com"), never part.
                SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
                accepted = SSL_set1_host(ssl, serverName)
            }
            guard accepted == 1 else {
                throw TLSError.configurationFailed(reason: "cannot verify against the name \(serverName)")
            }
        }
    }

    /// `[::1]` as written in a URL is the address `::1`.
    private static func removingBrackets(_ host: String) -> String {
        guard host.hasPrefix("["), host.hasSuffix("]"), host.count >= 2 else { return host }
        return String(host.dropFirst().dropLast())
    }

    /// Hands ciphertext from the network to OpenSSL.
    func receive(_ ciphertext: ByteBuffer) {
        ciphertext.withUnsafeReadableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let chunk = Int32(clamping: bytes.count - offset)
                let written = BIO_write(networkInput, base + offset, chunk)
                // A memory BIO only refuses a write when malloc fails.
                precondition(written > 0, "BIO_write to a memory BIO failed")
                offset += Int(written)
            }
        }
    }

    /// Advances the handshake as far as the received bytes allow.
    func handshake() -> HandshakeResult {
        ERR_clear_error()
        let status = SSL_do_handshake(ssl)
        if status == 1 { return .complete }
        switch SSL_get_error(ssl, status) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .needMoreData
        default:
            return .failed(failure { .handshakeFailed(reason: $0) })
        }
    }

    /// Decrypts every complete record received so far, appending the plaintext to `plaintext`.
    func read(into plaintext: inout ByteBuffer) -> ReadResult {
        while true {
            // Plaintext is never longer than the ciphertext it came from, so small messages need
            // no record-sized buffer; OpenSSL keeps the rest of a record for the next call.
            let available = Int(SSL_pending(ssl)) + Int(chargesim_BIO_pending(networkInput))
            let wanted = min(max(available, 1), Self.maximumRecordSize)
            ERR_clear_error()
            var status: Int32 = 0
            plaintext.writeWithUnsafeMutableBytes(minimumWritableBytes: wanted) { space in
                status = SSL_read(ssl, space.baseAddress, Int32(clamping: space.count))
                return status > 0 ? Int(status) : 0
            }
            if status > 0 { continue }
            switch SSL_get_error(ssl, status) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                return .needMoreData
            case SSL_ERROR_ZERO_RETURN:
                return .closeNotify
            default:
                return .failed(failure { .protocolFailure(reason: $0) })
            }
        }
    }

    /// Encrypts `plaintext` into the output (memory BIOs take it whole; renegotiation is off, so
    /// a write never waits for the peer).
    func write(_ plaintext: ByteBuffer) -> TLSError? {
        plaintext.withUnsafeReadableBytes { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                ERR_clear_error()
                let status = SSL_write(ssl, base + offset, Int32(clamping: bytes.count - offset))
                guard status > 0 else { return failure { .protocolFailure(reason: $0) } }
                offset += Int(status)
            }
            return nil
        }
    }

    /// Queues a close_notify alert (RFC 8446 section 6.1). Best effort: the peer's reply is not awaited.
    func shutdown() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// Bytes OpenSSL has produced for the network and not yet handed out.
    var pendingOutputCount: Int { Int(chargesim_BIO_pending(networkOutput)) }

    /// Moves all pending ciphertext into `buffer`.
    func drainOutput(into buffer: inout ByteBuffer) {
        let pending = pendingOutputCount
        guard pending > 0 else { return }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: pending) { space in
            Int(max(0, BIO_read(networkOutput, space.baseAddress, Int32(clamping: pending))))
        }
    }

    /// Whether the server asked for a client certificate this client did not have (it sent none).
    var certificateRequestedButNotPresented: Bool {
        SSL_get_ex_data(ssl, Self.certificateRequestedSlot) != nil
    }

    /// The subject common name of the peer's certificate, if it sent one (UTF-8).
    var peerCommonName: String? {
        guard let certificate = SSL_get1_peer_certificate(ssl) else { return nil }
        defer { X509_free(certificate) }
        return X509Certificate.commonName(of: X509_get_subject_name(certificate))
    }

    /// The serial number of the peer's certificate (lowercase hex), if it sent one.
    var peerSerialNumber: String? {
        guard let certificate = SSL_get1_peer_certificate(ssl) else { return nil }
        // Owned by the wrapper from here: it frees the reference `get1` took.
        return X509Certificate(taking: certificate).serialNumberHex
    }

    /// The negotiated protocol version, as OpenSSL names it (`TLSv1.3`).
    var protocolVersion: String {
        SSL_get_version(ssl).map { String(cString: $0) } ?? "unknown"
    }

    /// The ALPN protocol the server selected (RFC 7301), if any.
    var applicationProtocol: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// The SNI host name: the one the client sent (server side) or is sending (client side).
    var serverName: String? {
        SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name).map { String(cString: $0) }
    }

    /// Names why the last call failed: the X.509 verdict when verification failed, a missing client
    /// certificate, an alert from the peer, or else OpenSSL's text wrapped by `otherwise`.
    private func failure(otherwise: (String) -> TLSError) -> TLSError {
        guard let queued = TLSError.drainErrorQueue() else {
            return otherwise("the TLS library reported an error with no reason")
        }
        switch queued.reason {
        case SSL_R_CERTIFICATE_VERIFY_FAILED:
            return TLSError.verification(code: SSL_get_verify_result(ssl), expectedName: expectedName)
        case SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE:
            return .peerDidNotPresentCertificate
        case SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED:
            return .certificateRequiredByPeer
        case SSL_AD_REASON_OFFSET...(SSL_AD_REASON_OFFSET + 255)
        where SSL_get_ex_data(ssl, Self.certificateRequestedSlot) != nil:
            // The server asked for a certificate we do not have, then aborted.
            return .certificateRequiredByPeer
        case SSL_AD_REASON_OFFSET...(SSL_AD_REASON_OFFSET + 255):
            // A fatal alert from the peer; in TLS 1.3 a client learns only after its Finished
            // that the server rejected its certificate, so this stays a handshake failure.
            return .handshakeFailed(reason: queued.text)
        default:
            return otherwise(queued.text)
        }
    }
}

@available(*, unavailable)
extension TLSConnection: Sendable {}
