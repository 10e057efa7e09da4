/// Where a downloaded firmware's version comes from (issue 6): the download's
/// `X-Firmware-Version` response header when present, otherwise the first version number in the
/// URL's file name, matched by ``fileNamePattern`` (`.../fw-2.1.0.bin` → `2.1.0`,
/// `.../CityPost_v5.13.0-rc2.img` → `5.13.0-rc2`), otherwise the file name without its extension.
/// The result is cut to 50 characters (BootNotification `firmwareVersion` is a CiString50).
public enum FirmwareVersionRule {
    /// The response header that names the version.
    public static let headerName = "x-firmware-version"

    /// The documented file-name rule: digits separated by dots (at least two groups), optionally
    /// followed by `-` and a pre-release tag of letters and digits.
    public static let fileNamePattern = #"[0-9]+(\.[0-9]+)+(-[0-9A-Za-z]+)?"#

    /// The version of the firmware downloaded from `location` with response `headers`
    /// (names lowercased); nil when neither names one.
    public static func version(location: String, headers: [String: String]) -> String? {
        if let header = headers[headerName]?.trimmingWhitespace, !header.isEmpty {
            return String(header.prefix(50))
        }
        let name = fileName(of: location)
        // The pattern is a constant (`Regex` is not Sendable, so it is built per call).
        if let regex = try? Regex(fileNamePattern), let match = name.firstMatch(of: regex) {
            return String(name[match.range].prefix(50))
        }
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? name
        return stem.isEmpty ? nil : String(stem.prefix(50))
    }

    /// The last path segment of `location`, without query or fragment.
    public static func fileName(of location: String) -> String {
        let withoutQuery = location.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let withoutFragment = withoutQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
        var path = withoutFragment ?? ""
        if let scheme = path.range(of: "://") {
            // The authority (host:port) is no file name.
            let afterScheme = path[scheme.upperBound...]
            path = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? ""
        }
        return path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? ""
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
