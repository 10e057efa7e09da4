import COpenSSL

/// An `X509_NAME` built from a common name and an optional organisation, freed on deinit.
final class X509Name {
    let pointer: OpaquePointer

    init(commonName: String, organization: String?) throws {
        guard let name = X509_NAME_new() else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("X509_NAME_new failed"))
        }
        pointer = name
        // Most significant first, as distinguished names are conventionally written: O, then CN.
        var entries: [(String, String)] = []
        if let organization, !organization.isEmpty { entries.append(("O", organization)) }
        entries.append(("CN", commonName))
        for (field, value) in entries {
            let bytes = Array(value.utf8)
            let added = bytes.withUnsafeBufferPointer {
                X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, $0.baseAddress, Int32($0.count), -1, 0)
            }
            guard added == 1 else {
                throw X509Error.invalidArgument(
                    "cannot put \(field)=\(value) in a name: " + X509Error.openSSLReason("rejected by OpenSSL"))
            }
        }
    }

    deinit {
        X509_NAME_free(pointer)
    }
}
