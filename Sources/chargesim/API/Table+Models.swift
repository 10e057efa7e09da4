import Foundation
import PublicAPI

/// The tables `chargesim api` prints for each resource.
extension Table {
    static func chargePoints(_ items: [ChargePoint]) -> Table {
        Table(
            headers: ["ID", "IDENTITY", "NAME", "STATUS", "NETWORK", "HARDWARE"],
            rows: items.map { item in
                [
                    String(item.id), item.network?.id ?? "-", item.name ?? "-", item.status?.rawValue ?? "-",
                    item.networkStatus?.rawValue ?? "-", item.hardwareStatus?.rawValue ?? "-",
                ]
            })
    }

    static func evses(_ items: [EVSE], identities: [Int: String]) -> Table {
        Table(
            headers: ["ID", "CHARGE POINT", "EVSE", "STATUS", "HARDWARE", "MAX POWER W"],
            rows: items.map { item in
                [
                    String(item.id), item.chargePointId.map { identities[$0] ?? String($0) } ?? "-", item.networkId,
                    item.status.rawValue, item.hardwareStatus?.rawValue ?? "-",
                    item.powerOptions?.maxPower.map { String($0) } ?? "-",
                ]
            })
    }

    static func sessions(_ items: [Session], identities: [Int: String]) -> Table {
        Table(
            headers: [
                "ID", "CHARGE POINT", "EVSE ID", "STATUS", "ID TAG", "ENERGY WH", "POWER W", "STARTED", "STOPPED",
            ],
            rows: items.map { item in
                [
                    item.id, identities[item.chargePointId] ?? String(item.chargePointId), String(item.evseId),
                    item.status.rawValue, item.idTag ?? "-", format(item.energy),
                    item.power?.latest.map { format($0) } ?? "-", PublicAPIJSON.formatTimestamp(item.startedAt),
                    item.stoppedAt.map(PublicAPIJSON.formatTimestamp) ?? "-",
                ]
            })
    }

    static func session(_ item: Session, identity: String?) -> Table {
        Table(
            headers: ["FIELD", "VALUE"],
            rows: [
                ["id", item.id], ["status", item.status.rawValue],
                ["chargePoint", identity ?? String(item.chargePointId)], ["evseId", String(item.evseId)],
                ["idTag", item.idTag ?? "-"], ["energy", format(item.energy) + " Wh"],
                ["power", item.power?.latest.map { format($0) + " W" } ?? "-"],
                ["startedAt", PublicAPIJSON.formatTimestamp(item.startedAt)],
                ["stoppedAt", item.stoppedAt.map(PublicAPIJSON.formatTimestamp) ?? "-"],
                ["reason", item.reason?.rawValue ?? "-"],
            ])
    }

    static func fields(_ pairs: [(String, String)]) -> Table {
        Table(headers: ["FIELD", "VALUE"], rows: pairs.map { [$0.0, $0.1] })
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
