import COpenSSL
import Foundation

/// The `Sec-WebSocket-Accept` value of RFC 6455 section 4.2.2: base64 of the SHA-1 of the
/// client's key followed by the protocol GUID. SHA-1 comes from the system's libcrypto.
public enum WebSocketAccept {
    /// The GUID that RFC 6455 section 1.3 appends to every key.
    public static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// Computes the accept value the server must answer for `key`.
    public static func value(forKey key: String) -> String {
        let digest = sha1(Array((key + guid).utf8))
        return Data(digest).base64EncodedString()
    }

    /// SHA-1 through libcrypto's one-shot EVP digest.
    static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha1(), nil)
            }
        }
        // EVP_Digest with SHA-1 only fails on allocation failure inside libcrypto.
        precondition(ok == 1 && length == SHA_DIGEST_LENGTH, "libcrypto EVP_Digest(SHA-1) failed")
        return digest
    }
}
