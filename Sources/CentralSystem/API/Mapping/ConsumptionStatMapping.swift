import Foundation
import PublicAPI

extension ConsumptionStat {
    /// At most this many points for a finished session (reference §4.6).
    static let maximumPoints = 300

    /// The consumption stats of a session: energy since the start (Wh, from the register samples
    /// minus `meterStart`) and power (W) per sample; a finished session's series is thinned evenly
    /// to at most 300 points, keeping the last.
    static func points(_ samples: [MeterSampleRecord], session: SessionRecord) -> [ConsumptionStat] {
        let all = samples.map { sample in
            ConsumptionStat(
                energy: sample.energyWh.map { max(0, $0 - Double(session.meterStart)) }, power: sample.powerW,
                timestamp: sample.timestamp)
        }
        guard session.status != .active, all.count > maximumPoints else { return all }
        let stride = Double(all.count - 1) / Double(maximumPoints - 1)
        return (0..<maximumPoints).map { all[Int((Double($0) * stride).rounded())] }
    }
}
