import COpenSSL

/// SHA-256 (FIPS 180-4) over libcrypto's EVP interface; API tokens and charge point passwords are
/// stored as its lower-case hex digest, never in clear.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest only fails when libcrypto cannot allocate its context.
        precondition(ok == 1 && length == SHA256_DIGEST_LENGTH, "libcrypto EVP_Digest(SHA-256) failed")
        return digest
    }

    /// The lower-case hex digest of the UTF-8 bytes of `text`.
    public static func hex(_ text: String) -> String {
        let hexDigits = Array("0123456789abcdef")
        var result = ""
        result.reserveCapacity(64)
        for byte in digest(Array(text.utf8)) {
            result.append(hexDigits[Int(byte >> 4)])
            result.append(hexDigits[Int(byte & 0x0f)])
        }
        return result
    }
}
