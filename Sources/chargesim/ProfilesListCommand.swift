import ArgumentParser
import Foundation
import Simulator

/// `chargesim profiles list`: one line per profile in a folder, as a table.
struct ProfilesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the charger profiles in a folder: vendor, model, connectors, power.",
        discussion: "A profile that does not load is listed as invalid, and the command exits 65 (EX_DATAERR)."
    )

    @Option(name: .long, help: "The folder holding the profiles (*.yaml).")
    var dir: String = "profiles"

    func run() throws {
        let folder = URL(fileURLWithPath: dir, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
        } catch {
            FileHandle.standardError.write(Data("chargesim profiles list: cannot read the folder \(dir)\n".utf8))
            throw ExitCode(66)
        }
        guard !names.isEmpty else {
            FileHandle.standardError.write(Data("chargesim profiles list: no profiles (*.yaml) in \(dir)\n".utf8))
            throw ExitCode(66)
        }
        var rows = [["FILE", "VENDOR / MODEL", "CONNECTORS", "MAX POWER"]]
        var invalid = 0
        for name in names {
            let url = folder.appendingPathComponent(name)
            do {
                let profile = try ProfileLoader().load(contentsOf: url, file: name)
                rows.append([
                    name,
                    "\(profile.identity.chargePointVendor) \(profile.identity.chargePointModel)",
                    Self.summary(of: profile.connectors),
                    "\(ProfilesListCommand.kilowatts(profile.maxPowerKW)) kW",
                ])
            } catch {
                invalid += 1
                let count = error.problems.count
                let noun = count == 1 ? "problem" : "problems"
                rows.append([name, "invalid: \(count) \(noun), see chargesim profiles validate", "-", "-"])
            }
        }
        print(Self.table(rows), terminator: "")
        if invalid > 0 { throw ExitCode(65) }
    }

    /// `2 × Type2 22 kW`, or `CCS2 150 kW, CHAdeMO 50 kW`: runs of equal connectors grouped.
    static func summary(of connectors: [ProfileConnector]) -> String {
        var groups: [(label: String, count: Int)] = []
        for connector in connectors {
            let label = "\(connector.type.rawValue) \(kilowatts(connector.maxPowerKW)) kW"
            if let last = groups.last, last.label == label {
                groups[groups.count - 1].count += 1
            } else {
                groups.append((label, 1))
            }
        }
        return groups.map { $0.count == 1 ? $0.label : "\($0.count) × \($0.label)" }.joined(separator: ", ")
    }

    /// 7.4 → "7.4", 22 → "22".
    static func kilowatts(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }

    /// Left-aligned columns two spaces apart, no trailing blanks.
    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
