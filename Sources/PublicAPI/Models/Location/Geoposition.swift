/// Location `geoposition` (reference §4.9).
public struct Geoposition: Codable, Hashable, Sendable {
    /// `latitude`: Latitude.
    public var latitude: Double
    /// `longitude`: Longitude.
    public var longitude: Double

    /// Creates the value; optional fields default to absent.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
