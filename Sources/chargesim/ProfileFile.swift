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

    /// A traffic file (`--traffic`), reported the same way.
    static func loadTraffic(_ path: String) throws -> TrafficProfile {
        do {
            return try TrafficLoader().load(contentsOf: URL(fileURLWithPath: path), file: path)
        } catch {
            for line in error.lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            throw ExitCode(65)
        }
    }

    /// A chaos file (`--chaos`), reported the same way.
    static func loadChaos(_ path: String) throws -> ChaosProfile {
        do {
            return try ChaosLoader().load(contentsOf: URL(fileURLWithPath: path), file: path)
        } catch {
            for line in error.lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            throw ExitCode(65)
        }
    }
}
