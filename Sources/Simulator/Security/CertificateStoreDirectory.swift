import Foundation
import WebSocket

/// A ``CertificateStorage`` in a folder the caller chooses (the charger's state directory).
/// Folders are made with mode 0700; files are written to a temporary name and renamed, and a
/// secret file is created with mode 0600 so a private key is never readable by others, not even
/// for a moment.
public struct CertificateStoreDirectory: CertificateStorage {
    /// The folder holding every file.
    public var directory: URL {
        guard let charger else { return base }
        return base.appendingPathComponent(charger).appendingPathComponent("certificates")
    }

    /// `directory`, or the folder holding a folder per charger.
    private let base: URL
    /// The charger's folder in `base`; nil when `base` is the directory.
    private let charger: String?

    public init(directory: URL) {
        base = directory
        charger = nil
    }

    /// `<folder>/<chargePointId>/certificates`. The chargers of a fleet share `folder`'s URL: a
    /// URL of its own costs every charger ~400 bytes, and the files are rarely touched (issue 11).
    public init(folder: URL, chargePointId: String) {
        base = folder
        charger = chargePointId
    }

    /// The current charge point certificate chain and key files, as a security profile 3 TLS
    /// client loads them; they exist once a CertificateSigned.req was accepted.
    public var chargePointCertificateFiles: TLSConfiguration.CertificateFiles {
        TLSConfiguration.CertificateFiles(
            certificateChainFile: url(CertificateStore.chargePointCertificateName).path,
            privateKeyFile: url(CertificateStore.chargePointKeyName).path)
    }

    /// Why a file operation failed: the path and the system's reason.
    public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public func read(_ name: String) throws -> String? {
        let path = url(name).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    public func write(_ contents: String, to name: String, secret: Bool) throws {
        let target = url(name)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, secret ? 0o600 : 0o644)
        guard descriptor >= 0 else { throw FileError(path: temporary, reason: String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(contents.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError(path: target.path, reason: reason)
        }
    }

    public func remove(_ name: String) throws {
        let path = url(name).path
        guard unlink(path) == 0 || errno == ENOENT else {
            throw FileError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    public func names(in folder: String) throws -> [String] {
        let path = url(folder).path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
    }

    private func url(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }
}
