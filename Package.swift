// swift-tools-version:6.1
// ChargeSim: virtual OCPP 1.6J charge points, our own WebSocket stack, and an
// AMPECO-compatible Public API bridge. Module layout and arrows: ../shared/DESIGN.md.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ChargeSim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chargesim", targets: ["chargesim"]),
        .executable(name: "chargesim-wstest", targets: ["chargesim-wstest"]),
        .library(name: "WebSocket", targets: ["WebSocket"]),
        .library(name: "OCPP16", targets: ["OCPP16"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "CentralSystem", targets: ["CentralSystem"]),
        .library(name: "PublicAPI", targets: ["PublicAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // System libraries: deflate (RFC 7692) and TLS/SHA-1 come from the OS, we write no crypto.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        // OpenSSL exposes some of its API as macros, which Swift cannot call; this shim wraps them.
        .target(
            name: "COpenSSLShim",
            dependencies: ["COpenSSL"]
        ),

        .target(
            name: "WebSocket",
            dependencies: [
                "CZlib",
                "COpenSSL",
                "COpenSSLShim",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "OCPP16", swiftSettings: swiftSettings),
        .target(
            name: "Simulator",
            dependencies: [
                "WebSocket", "OCPP16", .product(name: "Yams", package: "Yams"),
                // Firmware downloads and diagnostics uploads (issue 6) go over HTTP(S).
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                // The control API and dashboard (issue 10) are served on the fleet's control port.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PublicAPI",
            dependencies: [
                // The typed client (the bridge, issue 9).
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CentralSystem",
            dependencies: [
                "WebSocket",
                "OCPP16",
                "PublicAPI",
                "COpenSSL",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                // Webhook deliveries (notifications v2.0) are POSTed with it.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chargesim",
            dependencies: [
                "Simulator",
                "WebSocket",
                "OCPP16",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                "CentralSystem",
                "PublicAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chargesim-wstest",
            dependencies: [
                "WebSocket",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // Benchmarks print figures and ratios against a peer measured in the same run.
        .executableTarget(
            name: "chargesim-ocpp-bench",
            dependencies: ["OCPP16"],
            path: "Benchmarks/OCPPBenchmarks",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chargesim-chargepoint-bench",
            dependencies: ["Simulator", "OCPP16"],
            path: "Benchmarks/ChargePointBenchmarks",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chargesim-store-bench",
            dependencies: [
                "CentralSystem",
                "OCPP16",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/StoreBenchmarks",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chargesim-ws-bench",
            dependencies: [
                "WebSocket",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            path: "Benchmarks/WebSocketBenchmarks",
            swiftSettings: swiftSettings
        ),

        // Shared test support: manual clock, drip-feed verifier, JSON-schema checks, CLI runner.
        .target(
            name: "TestSupport",
            dependencies: [
                "WebSocket",
                "OCPP16",
                "Simulator",
                "CentralSystem",
                "PublicAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "WebSocketTests",
            dependencies: [
                "WebSocket", "TestSupport", "CZlib", "COpenSSL",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "OCPP16Tests", dependencies: ["OCPP16", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SimulatorTests",
            dependencies: [
                "Simulator", "TestSupport", "WebSocket",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PublicAPITests",
            dependencies: ["PublicAPI", "TestSupport", "CentralSystem", "OCPP16"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CentralSystemTests",
            dependencies: [
                "CentralSystem",
                "TestSupport",
                "PublicAPI",
                "OCPP16",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ChargesimTests", dependencies: ["TestSupport", "chargesim", "WebSocket"], swiftSettings: swiftSettings),
    ]
)
