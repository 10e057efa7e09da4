// swift-tools-version:6.1
// A test suite of your own that drives ChargeSim in process: the embedded central system, two
// virtual chargers and the typed Public API client. Depends on the ChargeSim repository by path;
// point the path (or a URL) at your checkout. Run: swift test --package-path Examples/SwiftTestSuite
import PackageDescription

let package = Package(
    name: "ChargeSimExampleSuite",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "ChargeSim", path: "../.."),
        // The fleet runs on a SwiftNIO event loop group; the same version ChargeSim uses.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        .testTarget(
            name: "ChargingSessionTests",
            dependencies: [
                .product(name: "CentralSystem", package: "ChargeSim"),
                .product(name: "Simulator", package: "ChargeSim"),
                .product(name: "PublicAPI", package: "ChargeSim"),
                .product(name: "OCPP16", package: "ChargeSim"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
