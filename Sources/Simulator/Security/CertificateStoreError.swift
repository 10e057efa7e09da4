/// Why a ``CertificateStore`` could not be loaded from its storage, or could not start a
/// certificate signing request.
public enum CertificateStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stored file does not hold what its name says (a broken PEM, a key that does not match
    /// the stored certificate).
    case corruptFile(name: String, reason: String)
    /// The storage failed to read or write a file.
    case storageFailed(name: String, reason: String)
    /// A key pair or certificate signing request could not be made.
    case requestFailed(reason: String)

    public var description: String {
        switch self {
        case .corruptFile(let name, let reason): return "certificate store file \(name) is unusable: \(reason)"
        case .storageFailed(let name, let reason): return "certificate store file \(name): \(reason)"
        case .requestFailed(let reason): return "cannot make a certificate signing request: \(reason)"
        }
    }
}
