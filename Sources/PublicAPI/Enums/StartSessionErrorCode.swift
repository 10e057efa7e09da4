/// Start-session `errorCode`, sent with `success: false` and HTTP 202 (reference §5).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum StartSessionErrorCode: OpenEnumeration {
    /// `"BILLING_NOT_ASSOCIATED"`
    case billingNotAssociated
    /// `"BILLING_NOT_PARTNER_ASSOCIATED"`
    case billingNotPartnerAssociated
    /// `"INTERNAL_ISSUE"`
    case internalIssue
    /// `"SESSION_EXISTS"`
    case sessionExists
    /// `"AGILE_STREETS_CALCULATE"`
    case agileStreetsCalculate
    /// `"AGILE_STREETS_COMMUNICATION"`
    case agileStreetsCommunication
    /// `"CHARGING_NOT_ALLOWED"`
    case chargingNotAllowed
    /// `"LOCATION_IS_CLOSED"`
    case locationIsClosed
    /// `"USER_VALIDATION_NOT_COMPLETE"`
    case userValidationNotComplete
    /// `"TERMS_NOT_ACCEPTED"`
    case termsNotAccepted
    /// `"USER_IS_DISABLED"`
    case userIsDisabled
    /// `"SUBSCRIPTION_REQUIRED"`
    case subscriptionRequired
    /// `"SESSION_ALREADY_RUNNING"`
    case sessionAlreadyRunning
    /// `"PREVIOUS_SESSION_NOT_PAID"`
    case previousSessionNotPaid
    /// `"ACCESS_RESTRICTED"`
    case accessRestricted
    /// `"PAYMENT_METHOD_REQUIRED"`
    case paymentMethodRequired
    /// `"CANNOT_BILL_PAYMENT_METHOD"`
    case cannotBillPaymentMethod
    /// `"CORPORATE_ACCOUNT_LIMIT_REACHED"`
    case corporateAccountLimitReached
    /// `"CANNOT_USE_EXPIRED_PAYMENT_METHOD"`
    case cannotUseExpiredPaymentMethod
    /// `"CANNOT_USE_PAYMENT_METHOD"`
    case cannotUsePaymentMethod
    /// `"PAYMENT_NO_FUNDS"`
    case paymentNoFunds
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .billingNotAssociated, .billingNotPartnerAssociated, .internalIssue, .sessionExists, .agileStreetsCalculate,
        .agileStreetsCommunication, .chargingNotAllowed, .locationIsClosed, .userValidationNotComplete,
        .termsNotAccepted, .userIsDisabled, .subscriptionRequired, .sessionAlreadyRunning, .previousSessionNotPaid,
        .accessRestricted, .paymentMethodRequired, .cannotBillPaymentMethod, .corporateAccountLimitReached,
        .cannotUseExpiredPaymentMethod, .cannotUsePaymentMethod, .paymentNoFunds,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .billingNotAssociated: "BILLING_NOT_ASSOCIATED"
        case .billingNotPartnerAssociated: "BILLING_NOT_PARTNER_ASSOCIATED"
        case .internalIssue: "INTERNAL_ISSUE"
        case .sessionExists: "SESSION_EXISTS"
        case .agileStreetsCalculate: "AGILE_STREETS_CALCULATE"
        case .agileStreetsCommunication: "AGILE_STREETS_COMMUNICATION"
        case .chargingNotAllowed: "CHARGING_NOT_ALLOWED"
        case .locationIsClosed: "LOCATION_IS_CLOSED"
        case .userValidationNotComplete: "USER_VALIDATION_NOT_COMPLETE"
        case .termsNotAccepted: "TERMS_NOT_ACCEPTED"
        case .userIsDisabled: "USER_IS_DISABLED"
        case .subscriptionRequired: "SUBSCRIPTION_REQUIRED"
        case .sessionAlreadyRunning: "SESSION_ALREADY_RUNNING"
        case .previousSessionNotPaid: "PREVIOUS_SESSION_NOT_PAID"
        case .accessRestricted: "ACCESS_RESTRICTED"
        case .paymentMethodRequired: "PAYMENT_METHOD_REQUIRED"
        case .cannotBillPaymentMethod: "CANNOT_BILL_PAYMENT_METHOD"
        case .corporateAccountLimitReached: "CORPORATE_ACCOUNT_LIMIT_REACHED"
        case .cannotUseExpiredPaymentMethod: "CANNOT_USE_EXPIRED_PAYMENT_METHOD"
        case .cannotUsePaymentMethod: "CANNOT_USE_PAYMENT_METHOD"
        case .paymentNoFunds: "PAYMENT_NO_FUNDS"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "BILLING_NOT_ASSOCIATED": self = .billingNotAssociated
        case "BILLING_NOT_PARTNER_ASSOCIATED": self = .billingNotPartnerAssociated
        case "INTERNAL_ISSUE": self = .internalIssue
        case "SESSION_EXISTS": self = .sessionExists
        case "AGILE_STREETS_CALCULATE": self = .agileStreetsCalculate
        case "AGILE_STREETS_COMMUNICATION": self = .agileStreetsCommunication
        case "CHARGING_NOT_ALLOWED": self = .chargingNotAllowed
        case "LOCATION_IS_CLOSED": self = .locationIsClosed
        case "USER_VALIDATION_NOT_COMPLETE": self = .userValidationNotComplete
        case "TERMS_NOT_ACCEPTED": self = .termsNotAccepted
        case "USER_IS_DISABLED": self = .userIsDisabled
        case "SUBSCRIPTION_REQUIRED": self = .subscriptionRequired
        case "SESSION_ALREADY_RUNNING": self = .sessionAlreadyRunning
        case "PREVIOUS_SESSION_NOT_PAID": self = .previousSessionNotPaid
        case "ACCESS_RESTRICTED": self = .accessRestricted
        case "PAYMENT_METHOD_REQUIRED": self = .paymentMethodRequired
        case "CANNOT_BILL_PAYMENT_METHOD": self = .cannotBillPaymentMethod
        case "CORPORATE_ACCOUNT_LIMIT_REACHED": self = .corporateAccountLimitReached
        case "CANNOT_USE_EXPIRED_PAYMENT_METHOD": self = .cannotUseExpiredPaymentMethod
        case "CANNOT_USE_PAYMENT_METHOD": self = .cannotUsePaymentMethod
        case "PAYMENT_NO_FUNDS": self = .paymentNoFunds
        default: self = .unknown(rawValue)
        }
    }
}
