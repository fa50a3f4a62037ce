// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Kiln",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "kiln", targets: ["kiln"]),
    .library(name: "Jinja", targets: ["Jinja"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // System libraries, found by pkg-config.
    .systemLibrary(
      name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(
      name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),

    // Kiln modules, lowest first; each imports only those above it.
    .target(name: "KilnDiagnostics"),
    .target(
      name: "KilnSecrets",
      dependencies: ["KilnDiagnostics", .product(name: "Crypto", package: "swift-crypto")],
      // scrypt at age's work factor 18 is ~30x slower unoptimised; keep it optimised in debug.
      swiftSettings: [.unsafeFlags(["-O"])]),
    .target(name: "KilnYAML", dependencies: ["CLibYAML", "KilnDiagnostics"]),
    .target(name: "KilnGit", dependencies: ["CLibGit2", "KilnDiagnostics"]),
    .target(name: "Jinja", dependencies: ["KilnDiagnostics"]),
    .target(
      name: "KilnModel", dependencies: ["KilnDiagnostics", "KilnYAML", "KilnGit", "Jinja"]),
    .target(name: "KilnFormats", dependencies: ["KilnDiagnostics", "KilnYAML"]),
    .target(
      name: "KilnFirmware",
      dependencies: ["KilnDiagnostics", "KilnYAML", "KilnGit", "Jinja", "KilnModel", "KilnFormats"]),
    .target(
      name: "KilnCompiler",
      dependencies: [
        "KilnDiagnostics", "KilnYAML", "KilnGit", "Jinja", "KilnModel", "KilnFormats",
        "KilnSecrets", "KilnFirmware", .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "KilnCheck",
      dependencies: [
        "KilnDiagnostics", "KilnYAML", "KilnGit", "Jinja", "KilnModel", "KilnFormats",
        "KilnFirmware", "KilnCompiler",
      ]),
    .target(
      name: "KilnReview",
      dependencies: [
        "KilnDiagnostics", "KilnYAML", "KilnGit", "KilnModel", "KilnFormats", "KilnCompiler",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "KilnBundle",
      dependencies: [
        "KilnDiagnostics", "KilnYAML", "KilnGit", "KilnModel", "KilnCompiler", "KilnSecrets",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "KilnExecutor",
      dependencies: [
        "KilnDiagnostics", "KilnYAML", "KilnModel", "KilnCompiler", "KilnBundle", "KilnSecrets",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "KilnImport",
      dependencies: [
        "KilnDiagnostics", "KilnYAML", "KilnModel", "KilnFormats", "KilnSecrets", "KilnFirmware",
      ]),
    .executableTarget(
      name: "kiln",
      dependencies: [
        "KilnDiagnostics", "KilnYAML", "KilnGit", "Jinja", "KilnModel", "KilnFormats",
        "KilnCompiler", "KilnBundle", "KilnSecrets", "KilnFirmware", "KilnCheck", "KilnReview",
        "KilnExecutor", "KilnImport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .executableTarget(name: "JinjaBenchmark", dependencies: ["Jinja", "KilnDiagnostics"]),

    // Helpers every test target shares: processes, fixture git, scratch directories, a PRNG.
    .target(name: "KilnTestSupport", path: "Tests/KilnTestSupport"),

    .testTarget(name: "KilnDiagnosticsTests", dependencies: ["KilnDiagnostics"]),
    .testTarget(name: "KilnYAMLTests", dependencies: ["KilnYAML", "KilnTestSupport"]),
    .testTarget(name: "KilnGitTests", dependencies: ["KilnGit", "KilnTestSupport"]),
    .testTarget(
      name: "JinjaTests", dependencies: ["Jinja", "KilnTestSupport"], exclude: ["reference"],
      resources: [.copy("Corpus")]),
    .testTarget(name: "KilnModelTests", dependencies: ["KilnModel", "KilnTestSupport"]),
    .testTarget(
      name: "KilnFormatsTests", dependencies: ["KilnFormats", "KilnTestSupport"],
      exclude: ["Golden", "reference"]),
    .testTarget(
      name: "KilnCompilerTests",
      dependencies: [
        "KilnCompiler", "KilnFormats", "KilnTestSupport",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .testTarget(
      name: "KilnBundleTests",
      dependencies: ["KilnBundle", "KilnModel", "KilnCompiler", "KilnTestSupport"],
      exclude: ["reference"]),
    .testTarget(name: "KilnSecretsTests", dependencies: ["KilnSecrets", "KilnTestSupport"]),
    .testTarget(
      name: "KilnFirmwareTests",
      dependencies: [
        "KilnFirmware", "KilnModel", "Jinja", "KilnGit", "KilnDiagnostics", "KilnFormats",
        "KilnYAML", "KilnTestSupport",
      ]),
    .testTarget(
      name: "KilnCheckTests",
      dependencies: [
        "KilnCheck", "KilnCompiler", "KilnGit", "KilnYAML", "KilnDiagnostics", "KilnTestSupport",
      ]),
    .testTarget(
      name: "KilnReviewTests", dependencies: ["KilnReview", "KilnCompiler", "KilnTestSupport"]),
    .testTarget(
      name: "KilnExecutorTests",
      dependencies: [
        "KilnExecutor", "KilnBundle", "KilnModel", "KilnCompiler", "KilnSecrets",
        "KilnTestSupport",
      ]),
    .testTarget(
      name: "KilnImportTests", dependencies: ["KilnImport", "KilnModel", "KilnTestSupport"]),
    .testTarget(
      name: "KilnCLITests", dependencies: ["KilnCompiler", "KilnSecrets", "KilnTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
