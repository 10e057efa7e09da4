import COpenSSL
import COpenSSLShim

/// A private key (with its public half) held by OpenSSL: generated here or read from PEM.
///
/// `@unchecked Sendable`: the `EVP_PKEY*` is owned by this object and never changed after it is
/// made; OpenSSL 3 allows concurrent signing and encoding with one key.
public final class PrivateKey: @unchecked Sendable {
    /// The kinds of key this package generates.
    public enum Algorithm: Sendable, Equatable {
        /// ECDSA on NIST P-256 (`prime256v1`): small, fast, and what the OCPP security extension's
        /// TLS cipher suites expect first.
        case ecP256
        /// RSA with a 2048-bit modulus.
        case rsa2048
    }

    /// The `EVP_PKEY*`, owned by this object.
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// Generates a new key from OpenSSL's CSPRNG.
    public convenience init(generating algorithm: Algorithm = .ecP256) throws {
        ERR_clear_error()
        let generated: OpaquePointer?
        switch algorithm {
        case .ecP256: generated = chargesim_EVP_EC_gen("P-256")
        case .rsa2048: generated = chargesim_EVP_RSA_gen(2048)
        }
        guard let generated else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("key generation failed"))
        }
        self.init(taking: generated)
    }

    /// Reads an unencrypted PEM private key (PKCS#8 `PRIVATE KEY`, or the traditional
    /// `EC PRIVATE KEY` / `RSA PRIVATE KEY`).
    public convenience init(pem: String) throws {
        ERR_clear_error()
        let bio = try OpenSSLMemoryBIO(text: pem)
        guard let key = PEM_read_bio_PrivateKey(bio.pointer, nil, nil, nil) else {
            throw X509Error.invalidPEM(reason: X509Error.openSSLReason("no private key"))
        }
        self.init(taking: key)
    }

    /// The key as unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). Secret: store it with
    /// owner-only permissions and never log it.
    public var pem: String {
        guard let bio = try? OpenSSLMemoryBIO(),
            PEM_write_bio_PKCS8PrivateKey(bio.pointer, pointer, nil, nil, 0, nil, nil) == 1
        else { return "" }
        return bio.text
    }

    /// The public half as PEM (`-----BEGIN PUBLIC KEY-----`, SubjectPublicKeyInfo).
    public var publicKeyPEM: String {
        guard let bio = try? OpenSSLMemoryBIO(), PEM_write_bio_PUBKEY(bio.pointer, pointer) == 1 else { return "" }
        return bio.text
    }

    /// The algorithm of this key, or `nil` for one this package does not generate.
    public var algorithm: Algorithm? {
        switch EVP_PKEY_get_base_id(pointer) {
        case EVP_PKEY_EC:
            var group = [CChar](repeating: 0, count: 64)
            var length = 0
            guard EVP_PKEY_get_group_name(pointer, &group, group.count, &length) == 1 else { return nil }
            let name = String(decoding: group.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return name == "prime256v1" || name == "P-256" ? .ecP256 : nil
        case EVP_PKEY_RSA: return EVP_PKEY_get_bits(pointer) == 2048 ? .rsa2048 : nil
        default: return nil
        }
    }

    /// Whether `other` has the same public key.
    public func hasSamePublicKey(as other: PrivateKey) -> Bool {
        EVP_PKEY_eq(pointer, other.pointer) == 1
    }
}
