import Foundation
import LexiconKit

// `swift run generate-lexicons [ROOT]`: embeds every `Lexicons/**/*.tsv` into
// `Sources/LexiconKit/EmbeddedLexicons+Generated.swift`. A test fails while that file is stale.
let root = URL(fileURLWithPath: CommandLine.arguments.count > 1
    ? CommandLine.arguments[1] : FileManager.default.currentDirectoryPath)
let lexicons = root.appendingPathComponent("Lexicons").standardizedFileURL
let output = root.appendingPathComponent("Sources/LexiconKit/EmbeddedLexicons+Generated.swift")

var files: [(path: String, text: String)] = []
let enumerator = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: nil)
while let url = enumerator?.nextObject() as? URL {
    guard url.pathExtension == "tsv" else { continue }
    let relative = String(url.standardizedFileURL.path.dropFirst(lexicons.path.count + 1))
    files.append((relative, try String(contentsOf: url, encoding: .utf8)))
}
try LexiconEmbedding.swiftSource(for: files).write(to: output, atomically: true, encoding: .utf8)
print("wrote \(files.count) lexicon tables to \(output.path)")
