import Foundation
import Simulator

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fleet's progress on standard error: one line redrawn in place on a terminal
/// (`connected 120/500 booted 118 charging 0 faulted 0`), otherwise a plain line when the counts
/// changed, at most once a second.
final class FleetProgress {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var last: FleetCounts?
    private var drewLine = false

    /// How often the counts are read.
    var interval: Duration { isTerminal ? .milliseconds(250) : .seconds(1) }

    func show(_ counts: FleetCounts) {
        guard counts != last else { return }
        last = counts
        if isTerminal {
            write("\r\u{1B}[2K" + counts.description)
            drewLine = true
        } else {
            write(counts.description + "\n")
        }
    }

    /// Ends the in-place line so the next output starts on its own.
    func finish() {
        if drewLine { write("\n") }
        drewLine = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
