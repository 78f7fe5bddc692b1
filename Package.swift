// swift-tools-version:6.0
// slurmrestd-swift: Slurm's REST gateway as an inetd-style program.
// No package dependencies; the only system library is libmunge (libjwt is not needed: docs/architecture.md).
import PackageDescription

let package = Package(
    name: "slurmrestd-swift",
    products: [
        .executable(name: "slurmrestd-swift", targets: ["slurmrestd-swift"]),
    ],
    targets: [
        // Pure parsers: HTTP/1.1 messages, JSON, slurm.conf. No I/O.
        .target(name: "SlurmParsing"),
        // Slurm's RPC protocol to slurmctld: wire codec (pure) and a thin socket layer.
        .target(name: "SlurmController", dependencies: ["SlurmParsing", "CMunge"]),
        // Route table: method + path + API version -> operation, rendering, OpenAPI.
        .target(name: "SlurmRoutes", dependencies: ["SlurmParsing", "SlurmController"]),
        // libmunge, with a tiny shim for the variadic munge_ctx_set().
        .target(name: "CMunge", linkerSettings: [.linkedLibrary("munge")]),
        .executableTarget(
            name: "slurmrestd-swift",
            dependencies: ["SlurmParsing", "SlurmController", "SlurmRoutes"],
            // The Swift runtime is linked in; the C library stays shared, because name lookups
            // (getpwuid & co.) load the site's NSS modules (sssd, LDAP, systemd), which crash
            // inside a fully static executable.
            linkerSettings: [.unsafeFlags(["-static-stdlib"])]
        ),
        .testTarget(name: "SlurmParsingTests", dependencies: ["SlurmParsing"]),
        // What the hostile-reply tests of the controller and route targets share.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SlurmControllerTests", dependencies: ["SlurmController", "TestSupport"],
                    resources: [.copy("Vectors")]),
        .testTarget(name: "SlurmRoutesTests", dependencies: ["SlurmRoutes", "TestSupport"]),
        // Runs against the real slurmctld daemons of the lab (Tests/lab/lab.sh): our executable,
        // and the controller client directly where a test drives the protocol itself.
        .testTarget(name: "LabTests", dependencies: ["SlurmController", "SlurmParsing"], resources: [.copy("Resources")]),
    ],
    // One thread per process by design (one connection, one request at a time): the Swift 5
    // language mode spares the static tables Sendable ceremony that buys nothing here.
    swiftLanguageModes: [.v5]
)
