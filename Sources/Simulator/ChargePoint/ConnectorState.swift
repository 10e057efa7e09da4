import OCPP16

/// One connector of a ``ChargePoint`` as the machine sees it: availability, fault, what is
/// going on (preparing, a transaction, finishing), and what was last reported.
/// The OCPP status is derived from this, never stored on its own.
struct ConnectorState: Sendable {
    /// The free texts of a fault or a report (`info`, `vendorErrorCode`), kept out of line: most
    /// statuses have neither, and two inline optional strings cost every report 32 bytes (four
    /// reports per connector; issue 11: memory per idle charger).
    struct Texts: Sendable, Equatable {
        var info: String?
        var vendorErrorCode: String?

        /// Nil when there is neither text, so that a report without texts holds no box.
        static func make(info: String?, vendorErrorCode: String?) -> Texts? {
            info == nil && vendorErrorCode == nil ? nil : Texts(info: info, vendorErrorCode: vendorErrorCode)
        }
    }

    /// A fault set by the user or the fault injector (OCPP 1.6 §7.6 ChargePointErrorCode).
    struct Fault: Sendable, Equatable, CarriesErrorTexts {
        var errorCode: ChargePointErrorCode
        @OutOfLine var texts: Texts?

        init(errorCode: ChargePointErrorCode, info: String? = nil, vendorErrorCode: String? = nil) {
            self.errorCode = errorCode
            self._texts = OutOfLine(wrappedValue: Texts.make(info: info, vendorErrorCode: vendorErrorCode))
        }

        /// The texts' box, for a report of this fault to share.
        fileprivate var textsBox: OutOfLine<Texts> { _texts }
    }

    /// How far an authorization for a start has got.
    enum Authorization: Sendable, Equatable {
        /// No id tag yet (cable in, waiting for a tag).
        case none
        /// An Authorize.req is in flight for `idTag`.
        case awaiting
        /// The tag may start; `parentIdTag` from its IdTagInfo.
        case accepted
    }

    /// The run-up to a transaction: a tag, a cable, or both but not yet started.
    struct Preparation: Sendable, Equatable {
        var idTag: String?
        var parentIdTag: String?
        var authorization: Authorization
        /// From RemoteStartTransaction.
        var remote: Bool
        var reservationId: Int?
        /// ConnectionTimeOut: the tag was accepted and the cable must be in by then.
        var connectionDeadline: OCPPTimestamp?
        /// A simulated EV plugs in then (after a remote start).
        var autoPlugAt: OCPPTimestamp?
        /// The RemoteStartTransaction's TxProfile, installed when the transaction starts (§5.11).
        var chargingProfile: ChargingProfile? = nil
    }

    /// A transaction from StartTransaction on.
    struct Transaction: Sendable, Equatable {
        var localId: Int
        /// The central system's id, from the StartTransaction answer.
        var transactionId: Int?
        var idTag: String
        var parentIdTag: String?
        var meterStart: Int
        var startedAt: OCPPTimestamp
        var reservationId: Int?
        /// The central system refused the tag and StopTransactionOnInvalidId is false: no energy.
        var deauthorized: Bool
        /// MaxEnergyOnInvalidId (§9.1): a deauthorized transaction may still draw energy up to
        /// this register value, Wh.
        var invalidIdAllowanceEndWh: Double? = nil
        /// A tag presented to stop, waiting for its Authorize answer.
        var stopCandidate: String? = nil
        /// When the EV reached its target state of charge (for `unplugAfterFullSeconds`).
        var evFullSince: OCPPTimestamp? = nil
        /// StopTransaction's transactionData so far: the Transaction.Begin sample of
        /// StopTxnSampledData and the clock-aligned samples of StopTxnAlignedData (§9.1).
        var transactionData = TransactionDataRecorder()
    }

    /// Indirect: a connector without a session (most of a fleet, most of the time) pays one
    /// pointer for it instead of the size of a whole transaction (issue 11, memory per idle charger).
    indirect enum Session: Sendable, Equatable {
        case preparing(Preparation)
        case transaction(Transaction)
        /// Stopped, cable still in.
        case finishing
    }

    /// A status as reported, with its error fields.
    struct Report: Sendable, Equatable, CarriesErrorTexts {
        var status: ChargePointStatus
        var errorCode: ChargePointErrorCode
        @OutOfLine var texts: Texts?

        init(
            status: ChargePointStatus, errorCode: ChargePointErrorCode, info: String? = nil,
            vendorErrorCode: String? = nil
        ) {
            self.status = status
            self.errorCode = errorCode
            self._texts = OutOfLine(wrappedValue: Texts.make(info: info, vendorErrorCode: vendorErrorCode))
        }

        /// Faulted with `fault`'s code and texts (sharing its box).
        init(faulted fault: Fault) {
            self.status = .faulted
            self.errorCode = fault.errorCode
            self._texts = fault.textsBox
        }
    }

    /// The connector id, in 32 bits: with the two flags below it leaves the 8 bytes of
    /// ``nextSampleAt`` within the size the connector had without it (issue 11: memory per charger).
    private let storedId: Int32
    var id: Int { Int(storedId) }
    var operative = true
    /// A ChangeAvailability that waits for the transaction to end.
    var scheduledAvailability: AvailabilityType?
    /// ``nextSampleAt`` in ms since 1970; `Int64.min`: none (an optional's tag would cost 8 bytes more).
    private var nextSampleAtMilliseconds = Int64.min
    var fault: Fault?
    var session: Session?
    /// The status now and since when (for MinimumStatusDuration).
    var observed: Report
    var observedSince: OCPPTimestamp
    /// The last status queued for the central system; nil: report whatever holds, at once.
    var lastSent: Report?
    /// The last status written to the wire (what the central system knows, at best).
    var onWire: Report?
    /// The latest statuses observed, oldest first, with their start (bounded).
    var recent: [(report: Report, since: OCPPTimestamp)] = []

    /// The next periodic MeterValues of the running transaction (MeterValueSampleInterval): set
    /// when a transaction starts, read only while one runs. Kept beside the session, not in its
    /// transaction: the transaction is boxed (``Session`` is indirect), and moving this instant
    /// inside it boxed a new copy of the whole transaction on every sample (issue 11).
    var nextSampleAt: OCPPTimestamp? {
        get {
            nextSampleAtMilliseconds == .min ? nil : OCPPTimestamp(millisecondsSince1970: nextSampleAtMilliseconds)
        }
        set { nextSampleAtMilliseconds = newValue?.millisecondsSince1970 ?? .min }
    }

    init(id: Int, now: OCPPTimestamp) {
        self.storedId = Int32(clamping: id)
        self.observed = Report(status: .available, errorCode: .noError)
        self.observedSince = now
    }

    var transaction: Transaction? {
        if case .transaction(let transaction) = session { return transaction }
        return nil
    }

    /// The running transaction's ids, read without copying the transaction (its strings and
    /// transaction data: a retain each), as on every sample (issue 11).
    var transactionIds: (localId: Int, transactionId: Int?)? {
        guard case .transaction(let transaction) = session else { return nil }
        return (transaction.localId, transaction.transactionId)
    }

    /// The running transaction's instants the timer looks at, read without copying it.
    var transactionInstants: (nextSampleAt: OCPPTimestamp?, evFullSince: OCPPTimestamp?)? {
        guard case .transaction(let transaction) = session else { return nil }
        return (nextSampleAt, transaction.evFullSince)
    }

    /// The running transaction's MaxEnergyOnInvalidId end (nil: none, or no transaction), read
    /// without copying the transaction, as after every event (issue 11).
    var invalidIdAllowanceEndWh: Double? {
        guard case .transaction(let transaction) = session else { return nil }
        return transaction.invalidIdAllowanceEndWh
    }

    var preparation: Preparation? {
        if case .preparing(let preparation) = session { return preparation }
        return nil
    }
}
