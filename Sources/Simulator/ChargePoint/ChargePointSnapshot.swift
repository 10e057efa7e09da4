import OCPP16

/// What a charger keeps across a restart: exported with ``ChargePoint/snapshot`` and given back
/// to ``ChargePoint/init(profile:chargePointId:index:random:resumingFrom:now:)``.
public struct ChargePointSnapshot: Sendable, Equatable, Codable {
    /// A transaction that was running, by connector.
    public struct Transaction: Sendable, Equatable, Codable {
        /// The connector it runs on.
        public var connectorId: Int
        /// The charger's own number for it.
        public var localId: Int
        /// The central system's id, once StartTransaction was answered.
        public var transactionId: Int?
        /// The tag that started it.
        public var idTag: String
        /// The tag's parent id tag, if known (a tag with the same parent may stop it).
        public var parentIdTag: String?
        /// The register at the start, Wh.
        public var meterStart: Int
        /// When StartTransaction was made.
        public var startedAt: OCPPTimestamp
        /// The reservation it used, if any.
        public var reservationId: Int?
        /// The EV's name in the profile's mix, to plug it back in.
        public var evName: String?
        /// The EV's state of charge, %.
        public var evSoCPercent: Double?

        public init(
            connectorId: Int, localId: Int, transactionId: Int?, idTag: String, parentIdTag: String?,
            meterStart: Int, startedAt: OCPPTimestamp, reservationId: Int?, evName: String?, evSoCPercent: Double?
        ) {
            self.connectorId = connectorId
            self.localId = localId
            self.transactionId = transactionId
            self.idTag = idTag
            self.parentIdTag = parentIdTag
            self.meterStart = meterStart
            self.startedAt = startedAt
            self.reservationId = reservationId
            self.evName = evName
            self.evSoCPercent = evSoCPercent
        }
    }

    /// Transactions in progress.
    public var transactions: [Transaction]
    /// Energy registers by connector id, Wh.
    public var registersWh: [Int: Double]
    /// Transaction messages not yet confirmed, in order.
    public var queuedMessages: [TransactionQueueEntry]
    /// ChangeConfiguration values on top of the profile's defaults.
    public var configurationOverrides: [String: String]
    /// Connectors set Inoperative by ChangeAvailability (persistent across reboots, §5.2).
    public var inoperativeConnectors: [Int]
    /// The next local transaction number.
    public var nextLocalTransactionId: Int
    /// The next queue entry id.
    public var nextEntryId: UInt64
    /// The local authorization list and cache.
    public var authorization: AuthorizationStore?
    /// Reservations not yet used or expired.
    public var reservations: ReservationBook?
    /// The installed charging profiles (OCPP 1.6 §3.13); nil in snapshots from before smart charging.
    public var chargingProfiles: ChargingProfileStore?
    /// The firmware version installed by UpdateFirmware (§5.19); nil: the profile's.
    public var firmwareVersion: String?
    /// The security log (security extension); nil in snapshots from before it.
    public var securityLog: SecurityLog?
    /// A raised `SecurityProfile` not yet confirmed by a connection (security extension A05),
    /// so a charger restarted mid-switch still falls back to the profile that worked; nil when
    /// none is pending (and in snapshots from before it).
    public var securityProfileUpgrade: SecurityProfileUpgrade?

    public init(
        transactions: [Transaction] = [], registersWh: [Int: Double] = [:],
        queuedMessages: [TransactionQueueEntry] = [], configurationOverrides: [String: String] = [:],
        inoperativeConnectors: [Int] = [], nextLocalTransactionId: Int = 1, nextEntryId: UInt64 = 1,
        authorization: AuthorizationStore? = nil, reservations: ReservationBook? = nil,
        chargingProfiles: ChargingProfileStore? = nil, firmwareVersion: String? = nil,
        securityLog: SecurityLog? = nil, securityProfileUpgrade: SecurityProfileUpgrade? = nil
    ) {
        self.securityProfileUpgrade = securityProfileUpgrade
        self.securityLog = securityLog
        self.firmwareVersion = firmwareVersion
        self.chargingProfiles = chargingProfiles
        self.authorization = authorization
        self.reservations = reservations
        self.transactions = transactions
        self.registersWh = registersWh
        self.queuedMessages = queuedMessages
        self.configurationOverrides = configurationOverrides
        self.inoperativeConnectors = inoperativeConnectors
        self.nextLocalTransactionId = nextLocalTransactionId
        self.nextEntryId = nextEntryId
    }
}
