import OCPP16
import Testing

/// What ``SecretRedaction`` removes, and that it leaves everything else alone.
@Suite struct SecretRedactionTests {
    @Test func authorizationKeyInAChangeConfigurationFrame() {
        let frame = #"[2,"42","ChangeConfiguration",{"key":"AuthorizationKey","value":"p4ss\"word-0123456789"}]"#
        #expect(
            SecretRedaction.redact(frame)
                == #"[2,"42","ChangeConfiguration",{"key":"AuthorizationKey","value":"<redacted>"}]"#)
        let reversed = #"{"value":"p4ssword-0123456789","key":"authorizationkey"}"#
        #expect(SecretRedaction.redact(reversed) == #"{"value":"<redacted>","key":"authorizationkey"}"#)
        #expect(
            SecretRedaction.redact("AuthorizationKey=p4ssword-0123456789, x=1") == "AuthorizationKey=<redacted>, x=1")
    }

    @Test func otherKeysAreKept() {
        let frame = #"[2,"1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"300"}]"#
        #expect(SecretRedaction.redact(frame) == frame)
    }

    @Test func privateKeysHeadersAndURLPasswords() {
        let pem = "x -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY----- y"
        #expect(
            SecretRedaction.redact(pem) == "x -----BEGIN EC PRIVATE KEY-----<redacted>-----END EC PRIVATE KEY----- y")
        let escaped = #"{"key":"-----BEGIN PRIVATE KEY-----\nABC\n-----END PRIVATE KEY-----\n"}"#
        #expect(!SecretRedaction.redact(escaped).contains("ABC"))
        #expect(
            SecretRedaction.redact("Authorization: Basic Q1AtMTpzZWNyZXQ=\r\nHost: x")
                == "Authorization: Basic <redacted>\r\nHost: x")
        #expect(
            SecretRedaction.redact(#"{"authorization":"Bearer abc.def"}"#) == #"{"authorization":"Bearer <redacted>"}"#)
        #expect(
            SecretRedaction.redact("wss://CP-1:hunter2@csms.example/ocpp") == "wss://CP-1:<redacted>@csms.example/ocpp")
        let certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"
        #expect(SecretRedaction.redact(certificate) == certificate)
    }

    /// The trigger words are found ignoring case, in ASCII text (searched byte by byte) and in
    /// text with other characters (searched by Foundation) alike.
    @Test func triggersAreFoundInAnyCaseWithOrWithoutNonASCIIText() {
        #expect(SecretRedaction.redact("AUTHORIZATIONKEY: s3cret") == "AUTHORIZATIONKEY: <redacted>")
        #expect(SecretRedaction.redact("Ünïcode AuthorizationKey=s3cret €") == "Ünïcode AuthorizationKey=<redacted> €")
        #expect(SecretRedaction.redact("authorizationke") == "authorizationke")
        #expect(SecretRedaction.redact("") == "")
    }
}
