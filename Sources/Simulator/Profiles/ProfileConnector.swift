import Foundation

extension CurrentType: ProfileValue {}

/// One connector of a charger model, as a profile describes it.
public struct ProfileConnector: Sendable, Equatable, Codable {
    /// The OCPP connectorId: 1, 2, ... in order (0 is the charge point itself).
    public var id: Int
    /// Plug standard.
    public var type: ConnectorType
    /// AC or DC; must match `type`.
    public var currentType: CurrentType
    /// Maximum current in A: per phase for AC, the output current for DC.
    public var maxCurrentA: Double
    /// AC phases wired (1 or 3); absent for DC.
    public var phases: Int?
    /// Maximum power in kW.
    public var maxPowerKW: Double

    public init(
        id: Int,
        type: ConnectorType,
        currentType: CurrentType,
        maxCurrentA: Double,
        phases: Int?,
        maxPowerKW: Double
    ) {
        self.id = id
        self.type = type
        self.currentType = currentType
        self.maxCurrentA = maxCurrentA
        self.phases = phases
        self.maxPowerKW = maxPowerKW
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, currentType, maxCurrentA, phases, maxPowerKW
    }

    public init(from decoder: any Decoder) throws {
        var fields = try ProfileFields(decoder, CodingKeys.self)
        let id: Int? = try fields.required(.id)
        let type: ConnectorType? = try fields.required(.type)
        let currentType: CurrentType? = try fields.required(.currentType)
        let maxCurrentA: Double? = try fields.required(.maxCurrentA)
        let phases: Int? = try fields.optional(.phases)
        let maxPowerKW: Double? = try fields.required(.maxPowerKW)
        guard let id, let type, let currentType, let maxCurrentA, let maxPowerKW, !fields.failed else {
            throw ProfileDecodingFailed()
        }
        self.init(
            id: id,
            type: type,
            currentType: currentType,
            maxCurrentA: maxCurrentA,
            phases: phases,
            maxPowerKW: maxPowerKW
        )
    }

    /// The rating the meter model uses (230 V nominal).
    public var rating: ConnectorRating {
        ConnectorRating(currentType: currentType, maxCurrentA: maxCurrentA, phases: phases ?? 1, maxPowerKW: maxPowerKW)
    }

    /// Every problem with this connector on its own; `path` is where it sits in the profile.
    func validate(at path: ProfilePath) -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        func add(_ key: CodingKeys, _ message: String) {
            problems.append(ProfileProblem(path: path.appending(key.rawValue), message: message))
        }
        if id < 1 { add(.id, "must be 1 or more (connector 0 is the charge point itself), got \(id)") }
        if type.currentType != currentType {
            add(
                .currentType,
                "\(type.rawValue) carries \(type.currentType.rawValue); set currentType: \(type.currentType.rawValue)")
        }
        switch currentType {
        case .ac:
            if !(6...80).contains(maxCurrentA) {
                add(.maxCurrentA, "must be 6 to 80 A for AC (IEC 61851-1), got \(Self.format(maxCurrentA))")
            }
            guard let phases else {
                add(.phases, "missing; add it (1 or 3 for an AC connector)")
                break
            }
            guard phases == 1 || phases == 3 else {
                add(.phases, "must be 1 or 3, got \(phases)")
                break
            }
            let possibleKW = maxCurrentA * 230 * Double(phases) / 1000
            if maxPowerKW > possibleKW * 1.01 {
                let phaseWord = phases == 1 ? "phase" : "phases"
                add(
                    .maxPowerKW,
                    "\(Self.format(maxPowerKW)) kW exceeds \(Self.format(maxCurrentA)) A × \(phases) \(phaseWord)"
                        + " × 230 V = \(Self.format(possibleKW)) kW; lower maxPowerKW or raise maxCurrentA"
                )
            }
        case .dc:
            if !(1...1000).contains(maxCurrentA) {
                add(.maxCurrentA, "must be 1 to 1000 A for DC, got \(Self.format(maxCurrentA))")
            }
            if phases != nil { add(.phases, "applies to AC connectors only; remove it") }
        }
        if !(maxPowerKW > 0 && maxPowerKW <= 1000) {
            add(.maxPowerKW, "must be more than 0 and at most 1000 kW, got \(Self.format(maxPowerKW))")
        }
        return problems
    }

    /// 7.36 → "7.36", 7.4 → "7.4", 32 → "32": at most two decimals, no trailing zeros.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
