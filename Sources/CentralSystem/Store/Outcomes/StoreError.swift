/// What a store method refuses, each with enough detail for the OCPP or HTTP answer.
public enum StoreError: Error, Hashable, Sendable {
    /// No charge point has this OCPP identity (and auto-registration is off).
    case unknownChargePoint(identity: String)
    /// No row of `table` has this id.
    case notFound(table: String, id: Int64)
    /// A transaction message named a connector that cannot carry one (OCPP connectorId must be ≥ 1).
    case invalidConnector(Int)
}
