// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Needlepoint",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "needlepoint", targets: ["NeedlepointCLI"]),
        .library(name: "NotePipeline", targets: ["NotePipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only the coder's web page (CoderServer) uses Hummingbird; the pipeline modules never see it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // System ICU (Debian libicu-dev): link flags only; no Swift code imports it.
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc", providers: [.apt(["libicu-dev"])]),
        // A small C API over ICU whose header carries no ICU types (Foundation ships its own ICU).
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // System libxml2 (Debian libxml2-dev) through a shim that keeps its ICU headers out.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "ClinicalText", dependencies: ["CICUShim"], swiftSettings: upcoming),
        .target(name: "CDAReader", dependencies: ["CLibXML2"], swiftSettings: upcoming),
        .target(name: "LexiconKit", swiftSettings: upcoming),
        .target(name: "NoteTagging", dependencies: ["ClinicalText", "LexiconKit"], swiftSettings: upcoming),
        .target(name: "NoteFacts", dependencies: ["NoteTagging", "ClinicalText"], swiftSettings: upcoming),
        .target(
            name: "ProcedureCoding", dependencies: ["NoteFacts", "NoteTagging", "ClinicalText", "LexiconKit"],
            swiftSettings: upcoming),
        .target(
            name: "NotePipeline",
            dependencies: ["ClinicalText", "LexiconKit", "NoteTagging", "NoteFacts", "CDAReader", "ProcedureCoding"],
            swiftSettings: upcoming),
        .target(name: "NoteEvaluation", dependencies: ["NotePipeline", "NoteFacts", "NoteTagging", "ClinicalText"],
                swiftSettings: upcoming),
        // `needlepoint review`: a batch's results → the HTML documentation-quality report and CSV.
        .target(name: "NoteReview", dependencies: ["NotePipeline", "ProcedureCoding", "NoteTagging", "ClinicalText"],
                resources: [.embedInCode("Report/Style")], swiftSettings: upcoming),
        // The coder's web page: a localhost HTTP server (Hummingbird) and its embedded page.
        .target(
            name: "CoderServer",
            dependencies: ["NotePipeline", "ProcedureCoding", "LexiconKit", "ClinicalText",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")],
            resources: [.embedInCode("Page")],
            swiftSettings: upcoming),
        .executableTarget(
            name: "NeedlepointCLI",
            dependencies: [
                "CoderServer", "NotePipeline", "NoteEvaluation", "NoteReview", "NoteFacts", "ClinicalText", "LexiconKit", "ProcedureCoding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming),
        .executableTarget(name: "generate-lexicons", dependencies: ["LexiconKit"], path: "Sources/GenerateLexicons"),
        .target(
            name: "_NeedlepointTestSupport",
            dependencies: ["NotePipeline", "NoteTagging", "ClinicalText"],
            swiftSettings: upcoming),
        .testTarget(name: "ClinicalTextTests", dependencies: ["ClinicalText", "NoteTagging", "NotePipeline", "_NeedlepointTestSupport"]),
        .testTarget(name: "LexiconKitTests", dependencies: ["LexiconKit", "NoteTagging", "NotePipeline", "_NeedlepointTestSupport"]),
        .testTarget(name: "NoteTaggingTests", dependencies: ["NoteTagging", "ClinicalText", "LexiconKit", "NotePipeline", "_NeedlepointTestSupport"]),
        .testTarget(name: "NoteFactsTests", dependencies: ["NoteFacts", "NotePipeline", "_NeedlepointTestSupport"]),
        .testTarget(name: "NotePipelineTests", dependencies: ["NotePipeline", "ClinicalText", "_NeedlepointTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ProcedureCodingTests",
                    dependencies: ["ProcedureCoding", "NotePipeline", "NoteEvaluation", "NoteFacts", "_NeedlepointTestSupport"]),
        .testTarget(name: "NoteEvaluationTests", dependencies: ["NoteEvaluation", "NotePipeline", "_NeedlepointTestSupport"]),
        .testTarget(name: "NoteReviewTests", dependencies: ["NoteReview", "NotePipeline", "_NeedlepointTestSupport"]),
        .testTarget(name: "CoderServerTests",
                    dependencies: ["CoderServer", "NotePipeline", "_NeedlepointTestSupport",
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "NeedlepointCLITests", dependencies: ["NeedlepointCLI", "NotePipeline", "_NeedlepointTestSupport"]),
    ]
)

// Benchmarks (Benchmarks/README.md): only with NEEDLEPOINT_BENCHMARKS=1, so the package's own build
// and tests never resolve or compile the benchmark harness.
if Context.environment["NEEDLEPOINT_BENCHMARKS"] == "1" {
    package.dependencies.append(.package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]))
    package.targets += [
        .executableTarget(
            name: "StageBenchmarks",
            dependencies: ["NotePipeline", "NoteTagging", "NoteFacts", "ProcedureCoding", "ClinicalText", "LexiconKit",
                           .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/StageBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(name: "profile-notes", dependencies: ["NotePipeline", "NoteFacts", "ProcedureCoding"], path: "Benchmarks/ProfileNotes"),
    ]
}
