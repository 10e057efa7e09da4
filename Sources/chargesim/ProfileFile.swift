import ArgumentParser
import Foundation
import Simulator

/// Loading a charger profile from the command line: every problem goes to standard error as
/// `FILE:LINE: field: problem`, and the command exits 65 (`EX_DATAERR`).
enum ProfileFile {
    static func load(_ path: String) throws -> ChargerProfile {
        try reporting { () throws(ProfileLoadError) in
            try ProfileLoader().load(contentsOf: URL(fileURLWithPath: path), file: path)
        }
    }

    /// A traffic file (`--traffic`), reported the same way.
    static func loadTraffic(_ path: String) throws -> TrafficProfile {
        try reporting { () throws(ProfileLoadError) in
            try TrafficLoader().load(contentsOf: URL(fileURLWithPath: path), file: path)
        }
    }

    /// A chaos file (`--chaos`), reported the same way.
    static func loadChaos(_ path: String) throws -> ChaosProfile {
        try reporting { () throws(ProfileLoadError) in
            try ChaosLoader().load(contentsOf: URL(fileURLWithPath: path), file: path)
        }
    }

    private static func reporting<T>(_ load: () throws(ProfileLoadError) -> T) throws -> T {
        do {
            return try load()
        } catch {
            for line in error.lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            throw ExitCode(65)
        }
    }
}
