import Foundation

/// A fresh, uniquely named folder under the system's temporary directory, for tests that
/// write files (broken profiles, state directories); `remove()` deletes it and its contents.
public struct TemporaryDirectory: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder; `prefix` makes leftovers easy to recognise.
    public init(prefix: String = "chargesim-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` inside the folder and returns the file's URL.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(contents.utf8).write(to: file)
        return file
    }

    /// Deletes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
