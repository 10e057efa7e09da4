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
        for rule in rules where result.range(of: rule.trigger, options: .caseInsensitive) != nil {
            let range = NSRange(result.startIndex..., in: result)
            result = rule.expression.stringByReplacingMatches(
                in: result, options: [], range: range, withTemplate: rule.template)
        }
        return result
    }
}
