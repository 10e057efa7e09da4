import Foundation

/// A charging session, sessions v1.0 (reference §4.6). `id` is a string here though an integer elsewhere (§6.1).
public struct Session: Codable, Hashable, Sendable {
    /// `id`: Session id as a string.
    public var id: String
    /// `status`: Lifecycle status.
    public var status: SessionStatus
    /// `userId`: User, `null` when anonymous.
    @ExplicitNull public var userId: Int?
    /// `authorizationId`: Authorization that started it.
    @ExplicitNull public var authorizationId: Int?
    /// `energy`: Deprecated: Wh, same as `energyConsumption.total`.
    public var energy: Double
    /// `energyConsumption`: Energy in Wh.
    public var energyConsumption: EnergyConsumption
    /// `chargePointId`: Charge point system id.
    public var chargePointId: Int
    /// `evseId`: EVSE system id.
    public var evseId: Int
    /// `connectorId`: Connector.
    public var connectorId: Int?
    /// `reason`: Why it ended or failed.
    public var reason: SessionReason?
    /// `idTag`: RFID UID, or `*` + zero-padded id for remote starts.
    public var idTag: String?
    /// `idTagLabel`: Id tag label.
    public var idTagLabel: String?
    /// `startedAt`: Start.
    public var startedAt: Date
    /// `stoppedAt`: Stop, absent while active.
    public var stoppedAt: Date?
    /// `power`: Power in W.
    public var power: SessionPower?
    /// `socPercent`: State of charge.
    public var socPercent: Double?
    /// `amount`: Deprecated: use `totalAmount`.
    public var amount: Decimal?
    /// `totalAmount`: Price, set once billed.
    public var totalAmount: MoneyAmount?
    /// `currency`: ISO 4217 code.
    public var currency: String?
    /// `tax`: Deprecated tax block.
    public var tax: SessionTax?
    /// `paymentType`: Payment type.
    public var paymentType: PaymentType?
    /// `paymentMethodId`: Payment method.
    public var paymentMethodId: String?
    /// `paymentStatus`: Payment state.
    public var paymentStatus: PaymentStatus?
    /// `billingStatus`: Billing state.
    @ExplicitNull public var billingStatus: BillingStatus?
    /// `chargingPeriods`: With `withChargingPeriods`.
    public var chargingPeriods: [JSONValue]?
    /// `priceBreakdown`: With `withPriceBreakdown`, once billing completed.
    public var priceBreakdown: [PriceBreakdownItem]?
    /// `clockAlignedEnergyConsumption`: With `withClockAlignedEnergyConsumption`.
    public var clockAlignedEnergyConsumption: [JSONValue]?
    /// `authorization`: With `withAuthorization`.
    public var authorization: SessionAuthorization?
    /// `bookingId`: Booking.
    public var bookingId: Int?
    /// `terminalId`: Payment terminal.
    public var terminalId: Int?
    /// `nonBillableEnergy`: Energy not billed, Wh.
    public var nonBillableEnergy: Double?
    /// `tariffSnapshotId`: Tariff frozen at start.
    public var tariffSnapshotId: Int?
    /// `electricityCost`: Electricity cost.
    public var electricityCost: Decimal?
    /// `evsePhysicalReference`: EVSE label.
    public var evsePhysicalReference: String?
    /// `originalSessionId`: Session this one extends.
    public var originalSessionId: Int?
    /// `extendedBySessionId`: Session extending this one.
    public var extendedBySessionId: Int?
    /// `paymentStatusUpdatedAt`: Payment status change.
    public var paymentStatusUpdatedAt: Date?
    /// `receiptId`: Deprecated receipt.
    public var receiptId: Int?
    /// `externalSessionId`: Deprecated external id.
    public var externalSessionId: String?
    /// `externalAppData`: External app data.
    public var externalAppData: JSONValue?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        id: String, status: SessionStatus, userId: Int? = nil, authorizationId: Int? = nil, energy: Double,
        energyConsumption: EnergyConsumption, chargePointId: Int, evseId: Int, connectorId: Int? = nil,
        reason: SessionReason? = nil, idTag: String? = nil, idTagLabel: String? = nil, startedAt: Date,
        stoppedAt: Date? = nil, power: SessionPower? = nil, socPercent: Double? = nil, amount: Decimal? = nil,
        totalAmount: MoneyAmount? = nil, currency: String? = nil, tax: SessionTax? = nil,
        paymentType: PaymentType? = nil, paymentMethodId: String? = nil, paymentStatus: PaymentStatus? = nil,
        billingStatus: BillingStatus? = nil, chargingPeriods: [JSONValue]? = nil,
        priceBreakdown: [PriceBreakdownItem]? = nil, clockAlignedEnergyConsumption: [JSONValue]? = nil,
        authorization: SessionAuthorization? = nil, bookingId: Int? = nil, terminalId: Int? = nil,
        nonBillableEnergy: Double? = nil, tariffSnapshotId: Int? = nil, electricityCost: Decimal? = nil,
        evsePhysicalReference: String? = nil, originalSessionId: Int? = nil, extendedBySessionId: Int? = nil,
        paymentStatusUpdatedAt: Date? = nil, receiptId: Int? = nil, externalSessionId: String? = nil,
        externalAppData: JSONValue? = nil, lastUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.status = status
        self.userId = userId
        self.authorizationId = authorizationId
        self.energy = energy
        self.energyConsumption = energyConsumption
        self.chargePointId = chargePointId
        self.evseId = evseId
        self.connectorId = connectorId
        self.reason = reason
        self.idTag = idTag
        self.idTagLabel = idTagLabel
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.power = power
        self.socPercent = socPercent
        self.amount = amount
        self.totalAmount = totalAmount
        self.currency = currency
        self.tax = tax
        self.paymentType = paymentType
        self.paymentMethodId = paymentMethodId
        self.paymentStatus = paymentStatus
        self.billingStatus = billingStatus
        self.chargingPeriods = chargingPeriods
        self.priceBreakdown = priceBreakdown
        self.clockAlignedEnergyConsumption = clockAlignedEnergyConsumption
        self.authorization = authorization
        self.bookingId = bookingId
        self.terminalId = terminalId
        self.nonBillableEnergy = nonBillableEnergy
        self.tariffSnapshotId = tariffSnapshotId
        self.electricityCost = electricityCost
        self.evsePhysicalReference = evsePhysicalReference
        self.originalSessionId = originalSessionId
        self.extendedBySessionId = extendedBySessionId
        self.paymentStatusUpdatedAt = paymentStatusUpdatedAt
        self.receiptId = receiptId
        self.externalSessionId = externalSessionId
        self.externalAppData = externalAppData
        self.lastUpdatedAt = lastUpdatedAt
    }
}
