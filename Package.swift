// swift-tools-version: 6.1
import PackageDescription

/// One set of compiler settings for every target (ARCHITECTURE.md: "one shared swiftSettings").
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The indicator kernels' settings. On x86-64 they are compiled for Haswell-class CPUs (x86-64-v3: AVX2
/// and fused multiply-add), which HT_TRENDLINE's per-bar chain needs to stay within its time budget
/// (decision D35); every other target keeps the baseline instruction set.
let kernelSettings: [SwiftSetting] = {
    #if arch(x86_64)
        sharedSettings + [.unsafeFlags(["-target-cpu", "haswell"])]
    #else
        sharedSettings
    #endif
}()

var targets: [Target] = [
    .target(
        name: "SextantCore",
        swiftSettings: sharedSettings
    ),
    .target(
        name: "SextantIndicators",
        dependencies: ["SextantCore"],
        swiftSettings: kernelSettings
    ),
    .target(
        name: "SextantLanguage",
        dependencies: [
            "SextantCore",
            "SextantIndicators",
            .product(name: "Yams", package: "Yams"),
        ],
        swiftSettings: sharedSettings
    ),
    .target(
        name: "SextantGraph",
        dependencies: ["SextantCore", "SextantIndicators", "SextantLanguage"],
        swiftSettings: sharedSettings
    ),
    .target(
        name: "SextantBacktest",
        dependencies: ["SextantCore", "SextantIndicators", "SextantLanguage", "SextantGraph"],
        swiftSettings: sharedSettings
    ),
    .target(
        name: "SextantStore",
        dependencies: [
            "SextantCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ],
        swiftSettings: sharedSettings
    ),
    // hiredis (Debian: libhiredis-dev) for the Redis bus; no pkgConfig: hiredis's .pc file carries a flag
    // SwiftPM prohibits and would warn about on every build.
    .systemLibrary(
        name: "CHiredis",
        providers: [.apt(["libhiredis-dev"])]
    ),
    .target(
        name: "SextantBus",
        dependencies: [
            "SextantCore",
            "CHiredis",
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: sharedSettings
    ),
    .target(
        name: "SextantPostgres",
        dependencies: [
            "SextantCore",
            "SextantStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: sharedSettings
    ),
    .target(
        name: "SextantEngine",
        dependencies: [
            "SextantCore",
            "SextantIndicators",
            "SextantLanguage",
            "SextantGraph",
            "SextantBacktest",
            "SextantStore",
            "SextantPostgres",
            "SextantBus",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        swiftSettings: sharedSettings
    ),
    .target(
        name: "SextantCLI",
        dependencies: [
            "SextantCore",
            "SextantIndicators",
            "SextantLanguage",
            "SextantGraph",
            "SextantBacktest",
            "SextantEngine",
            "SextantStore",
            "SextantPostgres",
            "SextantBus",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: sharedSettings
    ),
    .executableTarget(
        name: "sextant",
        dependencies: ["SextantCLI"],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantCoreTests",
        dependencies: ["SextantCore"],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantIndicatorsTests",
        dependencies: ["SextantIndicators", "SextantCore"],
        resources: [.copy("Reference")],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantLanguageTests",
        dependencies: ["SextantLanguage", "SextantIndicators", "SextantCore"],
        resources: [.copy("Corpus"), .copy("Golden")],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantGraphTests",
        dependencies: ["SextantGraph", "SextantLanguage", "SextantIndicators", "SextantCore"],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantBacktestTests",
        dependencies: ["SextantBacktest", "SextantGraph", "SextantLanguage", "SextantCore"],
        resources: [.copy("Reference")],
        swiftSettings: sharedSettings
    ),
    // The TradingStore rules as a table of checks, run by the SQLite and the Postgres test targets.
    .target(
        name: "SextantStoreConformance",
        dependencies: ["SextantStore"],
        path: "Tests/SextantStoreConformance",
        swiftSettings: sharedSettings
    ),
    // Runs the built `sextant` executable for the command-line tests.
    .target(
        name: "SextantCLITestSupport",
        path: "Tests/SextantCLITestSupport",
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantStoreTests",
        dependencies: ["SextantStore", "SextantStoreConformance", "SextantCore"],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantPostgresTests",
        dependencies: [
            "SextantPostgres", "SextantStore", "SextantStoreConformance", "SextantEngine", "SextantBacktest",
            "SextantLanguage", "SextantCore", "SextantCLITestSupport", "sextant",
        ],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantBusTests",
        dependencies: ["SextantBus", "SextantCore", .product(name: "Logging", package: "swift-log")],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantEngineTests",
        dependencies: [
            "SextantEngine", "SextantBacktest", "SextantGraph", "SextantLanguage", "SextantStore", "SextantBus",
            "SextantCore",
        ],
        swiftSettings: sharedSettings
    ),
    .testTarget(
        name: "SextantCLITests",
        dependencies: [
            "SextantCLI", "SextantLanguage", "SextantIndicators", "SextantBus", "SextantCLITestSupport", "sextant",
        ],
        swiftSettings: sharedSettings
    ),
]

// libFuzzer targets are built only by scripts/fuzz.sh (SEXTANT_FUZZ=1): they need sanitizer flags
// that a normal `swift build` or CI must not see.
if Context.environment["SEXTANT_FUZZ"] == "1" {
    targets += [
        .executableTarget(
            name: "FuzzExpression",
            dependencies: ["SextantLanguage"],
            path: "Fuzz/FuzzExpression",
            swiftSettings: sharedSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzDocument",
            dependencies: ["SextantLanguage"],
            path: "Fuzz/FuzzDocument",
            swiftSettings: sharedSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
}

let package = Package(
    name: "Sextant",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sextant", targets: ["sextant"]),
        .library(name: "SextantCore", targets: ["SextantCore"]),
        .library(name: "SextantIndicators", targets: ["SextantIndicators"]),
        .library(name: "SextantLanguage", targets: ["SextantLanguage"]),
        .library(name: "SextantGraph", targets: ["SextantGraph"]),
        .library(name: "SextantBacktest", targets: ["SextantBacktest"]),
        .library(name: "SextantStore", targets: ["SextantStore"]),
        .library(name: "SextantPostgres", targets: ["SextantPostgres"]),
        .library(name: "SextantBus", targets: ["SextantBus"]),
        .library(name: "SextantEngine", targets: ["SextantEngine"]),
        .library(name: "SextantCLI", targets: ["SextantCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
