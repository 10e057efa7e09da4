/// The schema `maxLength` of a ``BoundedString``, as a type so that each limit is its own string type.
///
/// OCPP 1.6 edition 2 section 7 defines CiString20Type, CiString25Type, CiString50Type,
/// CiString255Type and CiString500Type; the 1.6 security extension adds plain strings of up to
/// 40, 128, 512, 800, 5500 and 10000 characters.
public protocol StringLengthLimit: Sendable {
    /// The most Unicode scalars (JSON Schema `maxLength` counts code points) a value may hold.
    static var maxLength: Int { get }
}

/// At most 20 characters.
public enum Length20: StringLengthLimit { public static var maxLength: Int { 20 } }
/// At most 25 characters.
public enum Length25: StringLengthLimit { public static var maxLength: Int { 25 } }
/// At most 40 characters.
public enum Length40: StringLengthLimit { public static var maxLength: Int { 40 } }
/// At most 50 characters.
public enum Length50: StringLengthLimit { public static var maxLength: Int { 50 } }
/// At most 128 characters.
public enum Length128: StringLengthLimit { public static var maxLength: Int { 128 } }
/// At most 255 characters.
public enum Length255: StringLengthLimit { public static var maxLength: Int { 255 } }
/// At most 500 characters.
public enum Length500: StringLengthLimit { public static var maxLength: Int { 500 } }
/// At most 512 characters.
public enum Length512: StringLengthLimit { public static var maxLength: Int { 512 } }
/// At most 800 characters.
public enum Length800: StringLengthLimit { public static var maxLength: Int { 800 } }
/// At most 5500 characters.
public enum Length5500: StringLengthLimit { public static var maxLength: Int { 5500 } }
/// At most 10000 characters.
public enum Length10000: StringLengthLimit { public static var maxLength: Int { 10000 } }

/// OCPP 1.6 CiString20Type (section 7): case-insensitive on comparison by the receiver, at most 20 characters.
public typealias CiString20 = BoundedString<Length20>
/// OCPP 1.6 CiString25Type (section 7).
public typealias CiString25 = BoundedString<Length25>
/// OCPP 1.6 CiString50Type (section 7).
public typealias CiString50 = BoundedString<Length50>
/// OCPP 1.6 CiString255Type (section 7).
public typealias CiString255 = BoundedString<Length255>
/// OCPP 1.6 CiString500Type (section 7).
public typealias CiString500 = BoundedString<Length500>
/// A security-extension `string[0..40]` (certificate serial numbers).
public typealias String40 = BoundedString<Length40>
/// A security-extension `string[0..128]` (certificate hashes).
public typealias String128 = BoundedString<Length128>
/// A security-extension `string[0..512]` (URLs).
public typealias String512 = BoundedString<Length512>
/// A security-extension `string[0..800]` (firmware signatures).
public typealias String800 = BoundedString<Length800>
/// A security-extension `string[0..5500]` (PEM certificates, CSRs).
public typealias String5500 = BoundedString<Length5500>
/// A security-extension `string[0..10000]` (PEM certificate chains).
public typealias String10000 = BoundedString<Length10000>
