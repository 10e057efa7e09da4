#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX calls behind the state directory: appends and whole-file replacements that are on
/// stable storage (`fsync`) when they return. Blocking; called on the charger's event loop,
/// which keeps "written before sent" trivially ordered.
enum DurableFile {
    /// Appends `bytes` to `path` (created if missing) and fsyncs it.
    static func append(_ bytes: [UInt8], to path: String) throws(PersistenceError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path, "open") }
        defer { close(fd) }
        try writeAll(bytes, fd: fd, path: path)
        guard fsync(fd) == 0 else { throw failure(path, "fsync") }
    }

    /// Replaces `path` atomically: writes `path.tmp`, fsyncs it, renames it over `path` and
    /// fsyncs the folder, so a crash leaves either the old or the new content.
    /// `mode` is set on the file whatever the umask or an earlier leftover (0600 for secrets).
    static func replace(_ path: String, with bytes: [UInt8], mode: mode_t = 0o644) throws(PersistenceError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(temporary, "open") }
        defer { close(fd) }
        // Before the first byte: a secret is never readable by others, not even for a moment.
        guard fchmod(fd, mode) == 0 else { throw failure(temporary, "fchmod") }
        try writeAll(bytes, fd: fd, path: temporary)
        guard fsync(fd) == 0 else { throw failure(temporary, "fsync") }
        guard rename(temporary, path) == 0 else { throw failure(path, "rename") }
        syncFolder(of: path)
    }

    /// The whole content of `path`, or nil when it does not exist.
    static func contents(of path: String) throws(PersistenceError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw failure(path, "open")
        }
        defer { close(fd) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "read")
            }
            if count == 0 { return content }
            content.append(contentsOf: chunk[0..<count])
        }
    }

    /// Creates `path` and its parents when missing.
    static func makeFolder(_ path: String) throws(PersistenceError) {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o755) != 0, errno != EEXIST { throw failure(built, "mkdir") }
        }
    }

    /// Deletes `path` if it exists.
    static func remove(_ path: String) {
        unlink(path)
    }

    private static func writeAll(_ bytes: [UInt8], fd: Int32, path: String) throws(PersistenceError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "write")
            }
            offset += written
        }
    }

    private static func syncFolder(of path: String) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        // Best effort: some file systems refuse fsync on a folder; the rename is still atomic.
        _ = fsync(fd)
        close(fd)
    }

    private static func failure(_ path: String, _ call: String) -> PersistenceError {
        PersistenceError(path: path, reason: "\(call): \(String(cString: strerror(errno)))")
    }
}
