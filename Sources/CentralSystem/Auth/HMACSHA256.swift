import COpenSSL

/// HMAC-SHA256 (RFC 2104 over FIPS 180-4) through libcrypto's one-shot `HMAC()`: the webhook
/// `X-Signature` (reference §4.13), keyed with the API token that created the subscription.
public enum HMACSHA256 {
    /// The 32-byte MAC of `message` under `key`.
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        let result = key.withUnsafeBufferPointer { keyBytes in
            message.withUnsafeBufferPointer { messageBytes in
                output.withUnsafeMutableBufferPointer { out in
                    HMAC(
                        EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count), messageBytes.baseAddress,
                        messageBytes.count, out.baseAddress, &length)
                }
            }
        }
        // HMAC() only fails when libcrypto cannot allocate its context.
        precondition(result != nil && length == SHA256_DIGEST_LENGTH, "libcrypto HMAC(SHA-256) failed")
        return output
    }

    /// The lower-case hex MAC of `message` under the UTF-8 bytes of `key` ([INF] hex, as Laravel's
    /// `hash_hmac` gives by default; the reference leaves the encoding open).
    public static func hex(key: String, message: [UInt8]) -> String {
        let hexDigits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for byte in mac(key: Array(key.utf8), message: message) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return text
    }
}
