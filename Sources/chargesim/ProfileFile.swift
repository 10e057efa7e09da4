import ArgumentParser
import Foundation
import Simulator

/// Loading a charger profile from the command line: every problem goes to standard error as
/// `FILE:LINE: field: problem`, and the command exits 65 (`EX_DATAERR`).
enum ProfileFile {
    static func load(_ path: String) throws -> ChargerProfile {
        do {
            return try ProfileLoader().load(contentsOf: URL(fileURLWithPath: path), file: path)
        } catch {
            for line in error.lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            throw ExitCode(65)
        }
    }
}
