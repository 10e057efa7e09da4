import COpenSSL
import COpenSSLShim
import Foundation

/// An X.509 certificate (RFC 5280) parsed by OpenSSL: read from PEM or DER, its names, serial
/// number, validity and CA flag, the OCPP security extension's hash data, and chain verification.
///
/// `@unchecked Sendable`: the `X509*` is owned by this object and never mutated after parsing
/// (every method only reads it or passes it to OpenSSL as `const`). The one lazily filled cache
/// inside OpenSSL's `X509` (the decoded extension flags) is computed under OpenSSL's own lock.
public final class X509Certificate: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The `X509*`, owned by this object.
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        X509_free(pointer)
    }

    /// Parses exactly one PEM certificate; throws ``X509Error/invalidPEM(reason:)`` when `pem`
    /// holds none or more than one.
    public convenience init(pem: String) throws {
        let chain = try Self.chain(pem: pem)
        guard chain.count == 1, let first = chain.first, X509_up_ref(first.pointer) == 1 else {
            throw X509Error.invalidPEM(reason: "expected one certificate, found \(chain.count)")
        }
        // A second reference to the same parsed, immutable X509; each owner frees its own.
        self.init(taking: first.pointer)
    }

    /// Parses a DER-encoded certificate; trailing bytes are an error.
    public convenience init(der: [UInt8]) throws {
        ERR_clear_error()
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            guard let certificate = d2i_X509(nil, &cursor, buffer.count) else { return nil }
            guard let cursor, cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                X509_free(certificate)
                return nil
            }
            return certificate
        }
        guard let parsed else {
            throw X509Error.invalidDER(reason: X509Error.openSSLReason("not one DER certificate"))
        }
        self.init(taking: parsed)
    }

    /// Parses every PEM certificate in `pem`, in order (a chain is leaf first). Text between the
    /// blocks is ignored, as OpenSSL does; no certificate at all is an error.
    public static func chain(pem: String) throws -> [X509Certificate] {
        ERR_clear_error()
        let bio = try OpenSSLMemoryBIO(text: pem)
        var certificates: [X509Certificate] = []
        while let certificate = PEM_read_bio_X509(bio.pointer, nil, nil, nil) {
            certificates.append(X509Certificate(taking: certificate))
        }
        // The loop ends with PEM_R_NO_START_LINE once the text is used up; anything else is a
        // broken block.
        let failure = TLSError.drainErrorQueue()
        if let failure, failure.reason != PEM_R_NO_START_LINE {
            throw X509Error.invalidPEM(reason: failure.text)
        }
        guard !certificates.isEmpty else {
            throw X509Error.invalidPEM(reason: "no CERTIFICATE block")
        }
        return certificates
    }

    // MARK: - Fields

    /// The subject's common name (CN), or `nil` when the subject has none.
    public var subjectCommonName: String? {
        Self.commonName(of: X509_get_subject_name(pointer))
    }

    /// The subject name in RFC 2253 form, e.g. `CN=CP001,O=ChargeSim`.
    public var subject: String {
        Self.rfc2253(X509_get_subject_name(pointer))
    }

    /// The issuer name in RFC 2253 form.
    public var issuer: String {
        Self.rfc2253(X509_get_issuer_name(pointer))
    }

    /// The serial number in lowercase hex without leading zeros.
    public var serialNumberHex: String {
        guard let integer = X509_get0_serialNumber(pointer), let number = ASN1_INTEGER_to_BN(integer, nil) else {
            return "0"
        }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "0" }
        defer { chargesim_OPENSSL_free(hex) }
        return X509HashData.normalizedSerial(String(cString: hex))
    }

    /// The start of the validity period.
    public var notBefore: Date {
        Self.date(X509_get0_notBefore(pointer))
    }

    /// The end of the validity period.
    public var notAfter: Date {
        Self.date(X509_get0_notAfter(pointer))
    }

    /// Whether `basicConstraints` says CA:TRUE (RFC 5280 section 4.2.1.9).
    public var isCA: Bool {
        X509_get_extension_flags(pointer) & UInt32(EXFLAG_CA) != 0
    }

    /// Whether the issuer name equals the subject name and the certificate's signature verifies
    /// with its own key.
    public var isSelfSigned: Bool {
        X509_check_issued(pointer, pointer) == X509_V_OK && X509_verify(pointer, X509_get0_pubkey(pointer)) == 1
    }

    /// Whether `issuer`'s subject and key identifier fit this certificate's issuer and its key
    /// verifies this certificate's signature.
    public func isIssued(by issuer: X509Certificate) -> Bool {
        X509_check_issued(issuer.pointer, pointer) == X509_V_OK
            && X509_verify(pointer, X509_get0_pubkey(issuer.pointer)) == 1
    }

    /// Whether `key` is the private half of this certificate's public key.
    public func matches(_ key: PrivateKey) -> Bool {
        X509_check_private_key(pointer, key.pointer) == 1
    }

    /// The DER encoding.
    public var der: [UInt8] {
        let length = i2d_X509(pointer, nil)
        guard length > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d_X509(pointer, &cursor)
        }
        return bytes
    }

    /// The PEM encoding (one `CERTIFICATE` block, newline-terminated).
    public var pem: String {
        guard let bio = try? OpenSSLMemoryBIO(), PEM_write_bio_X509(bio.pointer, pointer) == 1 else { return "" }
        return bio.text
    }

    /// The lowercase hex SHA-256 of the DER encoding: a stable name for files and logs.
    public var sha256Fingerprint: String {
        let bytes = der
        return (try? bytes.withUnsafeBytes { try X509HashAlgorithm.sha256.hexDigest($0) }) ?? ""
    }

    public var description: String {
        "X509Certificate(subject: \(subject), issuer: \(issuer), serial: \(serialNumberHex))"
    }

    public static func == (lhs: X509Certificate, rhs: X509Certificate) -> Bool {
        X509_cmp(lhs.pointer, rhs.pointer) == 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(der)
    }

    // MARK: - OCPP hash data

    /// The `CertificateHashDataType` of this certificate (Improved security for OCPP 1.6-J,
    /// section 2.x "CertificateHashDataType"; the fields of an OCSP `CertID`, RFC 6960 section
    /// 4.1.1): the hash of the DER-encoded issuer name, the hash of the issuer's public key bits
    /// and the serial number.
    ///
    /// For a self-signed certificate (a root) the issuer is the certificate itself and `issuer`
    /// may be omitted; for any other certificate pass its issuer, or this throws
    /// ``X509Error/issuerRequired``.
    public func hashData(algorithm: X509HashAlgorithm, issuer: X509Certificate? = nil) throws -> X509HashData {
        let keySource: X509Certificate
        if let issuer {
            keySource = issuer
        } else if X509_check_issued(pointer, pointer) == X509_V_OK {
            keySource = self
        } else {
            throw X509Error.issuerRequired
        }
        // i2d with a NULL output pointer allocates; take the bytes and free them.
        var encodedName: UnsafeMutablePointer<UInt8>?
        let nameLength = i2d_X509_NAME(X509_get_issuer_name(pointer), &encodedName)
        guard nameLength > 0, let encodedName else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("cannot encode the issuer name"))
        }
        defer { chargesim_OPENSSL_free(encodedName) }
        let nameHash = try algorithm.hexDigest(UnsafeRawBufferPointer(start: encodedName, count: Int(nameLength)))

        guard let keyBits = X509_get0_pubkey_bitstr(keySource.pointer),
            let keyData = ASN1_STRING_get0_data(keyBits)
        else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("the issuer has no public key"))
        }
        let keyHash = try algorithm.hexDigest(
            UnsafeRawBufferPointer(start: keyData, count: Int(ASN1_STRING_length(keyBits))))
        return X509HashData(
            algorithm: algorithm, issuerNameHash: nameHash, issuerKeyHash: keyHash, serialNumber: serialNumberHex)
    }

    // MARK: - Verification

    /// Verifies this certificate as the leaf of `chain` (its intermediate CAs, in any order) up
    /// to one of `trustedRoots`, at the instant `at` (RFC 5280 section 6 path validation, done by
    /// OpenSSL's `X509_verify_cert`). The failure names the cause and keeps OpenSSL's reason.
    public func verify(
        chain: [X509Certificate], trustedRoots: [X509Certificate], at instant: Date
    ) -> Result<Void, X509VerificationError> {
        ERR_clear_error()
        guard let store = X509_STORE_new() else {
            return .failure(X509VerificationError(code: X509_V_ERR_OUT_OF_MEM, depth: 0))
        }
        defer { X509_STORE_free(store) }
        for root in trustedRoots {
            // Adding the same root twice reports an error that is harmless; ignore it.
            _ = X509_STORE_add_cert(store, root.pointer)
        }
        ERR_clear_error()
        guard let untrusted = OPENSSL_sk_new_null() else {
            return .failure(X509VerificationError(code: X509_V_ERR_OUT_OF_MEM, depth: 0))
        }
        defer { OPENSSL_sk_free(untrusted) }
        for certificate in chain {
            _ = OPENSSL_sk_push(untrusted, UnsafeRawPointer(certificate.pointer))
        }
        guard let context = X509_STORE_CTX_new() else {
            return .failure(X509VerificationError(code: X509_V_ERR_OUT_OF_MEM, depth: 0))
        }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store, pointer, untrusted) == 1 else {
            return .failure(X509VerificationError(code: X509_V_ERR_UNSPECIFIED, depth: 0))
        }
        X509_STORE_CTX_set_time(context, 0, time_t(instant.timeIntervalSince1970.rounded(.down)))
        let verified = X509_verify_cert(context)
        // Keep the local objects alive until OpenSSL is done with their pointers.
        withExtendedLifetime((chain, trustedRoots)) {}
        ERR_clear_error()
        if verified == 1 { return .success(()) }
        return .failure(
            X509VerificationError(
                code: X509_STORE_CTX_get_error(context), depth: Int(X509_STORE_CTX_get_error_depth(context))))
    }

    // MARK: - Signatures

    /// Whether `signature` is a valid SHA-256 signature of `data` by this certificate's public
    /// key (RSA PKCS#1 v1.5 or ECDSA, as `openssl dgst -sha256 -sign` makes; OpenSSL's
    /// `EVP_DigestVerify`). Used for signed firmware (Improved security for OCPP 1.6-J, L01).
    /// Throws ``X509Error/operationFailed(reason:)`` only when the certificate has no usable key.
    public func verifySignature(_ signature: [UInt8], of data: [UInt8]) throws -> Bool {
        ERR_clear_error()
        guard let key = X509_get0_pubkey(pointer) else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("the certificate has no public key"))
        }
        guard let context = EVP_MD_CTX_new() else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("out of memory"))
        }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("cannot verify with this key"))
        }
        let verified = signature.withUnsafeBufferPointer { signatureBytes in
            data.withUnsafeBufferPointer { dataBytes in
                EVP_DigestVerify(
                    context, signatureBytes.baseAddress, signatureBytes.count, dataBytes.baseAddress, dataBytes.count)
            }
        }
        // A bad signature leaves errors on the queue; they are an answer here, not a failure.
        ERR_clear_error()
        return verified == 1
    }

    // MARK: - Helpers

    static func commonName(of name: OpaquePointer?) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index),
            let data = X509_NAME_ENTRY_get_data(entry)
        else { return nil }
        var utf8: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&utf8, data)
        guard length >= 0, let utf8 else { return nil }
        defer { chargesim_OPENSSL_free(utf8) }
        return String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
    }

    static func rfc2253(_ name: OpaquePointer?) -> String {
        guard let name, let bio = try? OpenSSLMemoryBIO() else { return "" }
        guard X509_NAME_print_ex(bio.pointer, name, 0, chargesim_XN_FLAG_RFC2253()) >= 0 else { return "" }
        return bio.text
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return Date(timeIntervalSince1970: 0) }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
