/// One kind of EV in a profile's mix: how often it turns up (`weight`) and what it is like.
/// The start state of charge is a range; each plug-in draws a value from it.
public struct EVMixEntry: Sendable, Equatable, Codable {
    /// A label ("Compact hatchback").
    public var name: String
    /// Relative frequency against the other entries (> 0).
    public var weight: Double
    /// Usable battery capacity, kWh.
    public var batteryKWh: Double
    /// The state of charge on arrival is drawn uniformly from this range, %.
    public var startSoCPercent: ClosedRange<Double>
    /// The EV stops charging here, % (default 100).
    public var targetSoCPercent: Double
    /// On-board charger limit, kW.
    public var maxACPowerKW: Double
    /// Phases the on-board charger uses (1 or 3).
    public var acPhases: Int
    /// Peak DC power, kW (0: the EV cannot charge on DC).
    public var maxDCPowerKW: Double
    /// DC taper by state of charge (default `TaperCurve.typical`).
    public var dcTaper: TaperCurve
    /// Share of the metered energy that reaches the battery (default 0.92).
    public var efficiency: Double
    /// Battery voltage at 0 % and 100 % (default 350...450 V; 700...850 V for 800 V platforms).
    public var dcVoltageRangeV: ClosedRange<Double>

    public init(
        name: String,
        weight: Double,
        batteryKWh: Double,
        startSoCPercent: ClosedRange<Double>,
        targetSoCPercent: Double = 100,
        maxACPowerKW: Double,
        acPhases: Int,
        maxDCPowerKW: Double,
        dcTaper: TaperCurve = .typical,
        efficiency: Double = 0.92,
        dcVoltageRangeV: ClosedRange<Double> = 350...450
    ) {
        self.name = name
        self.weight = weight
        self.batteryKWh = batteryKWh
        self.startSoCPercent = startSoCPercent
        self.targetSoCPercent = targetSoCPercent
        self.maxACPowerKW = maxACPowerKW
        self.acPhases = acPhases
        self.maxDCPowerKW = maxDCPowerKW
        self.dcTaper = dcTaper
        self.efficiency = efficiency
        self.dcVoltageRangeV = dcVoltageRangeV
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, weight, batteryKWh, startSoCPercent, targetSoCPercent, maxACPowerKW, acPhases, maxDCPowerKW
        case dcTaper, efficiency, dcVoltageRangeV
    }

    public init(from decoder: any Decoder) throws {
        var fields = try ProfileFields(decoder, CodingKeys.self)
        let name: String? = try fields.required(.name)
        let weight: Double? = try fields.required(.weight)
        let batteryKWh: Double? = try fields.required(.batteryKWh)
        let startSoC = try Self.range(.startSoCPercent, in: &fields, required: true)
        let target: Double? = try fields.optional(.targetSoCPercent)
        let maxAC: Double? = try fields.required(.maxACPowerKW)
        let acPhases: Int? = try fields.required(.acPhases)
        let maxDC: Double? = try fields.required(.maxDCPowerKW)
        let taper: [TaperCurve.Point]? = try fields.list(
            .dcTaper,
            of: "a mapping with socPercent and powerPercent",
            required: false
        )
        let efficiency: Double? = try fields.optional(.efficiency)
        let voltage = try Self.range(.dcVoltageRangeV, in: &fields, required: false)
        guard let name, let weight, let batteryKWh, let startSoC, let maxAC, let acPhases, let maxDC, !fields.failed
        else { throw ProfileDecodingFailed() }
        self.init(
            name: name,
            weight: weight,
            batteryKWh: batteryKWh,
            startSoCPercent: startSoC,
            targetSoCPercent: target ?? 100,
            maxACPowerKW: maxAC,
            acPhases: acPhases,
            maxDCPowerKW: maxDC,
            dcTaper: taper.map(TaperCurve.init(points:)) ?? .typical,
            efficiency: efficiency ?? 0.92,
            dcVoltageRangeV: voltage ?? 350...450
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(weight, forKey: .weight)
        try container.encode(batteryKWh, forKey: .batteryKWh)
        try container.encode([startSoCPercent.lowerBound, startSoCPercent.upperBound], forKey: .startSoCPercent)
        try container.encode(targetSoCPercent, forKey: .targetSoCPercent)
        try container.encode(maxACPowerKW, forKey: .maxACPowerKW)
        try container.encode(acPhases, forKey: .acPhases)
        try container.encode(maxDCPowerKW, forKey: .maxDCPowerKW)
        try container.encode(dcTaper.points, forKey: .dcTaper)
        try container.encode(efficiency, forKey: .efficiency)
        try container.encode([dcVoltageRangeV.lowerBound, dcVoltageRangeV.upperBound], forKey: .dcVoltageRangeV)
    }

    /// A two-number list `[lowest, highest]`.
    private static func range(
        _ key: CodingKeys,
        in fields: inout ProfileFields<CodingKeys>,
        required: Bool
    ) throws -> ClosedRange<Double>? {
        let numbers: [Double]? = try fields.list(key, of: Double.expectation, required: required)
        guard let numbers else { return nil }
        guard numbers.count == 2 else {
            try fields.record(fields.path(of: key), "must be two numbers [lowest, highest], got \(numbers.count)")
            return nil
        }
        guard numbers[0] <= numbers[1] else {
            let written = numbers.map(ProfileConnector.format).joined(separator: ", ")
            try fields.record(fields.path(of: key), "put the lower number first, got [\(written)]")
            return nil
        }
        return numbers[0]...numbers[1]
    }

    /// The EV for one plug-in, arriving at `startSoC` %.
    public func model(startSoC: Double) -> EVModel {
        EVModel(
            name: name,
            batteryCapacityKWh: batteryKWh,
            startSoCPercent: startSoC,
            targetSoCPercent: targetSoCPercent,
            maxACPowerKW: maxACPowerKW,
            acPhases: acPhases,
            maxDCPowerKW: maxDCPowerKW,
            dcTaper: dcTaper,
            efficiency: efficiency,
            dcVoltageRangeV: dcVoltageRangeV
        )
    }

    /// Every problem with this entry; `path` is where it sits in the profile.
    func validate(at path: ProfilePath) -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        func add(_ key: CodingKeys, _ message: String) {
            problems.append(ProfileProblem(path: path.appending(key.rawValue), message: message))
        }
        func text(_ value: Double) -> String { ProfileConnector.format(value) }
        if name.isEmpty { add(.name, "must not be empty") }
        if !(weight > 0) { add(.weight, "must be more than 0, got \(text(weight))") }
        if !(5...250).contains(batteryKWh) { add(.batteryKWh, "must be 5 to 250 kWh, got \(text(batteryKWh))") }
        if startSoCPercent.lowerBound < 0 || startSoCPercent.upperBound > 100 {
            add(.startSoCPercent, "must lie within 0 to 100 %")
        }
        if !(1...100).contains(targetSoCPercent) {
            add(.targetSoCPercent, "must be 1 to 100 %, got \(text(targetSoCPercent))")
        } else if targetSoCPercent <= startSoCPercent.lowerBound {
            add(.targetSoCPercent, "must be above the lowest start SoC (\(text(startSoCPercent.lowerBound)) %)")
        }
        if !(maxACPowerKW > 0 && maxACPowerKW <= 43) {
            add(.maxACPowerKW, "must be more than 0 and at most 43 kW, got \(text(maxACPowerKW))")
        }
        if acPhases != 1 && acPhases != 3 { add(.acPhases, "must be 1 or 3, got \(acPhases)") }
        if !(0...500).contains(maxDCPowerKW) { add(.maxDCPowerKW, "must be 0 to 500 kW, got \(text(maxDCPowerKW))") }
        if !(efficiency >= 0.5 && efficiency <= 1) {
            add(.efficiency, "must be 0.5 to 1, got \(text(efficiency))")
        }
        if dcVoltageRangeV.lowerBound < 100 || dcVoltageRangeV.upperBound > 1000 {
            add(.dcVoltageRangeV, "must lie within 100 to 1000 V")
        }
        problems += Self.validate(dcTaper, at: path.appending(CodingKeys.dcTaper.rawValue))
        return problems
    }

    private static func validate(_ taper: TaperCurve, at path: ProfilePath) -> [ProfileProblem] {
        let points = taper.points
        guard let first = points.first, let last = points.last, points.count >= 2 else {
            return [ProfileProblem(path: path, message: "needs at least two points (at 0 % and at 100 %)")]
        }
        var problems: [ProfileProblem] = []
        if first.socPercent != 0 {
            problems.append(
                ProfileProblem(path: path.appending(index: 0), message: "the first point must be at socPercent 0"))
        }
        if last.socPercent != 100 {
            let message = "the last point must be at socPercent 100"
            problems.append(ProfileProblem(path: path.appending(index: points.count - 1), message: message))
        }
        for (index, point) in points.enumerated() {
            if index > 0, point.socPercent <= points[index - 1].socPercent {
                let message = "socPercent must rise from point to point"
                problems.append(
                    ProfileProblem(path: path.appending(index: index).appending("socPercent"), message: message))
            }
            if !(0...100).contains(point.powerPercent) {
                let message = "must be 0 to 100 %, got \(ProfileConnector.format(point.powerPercent))"
                problems.append(
                    ProfileProblem(path: path.appending(index: index).appending("powerPercent"), message: message))
            }
        }
        return problems
    }
}
