/// Invoice `client`; note `post_code` is snake_case (reference §4.14).
public struct InvoiceClient: Codable, Hashable, Sendable {
    /// `type`: individual or company.
    public var type: InvoiceClientType
    /// `name`: Name.
    public var name: String
    /// `country`: ISO 3166-1 alpha-2.
    public var country: String
    /// `email`: E-mail or empty.
    public var email: String?
    /// `id`: Personal or company id.
    public var id: String?
    /// `taxId`: Tax id.
    public var taxId: String?
    /// `taxAdministrationOfficeName`: Tax office.
    public var taxAdministrationOfficeName: String?
    /// `state`: State (US/AU/CA/UM/RO).
    public var state: String?
    /// `region`: Region.
    public var region: String?
    /// `city`: City.
    public var city: String?
    /// `post_code`: Postal code.
    public var postCode: String?
    /// `address`: Address.
    public var address: String?

    private enum CodingKeys: String, CodingKey {
        case type
        case name
        case country
        case email
        case id
        case taxId
        case taxAdministrationOfficeName
        case state
        case region
        case city
        case postCode = "post_code"
        case address
    }

    /// Creates the value; optional fields default to absent.
    public init(
        type: InvoiceClientType, name: String, country: String, email: String? = nil, id: String? = nil,
        taxId: String? = nil, taxAdministrationOfficeName: String? = nil, state: String? = nil, region: String? = nil,
        city: String? = nil, postCode: String? = nil, address: String? = nil
    ) {
        self.type = type
        self.name = name
        self.country = country
        self.email = email
        self.id = id
        self.taxId = taxId
        self.taxAdministrationOfficeName = taxAdministrationOfficeName
        self.state = state
        self.region = region
        self.city = city
        self.postCode = postCode
        self.address = address
    }
}
