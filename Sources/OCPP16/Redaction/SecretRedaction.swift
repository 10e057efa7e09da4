import Foundation

/// Takes the secrets out of text bound for a log, a trace or a diagnostics file (Improved
/// security for OCPP 1.6-J: the AuthorizationKey and private keys never leave the charge point
/// in clear): the `value` of a ChangeConfiguration of `AuthorizationKey`, PEM private keys,
/// `Authorization` header credentials (Basic, Bearer) and the password of a `user:password@`
/// URL. What is removed becomes ``marker``; everything else is kept byte for byte.
///
/// Cheap for text without secrets: each rule runs only when its marker word occurs.
public enum SecretRedaction {
    /// What a secret is replaced with.
    public static let marker = "<redacted>"

    private struct Rule: @unchecked Sendable {
        // `@unchecked Sendable`: NSRegularExpression is immutable after init and documented as
        // safe to use from many threads at once.
        let trigger: String
        let expression: NSRegularExpression
        let template: String
    }

    private static let rules: [Rule] = [
        // ["2","id","ChangeConfiguration",{"key":"AuthorizationKey","value":"..."}], either order.
        rule(
            "authorizationkey",
            #"("key"\s*:\s*"AuthorizationKey"\s*,\s*"value"\s*:\s*")((?:[^"\\]|\\.)*)(")"#,
            "$1\(marker)$3"),
        rule(
            "authorizationkey",
            #"("value"\s*:\s*")((?:[^"\\]|\\.)*)("\s*,\s*"key"\s*:\s*"AuthorizationKey")"#,
            "$1\(marker)$3"),
        // AuthorizationKey=... or AuthorizationKey: ... in key/value text.
        rule("authorizationkey", #"(AuthorizationKey\s*[=:]\s*)([^\s,"}]+)"#, "$1\(marker)"),
        rule(
            "private key",
            #"-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"#,
            "-----BEGIN $1PRIVATE KEY-----\(marker)-----END $1PRIVATE KEY-----"),
        rule(
            "authorization", #"(Authorization"?\s*[:=]\s*"?\s*(?:Basic|Bearer|Digest)\s+)([^\s"',;]+)"#, "$1\(marker)"),
        rule("://", #"(://[^/\s:@"]+:)([^/\s@"]+)(@)"#, "$1\(marker)$3"),
    ]

    private static func rule(_ trigger: String, _ pattern: String, _ template: String) -> Rule {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
            preconditionFailure("SecretRedaction: bad pattern \(pattern)")
        }
        return Rule(trigger: trigger, expression: expression, template: template)
    }

    /// `text` with every secret replaced by ``marker``.
    public static func redact(_ text: String) -> String {
        var result = text
        for rule in rules where mentions(rule.trigger, in: result) {
            let range = NSRange(result.startIndex..., in: result)
            result = rule.expression.stringByReplacingMatches(
                in: result, options: [], range: range, withTemplate: rule.template)
        }
        return result
    }

    /// Whether `text` contains `trigger` (lowercase ASCII) ignoring case. Every frame a charger
    /// logs passes here, so ASCII text (nearly all OCPP JSON) is searched byte by byte; only other
    /// text goes through Foundation's Unicode-aware search (which also folds e.g. the Kelvin sign).
    private static func mentions(_ trigger: String, in text: String) -> Bool {
        var text = text
        let ascii: Bool? = text.withUTF8 { haystack in
            var needle = trigger
            return needle.withUTF8 { needle -> Bool? in
                var nonASCII = false
                for byte in haystack where byte >= 0x80 {
                    nonASCII = true
                    break
                }
                if nonASCII { return nil }
                guard let first = needle.first, haystack.count >= needle.count else { return false }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if lowercased(haystack[start]) == first {
                        var offset = 1
                        while offset < needle.count, lowercased(haystack[start + offset]) == needle[offset] {
                            offset += 1
                        }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
        return ascii ?? (text.range(of: trigger, options: .caseInsensitive) != nil)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
