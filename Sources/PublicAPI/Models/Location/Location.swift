import Foundation

/// A location, locations v2.0, minimal fields (reference §4.9).
public struct Location: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `externalId`: External id.
    public var externalId: String?
    /// `name`: Localised names.
    public var name: [Translation]?
    /// `description`: Localised descriptions.
    public var description: [Translation]?
    /// `address`: Localised addresses.
    public var address: [Translation]?
    /// `geoposition`: Coordinates.
    public var geoposition: Geoposition?
    /// `city`: Localised city names.
    public var city: [Translation]?
    /// `region`: Region.
    public var region: String?
    /// `state`: State.
    public var state: String?
    /// `country`: ISO 3166-1 alpha-2.
    public var country: String?
    /// `postCode`: Postal code.
    public var postCode: String?
    /// `timezone`: Area/Location.
    public var timezone: String?
    /// `workingHours`: Opening hours.
    public var workingHours: WorkingHours?
    /// `parkingType`: Parking type.
    public var parkingType: String?
    /// `tags`: Tags.
    public var tags: [String]?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, externalId: String? = nil, name: [Translation]? = nil, description: [Translation]? = nil,
        address: [Translation]? = nil, geoposition: Geoposition? = nil, city: [Translation]? = nil,
        region: String? = nil, state: String? = nil, country: String? = nil, postCode: String? = nil,
        timezone: String? = nil, workingHours: WorkingHours? = nil, parkingType: String? = nil, tags: [String]? = nil,
        lastUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.externalId = externalId
        self.name = name
        self.description = description
        self.address = address
        self.geoposition = geoposition
        self.city = city
        self.region = region
        self.state = state
        self.country = country
        self.postCode = postCode
        self.timezone = timezone
        self.workingHours = workingHours
        self.parkingType = parkingType
        self.tags = tags
        self.lastUpdatedAt = lastUpdatedAt
    }
}
