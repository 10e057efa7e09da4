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

    static func idTags(_ items: [IdTag]) -> Table {
        Table(
            headers: ["ID", "UID", "LABEL", "STATUS", "TYPE", "EXPIRES"],
            rows: items.map { item in
                [
                    String(item.id), item.idTagUid, item.idLabel ?? "-", item.status.rawValue, item.type.rawValue,
                    item.expireAt.map(PublicAPIJSON.formatTimestamp) ?? "-",
                ]
            })
    }

    static func locations(_ items: [Location]) -> Table {
        Table(
            headers: ["ID", "NAME", "CITY", "COUNTRY", "TIMEZONE"],
            rows: items.map { item in
                [
                    String(item.id), item.name?.first?.translation ?? "-", item.city?.first?.translation ?? "-",
                    item.country ?? "-", item.timezone ?? "-",
                ]
            })
    }

    static func reservations(_ items: [Reservation], identities: [Int: String]) -> Table {
        Table(
            headers: ["ID", "CHARGE POINT", "EVSE ID", "STATUS", "RESERVED AT", "DURATION S"],
            rows: items.map { item in
                [
                    String(item.id), identities[item.chargePointId] ?? String(item.chargePointId), String(item.evseId),
                    item.status.rawValue, PublicAPIJSON.formatTimestamp(item.reservedAt), String(item.duration),
                ]
            })
    }

    static func tariffs(_ items: [Tariff]) -> Table {
        Table(
            headers: ["ID", "NAME", "TYPE", "CURRENCY", "PER KWH", "CONNECTION FEE"],
            rows: items.map { item in
                [
                    item.id.map { String($0) } ?? "-", item.name, item.type.rawValue, item.currency ?? "-",
                    item.pricing?.pricePerKwh.map { "\($0)" } ?? "-",
                    item.pricing?.connectionFee.map { "\($0)" } ?? "-",
                ]
            })
    }

    static func transactions(_ items: [Transaction]) -> Table {
        Table(
            headers: ["ID", "DATE", "SESSION", "AMOUNT", "CURRENCY", "STATUS"],
            rows: items.map { item in
                [
                    String(item.id), PublicAPIJSON.formatTimestamp(item.date), item.sessionId.map { String($0) } ?? "-",
                    item.totalAmount.map { "\($0)" } ?? "-", item.currency, item.status?.rawValue ?? "-",
                ]
            })
    }

    static func invoices(_ items: [Invoice]) -> Table {
        Table(
            headers: ["ID", "NUMBER", "TYPE", "DATE", "TOTAL", "TAX", "ENERGY"],
            rows: items.map { item in
                [
                    String(item.id), item.number, item.type.rawValue, PublicAPIJSON.formatTimestamp(item.date),
                    "\(item.totalAmount)", "\(item.taxAmount)", item.totalEnergy.map { format($0) } ?? "-",
                ]
            })
    }

    static func fields(_ pairs: [(String, String)]) -> Table {
        Table(headers: ["FIELD", "VALUE"], rows: pairs.map { [$0.0, $0.1] })
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
