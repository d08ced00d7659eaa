import Foundation
import LexiconKit

// `swift run generate-lexicons [ROOT]`: embeds every `Lexicons/**/*.tsv` into the sources in
// `Sources/LexiconKit/Generated/` (one per folder, and an index). A test fails while they are stale.
let root = URL(fileURLWithPath: CommandLine.arguments.count > 1
    ? CommandLine.arguments[1] : FileManager.default.currentDirectoryPath)
let lexicons = root.appendingPathComponent("Lexicons").standardizedFileURL
let output = root.appendingPathComponent(LexiconEmbedding.directory)

var files: [(path: String, text: String)] = []
let enumerator = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: nil)
while let url = enumerator?.nextObject() as? URL {
    guard url.pathExtension == "tsv" else { continue }
    let relative = String(url.standardizedFileURL.path.dropFirst(lexicons.path.count + 1))
    files.append((relative, try String(contentsOf: url, encoding: .utf8)))
}
let sources = LexiconEmbedding.swiftSources(for: files)
try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
// Sources of folders that are gone go too.
for stale in try FileManager.default.contentsOfDirectory(atPath: output.path)
where stale.hasSuffix(".swift") && !sources.contains(where: { $0.name == stale }) {
    try FileManager.default.removeItem(at: output.appendingPathComponent(stale))
}
for file in sources {
    try file.source.write(to: output.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
}
print("wrote \(files.count) lexicon tables into \(sources.count) files in \(output.path)")
