#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import NotePipeline

/// Where the tests find the repository, the shared corpora and the built binary, and one shared
/// pipeline (lexicons load once per test process).
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` beside the repository (CI has the same folder).
    public static var shared: String { root + "/../shared" }

    /// The public MTSamples notes, read in place.
    public static var mtsamples: String { shared + "/corpora/mtsamples-pain" }

    /// The NegEx test set, read in place.
    public static var negex: String { shared + "/corpora/negex/rsAnnotations-1-120-random.txt" }

    public static let pipeline: NeedlepointPipeline = {
        do { return try NeedlepointPipeline() } catch { fatalError("embedded lexicons do not load: \(error)") }
    }()

    /// The text of a repository file.
    public static func text(_ relativePath: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relativePath))
        return String(decoding: data, as: UTF8.self)
    }

    /// Files in a folder with an extension, sorted, as full paths.
    public static func files(in folder: String, withExtension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { folder + "/" + $0 }
    }

    /// Codes a text and returns its contract JSON.
    public static func result(_ text: String, id: String = "test") -> JSONValue {
        ResultEncoder.json(pipeline.run(bytes: Array(text.utf8), id: id))
    }
}
