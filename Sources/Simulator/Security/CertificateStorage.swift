/// Where a ``CertificateStore`` keeps its files: PEM text under relative names such as
/// `roots/CentralSystemRootCertificate/<fingerprint>.pem`. The store calls it synchronously on
/// each change; ``CertificateStoreDirectory`` is the file-system implementation.
public protocol CertificateStorage: Sendable {
    /// The contents of `name`, or `nil` when there is no such file.
    func read(_ name: String) throws -> String?
    /// Replaces `name` with `contents` atomically. A `secret` file (a private key) is readable by
    /// its owner only (mode 0600) from the moment it exists.
    func write(_ contents: String, to name: String, secret: Bool) throws
    /// Deletes `name`; deleting a missing file is not an error.
    func remove(_ name: String) throws
    /// The file names directly in `folder`, sorted; empty when the folder does not exist.
    func names(in folder: String) throws -> [String]
}
