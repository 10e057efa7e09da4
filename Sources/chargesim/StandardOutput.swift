import Foundation

/// Writes to standard output at once: `print` is block-buffered when stdout is a pipe, and a
/// script waiting for the demo's instructions must not wait for a buffer to fill.
enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
