/// Who a charger says it is in its BootNotification (OCPP 1.6 §6.2), with the OCPP length
/// limits. Serial numbers, ICCID and IMSI are patterns, so each charger of a fleet gets its own.
public struct ChargerIdentity: Sendable, Equatable, Codable {
    /// `chargePointVendor`, at most 20 characters.
    public var chargePointVendor: String
    /// `chargePointModel`, at most 20 characters.
    public var chargePointModel: String
    /// `firmwareVersion`, at most 50 characters.
    public var firmwareVersion: String
    /// `chargePointSerialNumber`, at most 25 characters once expanded.
    public var chargePointSerialNumber: IdentityPattern?
    /// `chargeBoxSerialNumber` (deprecated in OCPP 1.6, still sent by many chargers), at most 25.
    public var chargeBoxSerialNumber: IdentityPattern?
    /// `meterType`, at most 25 characters.
    public var meterType: String?
    /// `meterSerialNumber`, at most 25 characters once expanded.
    public var meterSerialNumber: IdentityPattern?
    /// `iccid` of the modem's SIM, at most 20 digits once expanded.
    public var iccid: IdentityPattern?
    /// `imsi` of the modem's SIM, at most 20 digits once expanded.
    public var imsi: IdentityPattern?

    public init(
        chargePointVendor: String,
        chargePointModel: String,
        firmwareVersion: String,
        chargePointSerialNumber: IdentityPattern? = nil,
        chargeBoxSerialNumber: IdentityPattern? = nil,
        meterType: String? = nil,
        meterSerialNumber: IdentityPattern? = nil,
        iccid: IdentityPattern? = nil,
        imsi: IdentityPattern? = nil
    ) {
        self.chargePointVendor = chargePointVendor
        self.chargePointModel = chargePointModel
        self.firmwareVersion = firmwareVersion
        self.chargePointSerialNumber = chargePointSerialNumber
        self.chargeBoxSerialNumber = chargeBoxSerialNumber
        self.meterType = meterType
        self.meterSerialNumber = meterSerialNumber
        self.iccid = iccid
        self.imsi = imsi
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case chargePointVendor, chargePointModel, firmwareVersion, chargePointSerialNumber, chargeBoxSerialNumber
        case meterType, meterSerialNumber, iccid, imsi
    }

    public init(from decoder: any Decoder) throws {
        var fields = try ProfileFields(decoder, CodingKeys.self)
        let vendor: String? = try fields.required(.chargePointVendor)
        let model: String? = try fields.required(.chargePointModel)
        let firmware: String? = try fields.required(.firmwareVersion)
        let serial: String? = try fields.optional(.chargePointSerialNumber)
        let boxSerial: String? = try fields.optional(.chargeBoxSerialNumber)
        let meterType: String? = try fields.optional(.meterType)
        let meterSerial: String? = try fields.optional(.meterSerialNumber)
        let iccid: String? = try fields.optional(.iccid)
        let imsi: String? = try fields.optional(.imsi)
        guard let vendor, let model, let firmware, !fields.failed else { throw ProfileDecodingFailed() }
        self.init(
            chargePointVendor: vendor,
            chargePointModel: model,
            firmwareVersion: firmware,
            chargePointSerialNumber: serial.map(IdentityPattern.init),
            chargeBoxSerialNumber: boxSerial.map(IdentityPattern.init),
            meterType: meterType,
            meterSerialNumber: meterSerial.map(IdentityPattern.init),
            iccid: iccid.map(IdentityPattern.init),
            imsi: imsi.map(IdentityPattern.init)
        )
    }

    /// The identity of charger `index` of a fleet, with every pattern expanded.
    public func expanded(index: Int) -> ChargerIdentity {
        func expand(_ pattern: IdentityPattern?) -> IdentityPattern? {
            pattern.map { IdentityPattern($0.expanded(index: index)) }
        }
        var copy = self
        copy.chargePointSerialNumber = expand(chargePointSerialNumber)
        copy.chargeBoxSerialNumber = expand(chargeBoxSerialNumber)
        copy.meterSerialNumber = expand(meterSerialNumber)
        copy.iccid = expand(iccid)
        copy.imsi = expand(imsi)
        return copy
    }

    /// Every problem with the identity; `path` is where it sits in the profile.
    func validate(at path: ProfilePath) -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        func check(_ key: CodingKeys, _ value: String, limit: Int) {
            if value.isEmpty {
                problems.append(ProfileProblem(path: path.appending(key.rawValue), message: "must not be empty"))
            } else if value.count > limit {
                let message =
                    "\"\(value)\" is \(value.count) characters; OCPP 1.6 BootNotification allows at most \(limit)"
                problems.append(ProfileProblem(path: path.appending(key.rawValue), message: message))
            }
        }
        func check(_ key: CodingKeys, _ pattern: IdentityPattern?, limit: Int, digitsOnly: Bool = false) {
            guard let pattern else { return }
            let fieldPath = path.appending(key.rawValue)
            if let problem = pattern.placeholderProblem {
                problems.append(ProfileProblem(path: fieldPath, message: problem))
                return
            }
            let longest = pattern.expanded(index: IdentityPattern.largestIndex)
            if longest.isEmpty {
                problems.append(ProfileProblem(path: fieldPath, message: "must not be empty"))
            } else if longest.count > limit {
                let message =
                    "\"\(longest)\" (charger \(IdentityPattern.largestIndex)) is \(longest.count) characters; "
                    + "OCPP 1.6 BootNotification allows at most \(limit)"
                problems.append(ProfileProblem(path: fieldPath, message: message))
            } else if digitsOnly, !longest.allSatisfy(\.isASCII) || !longest.allSatisfy(\.isNumber) {
                problems.append(ProfileProblem(path: fieldPath, message: "must be digits only, got \"\(longest)\""))
            }
        }
        check(.chargePointVendor, chargePointVendor, limit: 20)
        check(.chargePointModel, chargePointModel, limit: 20)
        check(.firmwareVersion, firmwareVersion, limit: 50)
        check(.chargePointSerialNumber, chargePointSerialNumber, limit: 25)
        check(.chargeBoxSerialNumber, chargeBoxSerialNumber, limit: 25)
        if let meterType { check(.meterType, meterType, limit: 25) }
        check(.meterSerialNumber, meterSerialNumber, limit: 25)
        check(.iccid, iccid, limit: 20, digitsOnly: true)
        check(.imsi, imsi, limit: 20, digitsOnly: true)
        return problems
    }
}
