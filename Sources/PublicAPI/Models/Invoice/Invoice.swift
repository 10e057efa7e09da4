import Foundation

/// An invoice, invoices v1.0, read-only (reference §4.14).
public struct Invoice: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `type`: Document kind.
    public var type: InvoiceType
    /// `number`: Unique printed number.
    public var number: String
    /// `date`: Issue date.
    public var date: Date
    /// `userId`: Billed user, -1 = none in particular.
    public var userId: Int?
    /// `periodFrom`: First covered transaction.
    public var periodFrom: Date?
    /// `periodTo`: Last covered transaction.
    public var periodTo: Date?
    /// `totalEnergy`: Energy of the sessions behind it (unit not stated).
    public var totalEnergy: Double?
    /// `totalAmount`: Total incl. tax.
    public var totalAmount: Decimal
    /// `taxRate`: Tax percent.
    public var taxRate: Int
    /// `taxAmount`: Tax part.
    public var taxAmount: Decimal
    /// `service`: What is billed.
    public var service: String
    /// `quantity`: Quantity.
    public var quantity: Decimal
    /// `unitPrice`: Unit price.
    public var unitPrice: Decimal
    /// `subtotal`: Pre-tax total.
    public var subtotal: Decimal
    /// `downloadUrl`: Document link, valid 24 h.
    public var downloadUrl: String?
    /// `client`: Billed party.
    public var client: InvoiceClient?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, type: InvoiceType, number: String, date: Date, userId: Int? = nil, periodFrom: Date? = nil,
        periodTo: Date? = nil, totalEnergy: Double? = nil, totalAmount: Decimal, taxRate: Int, taxAmount: Decimal,
        service: String, quantity: Decimal, unitPrice: Decimal, subtotal: Decimal, downloadUrl: String? = nil,
        client: InvoiceClient? = nil, lastUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.type = type
        self.number = number
        self.date = date
        self.userId = userId
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.totalEnergy = totalEnergy
        self.totalAmount = totalAmount
        self.taxRate = taxRate
        self.taxAmount = taxAmount
        self.service = service
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.subtotal = subtotal
        self.downloadUrl = downloadUrl
        self.client = client
        self.lastUpdatedAt = lastUpdatedAt
    }
}
