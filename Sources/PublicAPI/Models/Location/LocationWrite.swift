/// Body of location create (nothing required) and PATCH (reference §4.9).
public struct LocationWrite: Codable, Hashable, Sendable {
    /// `externalId`: External id.
    public var externalId: String?
    /// `name`: Names.
    public var name: [Translation]?
    /// `description`: Descriptions.
    public var description: [Translation]?
    /// `address`: Addresses.
    public var address: [Translation]?
    /// `geoposition`: Coordinates.
    public var geoposition: Geoposition?
    /// `city`: City.
    public var city: [Translation]?
    /// `country`: Country.
    public var country: String?
    /// `postCode`: Postal code.
    public var postCode: String?
    /// `timezone`: Time zone.
    public var timezone: String?
    /// `workingHours`: Opening hours.
    public var workingHours: WorkingHours?
    /// `tags`: Tags.
    public var tags: [String]?

    /// Creates the value; optional fields default to absent.
    public init(
        externalId: String? = nil, name: [Translation]? = nil, description: [Translation]? = nil,
        address: [Translation]? = nil, geoposition: Geoposition? = nil, city: [Translation]? = nil,
        country: String? = nil, postCode: String? = nil, timezone: String? = nil, workingHours: WorkingHours? = nil,
        tags: [String]? = nil
    ) {
        self.externalId = externalId
        self.name = name
        self.description = description
        self.address = address
        self.geoposition = geoposition
        self.city = city
        self.country = country
        self.postCode = postCode
        self.timezone = timezone
        self.workingHours = workingHours
        self.tags = tags
    }
}
