// swift-tools-version:6.0
import PackageDescription

/// Exclusivity checks cost about a tenth of import time in the parser and writer hot loops;
/// debug builds (and so the tests) keep them.
let hotPathSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
        .executable(name: "lectern-bench", targets: ["lectern-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "BlogModel"),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "BlogFormats", dependencies: ["BlogModel", "CLibXML2"], swiftSettings: hotPathSettings),
        // Process-wide SQLite settings made through sqlite3_config(), which Swift cannot call.
        .target(name: "CSQLiteConfig", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "BlogStore",
            dependencies: [
                "BlogModel", "CSQLiteConfig", .product(name: "GRDB", package: "GRDB.swift"),
                // The import's hottest statement binds through the SQLite C API directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: hotPathSettings),
        .target(
            name: "BlogSync", dependencies: ["BlogModel", "BlogFormats", "BlogStore"],
            swiftSettings: hotPathSettings),
        .target(
            name: "BlogOutbox", dependencies: ["BlogModel", "BlogFormats", "BlogStore", "BlogSync"]),
        .target(name: "TextLayout", dependencies: ["BlogModel"]),
        .target(name: "ReaderCore", dependencies: ["BlogModel", "TextLayout"]),
        .target(name: "ScreenKit", dependencies: ["ReaderCore", "TextLayout", "BlogModel", "TOMLKit"]),
        .target(
            name: "ReaderRuntime",
            dependencies: [
                "BlogModel", "BlogFormats", "BlogStore", "BlogSync", "BlogOutbox", "ReaderCore", "ScreenKit",
                "TextLayout",
            ]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TerminalBackend", dependencies: ["ReaderCore", "ScreenKit", "TextLayout", "CNcursesw"]),
        .executableTarget(
            name: "lectern",
            dependencies: [
                "BlogModel", "BlogFormats", "BlogStore", "BlogSync", "BlogOutbox", "ReaderCore", "ReaderRuntime",
                "ScreenKit", "TextLayout", "TerminalBackend", "TOMLKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources/sample-blog.xml")]),
        .executableTarget(
            name: "lectern-bench",
            dependencies: [
                "BlogModel", "BlogFormats", "BlogStore", "BlogSync", "ReaderCore", "ReaderRuntime", "ScreenKit",
                "TextLayout", "TerminalBackend", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "BlogModelTests", dependencies: ["BlogModel"]),
        .testTarget(name: "BlogFormatsTests", dependencies: ["BlogFormats", "BlogModel"]),
        .testTarget(
            name: "BlogStoreTests",
            dependencies: [
                "BlogStore", "BlogModel", "LecternTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // What tests of several targets share: the real WordPress site and the Python servers.
        .target(
            name: "LecternTestSupport", dependencies: ["BlogStore"], path: "Tests/LecternTestSupport",
            exclude: ["Server"]),
        .testTarget(
            name: "BlogSyncTests",
            dependencies: [
                "BlogSync", "BlogStore", "BlogFormats", "BlogModel", "LecternTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "BlogOutboxTests",
            dependencies: ["BlogOutbox", "BlogSync", "BlogStore", "BlogFormats", "BlogModel", "LecternTestSupport"]),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout", "BlogModel"]),
        .testTarget(name: "ReaderCoreTests", dependencies: ["ReaderCore", "TextLayout", "BlogModel"]),
        .testTarget(
            name: "ScreenKitTests", dependencies: ["ScreenKit", "TextLayout", "ReaderCore", "BlogModel"],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "ReaderRuntimeTests",
            dependencies: [
                "ReaderRuntime", "ReaderCore", "ScreenKit", "BlogStore", "BlogSync", "BlogModel", "LecternTestSupport",
            ]),
        .testTarget(
            name: "TerminalBackendTests", dependencies: ["TerminalBackend", "ScreenKit", "ReaderCore", "CNcursesw"]),
        // The `lectern` command as users and scripts run it: its JSON contract.
        .testTarget(name: "LecternCLITests", dependencies: ["LecternTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LecternTestSupport"]),
    ]
)
