import Foundation

/// Body of set-charging-profile (reference §5; OCPP 1.6 §7.13).
public struct SetChargingProfileBody: Codable, Hashable, Sendable {
    /// `stackLevel`: Stack level.
    public var stackLevel: Int
    /// `chargingProfilePurpose`: Purpose.
    public var chargingProfilePurpose: ProfilePurpose
    /// `chargingProfileKind`: Kind.
    public var chargingProfileKind: ProfileKind
    /// `recurrencyKind`: Daily or Weekly.
    public var recurrencyKind: ProfileRecurrency?
    /// `transactionId`: Transaction (TxProfile).
    public var transactionId: Int?
    /// `validFrom`: Valid from.
    public var validFrom: Date?
    /// `validTo`: Valid to.
    public var validTo: Date?
    /// `chargingSchedule`: Schedule.
    public var chargingSchedule: ChargingScheduleBody

    /// Creates the value; optional fields default to absent.
    public init(
        stackLevel: Int, chargingProfilePurpose: ProfilePurpose, chargingProfileKind: ProfileKind,
        recurrencyKind: ProfileRecurrency? = nil, transactionId: Int? = nil, validFrom: Date? = nil,
        validTo: Date? = nil, chargingSchedule: ChargingScheduleBody
    ) {
        self.stackLevel = stackLevel
        self.chargingProfilePurpose = chargingProfilePurpose
        self.chargingProfileKind = chargingProfileKind
        self.recurrencyKind = recurrencyKind
        self.transactionId = transactionId
        self.validFrom = validFrom
        self.validTo = validTo
        self.chargingSchedule = chargingSchedule
    }
}
