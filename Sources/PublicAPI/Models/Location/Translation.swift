/// A localised string: `{locale, translation}` (reference §4.9).
public struct Translation: Codable, Hashable, Sendable {
    /// `locale`: e.g. `en`.
    public var locale: String
    /// `translation`: Text.
    public var translation: String

    /// Creates the value; optional fields default to absent.
    public init(locale: String, translation: String) {
        self.locale = locale
        self.translation = translation
    }
}
