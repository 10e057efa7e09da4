import Foundation
import NIOConcurrencyHelpers
import OCPP16

/// `--trace DIR`: every OCPP frame in and out as one JSON line (a ``ControlEvent`` of type
/// `frame`) appended to `DIR/<chargePointId>.jsonl`.
final class FrameTrace: Sendable {
    let directory: String
    private let files = NIOLockedValueBox<[String: FileHandle]>([:])

    /// Creates `directory` if needed.
    init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The trace file of a charger.
    func path(for chargePointId: String) -> String {
        let safe = chargePointId.map { "/\\:".contains($0) ? "_" : String($0) }.joined()
        return (directory as NSString).appendingPathComponent(safe + ".jsonl")
    }

    /// Appends one line.
    func write(_ event: ControlEvent) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(event) else { return }
        line.append(UInt8(ascii: "\n"))
        files.withLockedValue { files in
            let handle: FileHandle
            if let open = files[event.chargePointId] {
                handle = open
            } else {
                let path = path(for: event.chargePointId)
                if !FileManager.default.fileExists(atPath: path) {
                    _ = FileManager.default.createFile(atPath: path, contents: nil)
                }
                guard let opened = FileHandle(forWritingAtPath: path) else { return }
                opened.seekToEndOfFile()
                files[event.chargePointId] = opened
                handle = opened
            }
            handle.write(line)
        }
    }
}
