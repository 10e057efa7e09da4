import COpenSSL
import COpenSSLShim

/// A memory `BIO` for one PEM read or write, freed on deinit.
final class OpenSSLMemoryBIO {
    let pointer: OpaquePointer

    /// An empty BIO to write into.
    init() throws {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("BIO_new failed"))
        }
        pointer = bio
    }

    /// A BIO holding a copy of `text`, to read from.
    init(text: String) throws {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw X509Error.operationFailed(reason: X509Error.openSSLReason("BIO_new failed"))
        }
        pointer = bio
        let bytes = Array(text.utf8)
        if !bytes.isEmpty {
            guard bytes.withUnsafeBytes({ BIO_write(bio, $0.baseAddress, Int32($0.count)) }) == Int32(bytes.count)
            else {
                throw X509Error.operationFailed(reason: X509Error.openSSLReason("BIO_write failed"))
            }
        }
    }

    deinit {
        BIO_free(pointer)
    }

    /// Everything written so far, as text (PEM is ASCII).
    var text: String {
        var data: UnsafeMutablePointer<CChar>?
        let length = chargesim_BIO_get_mem_data(pointer, &data)
        guard let data, length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }

    /// Whether nothing is left to read.
    var isExhausted: Bool { chargesim_BIO_pending(pointer) == 0 }
}
