import COpenSSL
import COpenSSLShim

/// A PKCS#10 certificate signing request (RFC 2986), what SignCertificate.req carries in `csr`
/// (Improved security for OCPP 1.6-J, use cases A02/A03): made here for a charge point, or read
/// from PEM by a certificate authority.
///
/// `@unchecked Sendable`: the `X509_REQ*` is owned by this object and never changed after it is
/// made or parsed.
public final class CertificateSigningRequest: @unchecked Sendable {
    /// The `X509_REQ*`, owned by this object.
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        X509_REQ_free(pointer)
    }

    /// Makes a request for `key` with subject `CN=commonName` (the charge point identity, as
    /// security profile 3 requires) and `O=organization` (the `CpoName` configuration key, as the
    /// extension requires), signed with `key` and SHA-256.
    public convenience init(commonName: String, organization: String?, key: PrivateKey) throws {
        guard !commonName.isEmpty else { throw X509Error.invalidArgument("the common name is empty") }
        ERR_clear_error()
        guard let request = X509_REQ_new() else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("X509_REQ_new failed"))
        }
        self.init(taking: request)
        guard X509_REQ_set_version(request, 0) == 1 else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("cannot set the version"))
        }
        let name = try X509Name(commonName: commonName, organization: organization)
        guard X509_REQ_set_subject_name(request, name.pointer) == 1,
            X509_REQ_set_pubkey(request, key.pointer) == 1
        else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("cannot set the subject or key"))
        }
        guard X509_REQ_sign(request, key.pointer, EVP_sha256()) > 0 else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("cannot sign the request"))
        }
    }

    /// Reads a PEM request (`-----BEGIN CERTIFICATE REQUEST-----`).
    public convenience init(pem: String) throws {
        ERR_clear_error()
        let bio = try OpenSSLMemoryBIO(text: pem)
        guard let request = PEM_read_bio_X509_REQ(bio.pointer, nil, nil, nil) else {
            throw X509Error.invalidPEM(reason: X509Error.openSSLReason("no certificate request"))
        }
        self.init(taking: request)
    }

    /// The PEM encoding.
    public var pem: String {
        guard let bio = try? OpenSSLMemoryBIO(), PEM_write_bio_X509_REQ(bio.pointer, pointer) == 1 else { return "" }
        return bio.text
    }

    /// The subject's common name, or `nil` when it has none.
    public var subjectCommonName: String? {
        X509Certificate.commonName(of: X509_REQ_get_subject_name(pointer))
    }

    /// The subject name in RFC 2253 form.
    public var subject: String {
        X509Certificate.rfc2253(X509_REQ_get_subject_name(pointer))
    }

    /// Whether the request's signature verifies with the public key it carries (proof that the
    /// requester holds the private key).
    public var hasValidSignature: Bool {
        guard let key = X509_REQ_get0_pubkey(pointer) else { return false }
        let valid = X509_REQ_verify(pointer, key) == 1
        ERR_clear_error()
        return valid
    }

    /// Whether the request carries the public half of `key`.
    public func carriesPublicKey(of key: PrivateKey) -> Bool {
        guard let own = X509_REQ_get0_pubkey(pointer) else { return false }
        return EVP_PKEY_eq(own, key.pointer) == 1
    }
}
