// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Darmarka",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DarmarkaKit", targets: ["DarmarkaKit"]),
        .executable(name: "darmarka", targets: ["darmarka"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Pinned to its minor version: its English error messages are matched
        // and translated word for word (DarmarkaCore/Text/ArgumentMessages.swift),
        // and a minor release may reword them. Check them before raising this.
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        // SHA-256 of imported files: BoringSSL's, not one of our own.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Reading .xlsx workbooks for import: they are zips of XML.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `darmarka serve`: the web app a label's QR opens (issue 14).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The PostgreSQL store (issue 15): the wire protocol, no libpq.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // postgres-nio logs through it; Darmarka gives it a logger that says nothing.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C libraries from Debian's -dev packages (scripts/test installs them).
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode",
                       providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CXlsxwriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),

        // Pure domain rules: values and functions, no I/O, no SQL.
        .target(name: "DarmarkaCore"),

        // The imperative shell: SQLite store, rendering, import/export.
        .target(name: "DarmarkaKit", dependencies: [
            "DarmarkaCore",
            "CQRencode",
            "CCairo",
            "CXlsxwriter",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The web app for phones: routes, sessions, roles and pages over DarmarkaKit.
        .target(name: "DarmarkaWeb", dependencies: [
            "DarmarkaKit",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // The command line: parse, call DarmarkaKit, format.
        .executableTarget(name: "darmarka", dependencies: [
            "DarmarkaKit",
            "DarmarkaWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "DarmarkaCoreTests", dependencies: ["DarmarkaCore"]),
        .testTarget(name: "DarmarkaKitTests", dependencies: ["DarmarkaKit", .product(name: "GRDB", package: "GRDB.swift"),
                                                          .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "DarmarkaWebTests", dependencies: [
            "DarmarkaWeb", "DarmarkaKit",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
