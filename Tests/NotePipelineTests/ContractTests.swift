import Foundation
import NotePipeline
import Testing
import _NeedlepointTestSupport

@Suite("Contract output")
struct ContractTests {
    static let corpusNotes: [String] =
        Fixtures.files(in: Fixtures.root + "/Corpora/authored", withExtension: "txt")
        + Fixtures.files(in: Fixtures.root + "/Corpora/examples", withExtension: "txt")
        + Fixtures.files(in: Fixtures.mtsamples, withExtension: "txt")

    @Test("the public corpus is where the tests expect it")
    func corpusIsThere() {
        #expect(Fixtures.files(in: Fixtures.mtsamples, withExtension: "txt").count == 101)
        #expect(Fixtures.files(in: Fixtures.root + "/Corpora/authored", withExtension: "txt").count >= 40)
    }

    @Test("every note codes without error, with the contract's fields, and every evidence item is the text it cites",
          arguments: corpusNotes)
    func contractShape(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = Fixtures.result(text, id: "n")
        #expect(result["error"] == nil)
        #expect(result["schema"]?.stringValue == "needlepoint.result/1")
        for key in ["procedures", "drugs", "diagnoses", "codes", "flags"] { #expect(result[key]?.arrayValue != nil, "\(key)") }
        #expect(result["contrast"]?["documented"]?.boolValue != nil)
        let families = ["epidural-interlaminar", "epidural-transforaminal", "facet-joint", "medial-branch-block", "facet-rfa",
                        "sacroiliac-joint", "nerve-block", "trigger-point", "acupuncture", "dry-needling", "chemodenervation", "other"]
        let scalars = Array(text.unicodeScalars)
        for procedure in result["procedures"]?.arrayValue ?? [] {
            #expect(families.contains(procedure["family"]?.stringValue ?? "?"))
            #expect(procedure["evidence"]?.arrayValue?.isEmpty == false, "a procedure without evidence")
        }
        var evidence: [JSONValue] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if let items = members["evidence"]?.arrayValue { evidence += items }
                members.values.forEach(collect)
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(result)
        for item in evidence {
            let start = Int(item["start"]?.numberValue ?? -1), end = Int(item["end"]?.numberValue ?? -1)
            try #require(start >= 0 && start <= end && end <= scalars.count)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == item["text"]?.stringValue)
        }
    }

    @Test("output is deterministic: keys sorted, same bytes every run")
    func deterministic() throws {
        let text = try Fixtures.text("Corpora/examples/lumbar-tfesi.txt")
        let first = Fixtures.result(text).serialized(pretty: true)
        let second = ResultEncoder.json(try NeedlepointPipeline().run(bytes: Array(text.utf8), id: "test")).serialized(pretty: true)
        #expect(first == second)
        #expect(first.hasPrefix("{\n  \"codes\": [\n    {\n      \"code\": \"64483\","))
        #expect(JSONValue.object(["b": .number(10), "a": .string("x/y\n")]).serialized() == "{\"a\":\"x/y\\n\",\"b\":10}")
    }

    @Test("the result writer prints what the JSON tree prints: keys in order, same layout, compact and pretty",
          arguments: corpusNotes)
    func writerMatchesTree(path: String) throws {
        let result = Fixtures.pipeline.run(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), id: "n")
        for pretty in [false, true] {
            let written = ResultEncoder.bytes(result, pretty: pretty)
            let tree = try JSONValue.parse(written)
            #expect(written == Array(tree.serialized(pretty: pretty).utf8))
        }
    }

    @Test("the writer lays out nesting and empty containers like the tree")
    func writerLayout() throws {
        let tree = JSONValue.object(["a": .array([]), "b": .object([:]), "c": .array([.number(1.5), .object(["d": .null])]),
                                     "e": .bool(true), "f": .string("\u{1}\"/")])
        for pretty in [false, true] {
            var writer = JSONWriter(pretty: pretty)
            writer.beginObject()
            writer.key("a"); writer.beginArray(); writer.endArray()
            writer.key("b"); writer.beginObject(); writer.endObject()
            writer.key("c"); writer.beginArray(); writer.number(1.5); writer.beginObject(); writer.key("d"); writer.null()
            writer.endObject(); writer.endArray()
            writer.key("e"); writer.bool(true)
            writer.key("f"); writer.string("\u{1}\"/")
            writer.endObject()
            #expect(String(decoding: writer.bytes, as: UTF8.self) == tree.serialized(pretty: pretty))
        }
    }

    @Test("the writer prints integers as the tree does, at every digit count and sign")
    func writerIntegers() {
        let values: [Int] = [0, 1, 9, 10, 11, 99, 100, 101, 109, 110, 999, 1_000, 1_009, 12_345, 99_999, 100_000,
                             1_234_567, 90_000_000_001, 999_999_999_999_999, -1, -9, -10, -99, -100, -12_345]
        for value in values {
            var writer = JSONWriter()
            writer.beginArray(); writer.number(value); writer.number(Double(value)); writer.endArray()
            let number = JSONValue.number(Double(value)).serialized()
            #expect(String(decoding: writer.bytes, as: UTF8.self) == "[\(number),\(number)]", "\(value)")
        }
    }

    @Test("a recorded value written again is byte for byte the value written anew, as a member and as an item")
    func writerRepeatsValues() {
        let value = JSONValue.array([.number(1), .object(["x": .string("y")])])
        let tree = JSONValue.object(["a": value, "b": value, "c": .array([value, value])])
        func write(_ w: inout JSONWriter) {
            w.beginArray(); w.number(1); w.beginObject(); w.key("x"); w.string("y"); w.endObject(); w.endArray()
        }
        for pretty in [false, true] {
            var writer = JSONWriter(pretty: pretty)
            writer.beginObject()
            writer.key("a"); let member = writer.recordingValue(write)
            writer.key("b"); writer.repeatValue(member)
            writer.key("c"); writer.beginArray()
            let item = writer.recordingValue(write)
            writer.repeatValue(item)
            writer.endArray()
            writer.endObject()
            #expect(String(decoding: writer.bytes, as: UTF8.self) == tree.serialized(pretty: pretty))
        }
    }
}
