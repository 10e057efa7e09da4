import Foundation
import Simulator
import TestSupport
import Testing

/// The shipped profiles load and validate; broken ones get every problem as
/// `file:line: field: problem`, with a message that says what to fix.
@Suite struct ProfileLoaderTests {
    static let profilesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("profiles", isDirectory: true)

    static let shippedProfiles = ["ac-post-22kw.yaml", "ac-wallbox-7kw.yaml", "dc-150kw.yaml", "dc-hpc-350kw.yaml"]

    /// The problem lines a broken profile gets, or [] when it loads.
    func problems(_ yaml: String, file: String = "broken.yaml") -> [String] {
        do {
            _ = try ProfileLoader().load(yaml: yaml, file: file)
            return []
        } catch {
            return error.lines
        }
    }

    @Test func theProfilesFolderHoldsExactlyTheShippedProfiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.profilesFolder.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(names == Self.shippedProfiles)
    }

    @Test(arguments: shippedProfiles)
    func shippedProfileLoadsAndValidates(name: String) throws {
        let profile = try ProfileLoader().load(contentsOf: Self.profilesFolder.appendingPathComponent(name))
        #expect(profile.validate() == [])
        #expect(profile.featureProfiles.contains(.core))
        #expect(profile.configuration["HeartbeatInterval"] != nil)
        #expect(profile.configuration["MeterValueSampleInterval"] != nil)
        #expect(profile.configuration["MeterValuesSampledData"] != nil)
    }

    @Test func wallboxIsSinglePhase32AType2() throws {
        let profile = try ProfileLoader().load(
            contentsOf: Self.profilesFolder.appendingPathComponent("ac-wallbox-7kw.yaml"))
        #expect(
            profile.connectors == [
                ProfileConnector(id: 1, type: .type2, currentType: .ac, maxCurrentA: 32, phases: 1, maxPowerKW: 7.4)
            ]
        )
        #expect(profile.identity.chargePointSerialNumber?.expanded(index: 42) == "HB7-00042")
    }

    @Test func acPostHasTwoThreePhaseSockets() throws {
        let profile = try ProfileLoader().load(
            contentsOf: Self.profilesFolder.appendingPathComponent("ac-post-22kw.yaml"))
        #expect(profile.connectors.map(\.id) == [1, 2])
        #expect(profile.connectors.allSatisfy { $0.type == .type2 && $0.phases == 3 && $0.maxCurrentA == 32 })
        #expect(profile.maxPowerKW == 22)
    }

    @Test func dcChargersHaveTheirConnectors() throws {
        let dc = try ProfileLoader().load(contentsOf: Self.profilesFolder.appendingPathComponent("dc-150kw.yaml"))
        #expect(dc.connectors.map(\.type) == [.ccs2, .chademo])
        #expect(dc.connectors.map(\.maxPowerKW) == [150, 50])
        let hpc = try ProfileLoader().load(contentsOf: Self.profilesFolder.appendingPathComponent("dc-hpc-350kw.yaml"))
        #expect(hpc.connectors.map(\.type) == [.ccs2, .ccs2])
        #expect(hpc.maxPowerKW == 350)
        #expect(hpc.connectors.allSatisfy { $0.currentType == .dc && $0.phases == nil })
    }

    @Test func decodingProblemsAreAllReportedWithLines() {
        let yaml = """
            identity:
              chargePointVendor: Acme
              chargePointModel: X1
              colour: red
            connectors:
              - id: 1
                type: Type2
                currentType: AC
                maxCurrentA: thirty-two
                phases: 3
                maxPowerKW: 22
              - type: Type3
                currentType: AC
                maxCurrentA: 32
                phases: 3
                maxPowerKW: 22
            featureProfiles: [Core, Teleport]
            evMix: []

            """
        let expectedVendors =
            "chargePointVendor, chargePointModel, firmwareVersion, chargePointSerialNumber, "
            + "chargeBoxSerialNumber, meterType, meterSerialNumber, iccid, imsi"
        let features = "Core, FirmwareManagement, LocalAuthListManagement, Reservation, SmartCharging, RemoteTrigger"
        #expect(
            problems(yaml) == [
                "broken.yaml:1: identity.firmwareVersion: missing; add it (a string)",
                "broken.yaml:4: identity.colour: unknown key; expected one of \(expectedVendors)",
                "broken.yaml:9: connectors[0].maxCurrentA: expected a number, got \"thirty-two\"",
                "broken.yaml:12: connectors[1].id: missing; add it (an integer)",
                "broken.yaml:12: connectors[1].type: expected one of Type1, Type2, CCS1, CCS2, CHAdeMO, GBT-DC, got \"Type3\"",
                "broken.yaml:17: featureProfiles[1]: expected one of \(features), got \"Teleport\"",
            ]
        )
    }

    @Test func validationProblemsAreAllReportedWithLines() {
        let yaml = """
            identity:
              chargePointVendor: VoltBridge Systems International
              chargePointModel: X1
              firmwareVersion: "1.0"
              chargePointSerialNumber: "VOLTBRIDGE-{index:05}-EXTENDED-1"
            connectors:
              - id: 1
                type: Type2
                currentType: AC
                maxCurrentA: 32
                phases: 2
                maxPowerKW: 22
              - id: 1
                type: CCS2
                currentType: DC
                maxCurrentA: 500
                maxPowerKW: 350
            featureProfiles: [Core]
            configuration:
              HeartbeatInterval: soon
              ReserveConnectorZeroSupported: "true"
            evMix:
              - name: Car
                weight: 1
                batteryKWh: 50
                startSoCPercent: [20, 60]
                maxACPowerKW: 11
                acPhases: 3
                maxDCPowerKW: 100
            behaviour:
              bootPendingCount: -1

            """
        #expect(
            problems(yaml) == [
                "broken.yaml:2: identity.chargePointVendor: \"VoltBridge Systems International\" is 32 characters; "
                    + "OCPP 1.6 BootNotification allows at most 20",
                "broken.yaml:5: identity.chargePointSerialNumber: \"VOLTBRIDGE-99999-EXTENDED-1\" (charger 99999) is 27 "
                    + "characters; OCPP 1.6 BootNotification allows at most 25",
                "broken.yaml:11: connectors[0].phases: must be 1 or 3, got 2",
                "broken.yaml:13: connectors[1].id: duplicate connector id 1 (connectors[0] has it already)",
                "broken.yaml:20: configuration.HeartbeatInterval: must be a whole number of 0 or more, got \"soon\"",
                "broken.yaml:21: configuration.ReserveConnectorZeroSupported: belongs to the Reservation feature profile; "
                    + "add it to featureProfiles or remove this key",
                "broken.yaml:31: behaviour.bootPendingCount: must be 0 to 100, got -1",
            ]
        )
    }

    @Test func acPowerBeyondWhatTheCurrentCarriesIsFlagged() {
        let yaml = Self.minimal(
            connector: "{id: 1, type: Type2, currentType: AC, maxCurrentA: 16, phases: 1, maxPowerKW: 7.4}")
        #expect(
            problems(yaml) == [
                "broken.yaml:5: connectors[0].maxPowerKW: 7.4 kW exceeds 16 A × 1 phase × 230 V = 3.68 kW; "
                    + "lower maxPowerKW or raise maxCurrentA"
            ]
        )
    }

    @Test func rangesMustBeTwoNumbersLowestFirst() {
        let flow = Self.minimal(
            connector: "{id: 1, type: Type2, currentType: AC, maxCurrentA: 32, phases: 1, maxPowerKW: 7.4}"
        )
        .replacingOccurrences(
            of: "startSoCPercent: [20, 60]", with: "startSoCPercent: [60, 20.5], dcVoltageRangeV: [400]")
        #expect(
            problems(flow) == [
                "broken.yaml:8: evMix[0].startSoCPercent: put the lower number first, got [60, 20.5]",
                "broken.yaml:8: evMix[0].dcVoltageRangeV: must be two numbers [lowest, highest], got 1",
            ]
        )
    }

    @Test func connectorTypeMustMatchCurrentType() {
        let yaml = Self.minimal(
            connector: "{id: 1, type: CHAdeMO, currentType: AC, maxCurrentA: 32, phases: 1, maxPowerKW: 7}")
        #expect(problems(yaml) == ["broken.yaml:5: connectors[0].currentType: CHAdeMO carries DC; set currentType: DC"])
    }

    @Test func yamlSyntaxErrorNamesTheLine() {
        #expect(
            problems("identity:\n  chargePointVendor: [unclosed\n")
                == ["broken.yaml:3: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]
        )
    }

    @Test func emptyFileSaysWhatAProfileNeeds() {
        #expect(
            problems("")
                == ["broken.yaml:1: the file is empty; a profile needs identity, connectors, featureProfiles and evMix"]
        )
    }

    @Test func topLevelListIsNotAProfile() {
        #expect(problems("- a\n- b\n") == ["broken.yaml:1: expected a mapping, got a list"])
    }

    @Test func loadingFromAFileUsesTheGivenName() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = try folder.write("x.yaml", "identity: 3\n")
        #expect(throws: ProfileLoadError.self) { try ProfileLoader().load(contentsOf: url, file: "x.yaml") }
        do {
            _ = try ProfileLoader().load(contentsOf: url, file: "x.yaml")
        } catch {
            #expect(
                error.lines == [
                    "x.yaml:1: identity: expected a mapping, got \"3\"",
                    "x.yaml:1: connectors: missing; add it (a list)",
                    "x.yaml:1: featureProfiles: missing; add it (a list)",
                    "x.yaml:1: evMix: missing; add it (a list)",
                ]
            )
        }
    }

    @Test func profileRoundTripsThroughJSON() throws {
        let profile = try ProfileLoader().load(contentsOf: Self.profilesFolder.appendingPathComponent("dc-150kw.yaml"))
        let data = try JSONEncoder().encode(profile)
        #expect(try JSONDecoder().decode(ChargerProfile.self, from: data) == profile)
    }

    @Test func identityPatternsExpandPerCharger() {
        #expect(IdentityPattern("WB-{index:05}").expanded(index: 7) == "WB-00007")
        #expect(IdentityPattern("WB-{index}").expanded(index: 123_456) == "WB-123456")
        #expect(IdentityPattern("plain").expanded(index: 3) == "plain")
        #expect(
            IdentityPattern("WB-{idx}").placeholderProblem == "unknown placeholder {idx}; write {index} or {index:05}")
        #expect(IdentityPattern("WB-{index").placeholderProblem == "unclosed \"{\"; write {index} or {index:05}")
        #expect(IdentityPattern("WB-{index:05}").placeholderProblem == nil)
    }

    @Test func identityOfOneChargerHasEveryPatternExpanded() throws {
        let profile = try ProfileLoader().load(
            contentsOf: Self.profilesFolder.appendingPathComponent("ac-post-22kw.yaml"))
        let identity = profile.identity.expanded(index: 12)
        #expect(identity.chargePointSerialNumber == IdentityPattern("CPD-00012"))
        #expect(identity.chargeBoxSerialNumber == IdentityPattern("AMPV-CB-000012"))
        #expect(identity.meterSerialNumber == IdentityPattern("AMV3-0000012"))
        #expect(identity.iccid == IdentityPattern("8944500102000000012"))
        #expect(identity.imsi == IdentityPattern("234100000000012"))
        #expect(identity.chargePointVendor == "Ampvia")
    }

    /// Every shipped profile with any one line removed either still loads or gets problems that
    /// each point at a line of the file: the loader never crashes nor loses the line.
    @Test(arguments: shippedProfiles)
    func removingAnyLineGivesLocatedProblemsNeverACrash(name: String) throws {
        let text = try String(contentsOf: Self.profilesFolder.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var failures = 0
        for removed in lines.indices {
            var copy = lines
            copy.remove(at: removed)
            do {
                _ = try ProfileLoader().load(yaml: copy.joined(separator: "\n"), file: name)
            } catch {
                failures += 1
                #expect(!error.problems.isEmpty)
                for problem in error.problems {
                    #expect((1...lines.count + 1).contains(problem.line ?? 0), "\(problem)")
                }
            }
        }
        #expect(failures > 10)
    }

    @Test func evMixDrawIsReproducibleAndWithinRanges() throws {
        let profile = try ProfileLoader().load(
            contentsOf: Self.profilesFolder.appendingPathComponent("ac-post-22kw.yaml"))
        var first = SeededRandomNumberGenerator(seed: 42)
        var second = SeededRandomNumberGenerator(seed: 42)
        var seen: Set<String> = []
        for _ in 0..<500 {
            let ev = try #require(profile.randomEV(using: &first))
            #expect(profile.randomEV(using: &second) == ev)
            let entry = try #require(profile.evMix.first { $0.name == ev.name })
            #expect(entry.startSoCPercent.contains(ev.startSoCPercent))
            seen.insert(ev.name)
        }
        #expect(seen == Set(profile.evMix.map(\.name)))
    }

    /// A valid profile around one connector written in flow style on line 5.
    static func minimal(connector: String) -> String {
        """
        identity:
          chargePointVendor: Acme
          chargePointModel: X1
          firmwareVersion: "1.0"
        connectors: [\(connector)]
        featureProfiles: [Core]
        evMix:
          - {name: Car, weight: 1, batteryKWh: 50, startSoCPercent: [20, 60], maxACPowerKW: 11, acPhases: 3, maxDCPowerKW: 100}

        """
    }
}

extension ProfileLoaderTests {
    @Test func anEmptyEVMixIsReportedOnceTheShapeIsRight() {
        let yaml = """
            identity: {chargePointVendor: Acme, chargePointModel: X1, firmwareVersion: "1.0"}
            connectors: [{id: 1, type: CCS2, currentType: DC, maxCurrentA: 200, maxPowerKW: 50}]
            featureProfiles: [Core]
            evMix: []

            """
        #expect(problems(yaml) == ["broken.yaml:4: evMix: must list at least one EV"])
    }

    @Test func aDCChargerNeedsAnEVThatCanChargeOnDC() {
        let yaml = """
            identity: {chargePointVendor: Acme, chargePointModel: X1, firmwareVersion: "1.0"}
            connectors: [{id: 1, type: CCS2, currentType: DC, maxCurrentA: 200, maxPowerKW: 50, phases: 3}]
            featureProfiles: [Core]
            evMix:
              - {name: Hybrid, weight: 1, batteryKWh: 14, startSoCPercent: [0, 20], maxACPowerKW: 3.7, acPhases: 1, maxDCPowerKW: 0}

            """
        #expect(
            problems(yaml) == [
                "broken.yaml:2: connectors[0].phases: applies to AC connectors only; remove it",
                "broken.yaml:4: evMix: no EV in the mix can charge on DC (all maxDCPowerKW are 0)",
            ]
        )
    }
}

extension ProfileLoaderTests {
    @Test func firmwareBehaviourLoadsWithDefaultsAndIsValidated() throws {
        let base = Self.minimal(
            connector: "{id: 1, type: Type2, currentType: AC, maxCurrentA: 32, phases: 3, maxPowerKW: 22}")
        let defaults = try ProfileLoader().load(yaml: base, file: "x.yaml").behaviour
        #expect(defaults.firmwareInstallFailureRate == 0)
        #expect(defaults.firmwareWaitsForTransactions == false)
        #expect(defaults.diagnosticsLogFrames == 50)
        let set = try ProfileLoader().load(
            yaml: base
                + "behaviour: {firmwareInstallFailureRate: 0.25, firmwareWaitsForTransactions: true, "
                + "diagnosticsLogFrames: 0}\n",
            file: "x.yaml"
        ).behaviour
        #expect(set.firmwareInstallFailureRate == 0.25)
        #expect(set.firmwareWaitsForTransactions)
        #expect(set.diagnosticsLogFrames == 0)
        #expect(
            problems(base + "behaviour: {firmwareInstallFailureRate: 1.5, diagnosticsLogFrames: -1}\n") == [
                "broken.yaml:9: behaviour.firmwareInstallFailureRate: must be 0 to 1 (a probability), got 1.5",
                "broken.yaml:9: behaviour.diagnosticsLogFrames: must be 0 to 10000 frames, got -1",
            ])
        #expect(
            problems(base + "behaviour: {firmwareWaitsForTransactions: sometimes}\n") == [
                "broken.yaml:9: behaviour.firmwareWaitsForTransactions: expected true or false, got \"sometimes\""
            ])
    }
}
