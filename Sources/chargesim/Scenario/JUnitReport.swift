import Foundation

/// The JUnit XML report of scenario runs (`--junit FILE`): one `<testsuite>` per scenario, one
/// `<testcase>` per step, `<failure>` with the message, `<skipped/>` after a failure.
struct JUnitReport {
    /// One scenario's results.
    struct Suite {
        var name: String
        var results: [ScenarioStepResult]
        var timestamp: Date
    }

    var suites: [Suite]

    var xml: String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let all = suites.flatMap(\.results)
        lines.append(
            "<testsuites tests=\"\(all.count)\" failures=\"\(Self.failures(all))\" time=\"\(Self.time(all))\">")
        for suite in suites {
            let skipped = suite.results.filter { $0.outcome == .skipped }.count
            lines.append(
                "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.results.count)\" "
                    + "failures=\"\(Self.failures(suite.results))\" errors=\"0\" skipped=\"\(skipped)\" "
                    + "time=\"\(Self.time(suite.results))\" "
                    + "timestamp=\"\(suite.timestamp.formatted(.iso8601))\">")
            for (index, result) in suite.results.enumerated() {
                let open =
                    "    <testcase classname=\"\(Self.escape(suite.name))\" "
                    + "name=\"\(Self.escape("\(index + 1). \(result.title)"))\" time=\"\(String(format: "%.3f", result.duration))\""
                switch result.outcome {
                case .passed:
                    lines.append(open + "/>")
                case .failed(let message):
                    lines.append(open + ">")
                    lines.append("      <failure message=\"\(Self.escape(message))\">\(Self.escape(message))</failure>")
                    lines.append("    </testcase>")
                case .skipped:
                    lines.append(open + ">")
                    lines.append("      <skipped message=\"an earlier step failed\"/>")
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func failures(_ results: [ScenarioStepResult]) -> Int {
        results.filter {
            if case .failed = $0.outcome { return true }
            return false
        }.count
    }

    private static func time(_ results: [ScenarioStepResult]) -> String {
        String(format: "%.3f", results.reduce(0) { $0 + $1.duration })
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n": escaped += "&#10;"
            default:
                // XML 1.0 allows no other control characters.
                if character.value < 0x20 && character != "\t" { continue }
                escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
