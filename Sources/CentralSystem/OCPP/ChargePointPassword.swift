import COpenSSL
import Foundation

/// The Basic-auth password of a charge point (OCPP 1.6 security profiles 1 and 2: user = the
/// charge point id, password = `AuthorizationKey`), kept only as a salted SHA-256 hash in
/// `charge_point.passwordHash`, in the form `sha256$<salt hex>$<digest hex>`.
public enum ChargePointPassword {
    /// The hash to store for `password`, with a fresh random salt.
    public static func hash(_ password: String) -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        return hash(password, salt: salt)
    }

    /// The hash of `password` with this salt.
    public static func hash(_ password: String, salt: [UInt8]) -> String {
        "sha256$\(hex(salt))$\(hex(sha256(salt + Array(password.utf8))))"
    }

    /// Whether `password` matches `stored` (compared in constant time). A stored value that is
    /// not in our format never matches.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "sha256", let salt = bytes(fromHex: parts[1]) else { return false }
        let expected = Array(hash(password, salt: salt).utf8)
        let actual = Array(stored.utf8)
        guard expected.count == actual.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(expected, actual) { difference |= left ^ right }
        return difference == 0
    }

    private static func sha256(_ input: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = input.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil)
        }
        // EVP_Digest with a built-in digest fails only when out of memory.
        precondition(ok == 1, "EVP_Digest(SHA-256) failed")
        return Array(digest.prefix(Int(length)))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
    }

    private static func bytes(fromHex text: Substring) -> [UInt8]? {
        guard text.count.isMultiple(of: 2) else { return nil }
        var result: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            result.append(byte)
            index = next
        }
        return result
    }
}
