import CoderServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NotePipeline
import Testing
import _NeedlepointTestSupport

/// The HTTP API of the coder's page, on the real router and the real pipeline.
@Suite("Coder's page API")
struct APITests {
    static let example = Fixtures.root + "/Corpora/examples/lumbar-tfesi.txt"

    func app(logger: Logger = Logger(label: "test")) throws -> some ApplicationProtocol {
        try CoderServer(configuration: .init(host: "127.0.0.1", port: 0)).application(logger: logger)
    }

    @Test("GET / serves the self-contained page; /healthz answers")
    func page() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: response.body)
                #expect(html.contains(#"<textarea id="note""#))
                // Nothing is fetched from the network: no external scripts, styles, fonts or images.
                #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
                #expect(!html.contains("url(http"))
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test("POST /v1/code with a plain-text note gives the contract result with codes and evidence")
    func plainText() async throws {
        let note = try String(contentsOfFile: Self.example, encoding: .utf8)
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/code", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(string: note)) { response in
                #expect(response.status == .ok)
                let result = try JSONValue.parse(Array(buffer: response.body))
                #expect(result["schema"]?.stringValue == "needlepoint.result/1")
                let codes = (result["codes"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
                #expect(codes == ["64483", "64484", "J1100"])
                #expect(result["codes"]?.arrayValue?.allSatisfy { !($0["evidence"]?.arrayValue ?? []).isEmpty } == true)
                #expect(result["noteText"] == nil)
            }
        }
    }

    @Test("JSON body: id, noDrugCodes and includeText are honoured")
    func jsonBody() async throws {
        let note = try String(contentsOfFile: Self.example, encoding: .utf8)
        let body = JSONValue.object(["id": .string("visit-7"), "text": .string(note), "noDrugCodes": .bool(true),
                                     "includeText": .bool(true)]).serialized()
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/code", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let result = try JSONValue.parse(Array(buffer: response.body))
                #expect(result["id"]?.stringValue == "visit-7")
                let codes = (result["codes"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
                #expect(codes == ["64483", "64484"])
                #expect(result["noteText"]?.stringValue == note)
            }
        }
    }

    @Test("Malformed JSON is 400, a body over 1 MB is 413, an unreadable note is 422 — each with a JSON error")
    func errors() async throws {
        try await app().test(.router) { client in
            for body in [#"{"text": "unterminated"#, #"["not", "an", "object"]"#, #"{"id": 7, "text": "x"}"#] {
                try await client.execute(uri: "/v1/code", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest)
                    let error = try JSONValue.parse(Array(buffer: response.body))["error"]
                    #expect(error?["kind"]?.stringValue == "malformed-json")
                    #expect(error?["message"]?.stringValue?.isEmpty == false)
                }
            }
            let large = String(repeating: "Left L4-5 transforaminal epidural steroid injection. ", count: 21_000)
            try await client.execute(uri: "/v1/code", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(string: large)) { response in
                #expect(response.status == .contentTooLarge)
                let error = try JSONValue.parse(Array(buffer: response.body))["error"]
                #expect(error?["kind"]?.stringValue == "body-too-large")
            }
            try await client.execute(uri: "/v1/code", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(string: "   \n")) { response in
                #expect(response.status == .unprocessableContent)
                let record = try JSONValue.parse(Array(buffer: response.body))
                #expect(record["error"]?["kind"]?.stringValue == "empty")
                #expect(record["schema"]?.stringValue == "needlepoint.result/1")
            }
        }
    }

    @Test("The log of a live server names requests but never holds note text")
    func logHoldsNoNoteText() async throws {
        let captured = CapturedLog()
        var logger = Logger(label: "test") { _ in captured }
        logger.logLevel = .trace
        let marker = "Zanzibar-Quillfeather"
        let note = "Patient: \(marker). Right L5-S1 transforaminal epidural steroid injection under fluoroscopy."
        try await app(logger: logger).test(.live) { client in
            try await client.execute(uri: "/v1/code", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(string: note)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/code?includeText=true", method: .post,
                                     headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"text": "\#(note)", "#)) { #expect($0.status == .badRequest) }
        }
        let lines = captured.lines
        #expect(lines.contains { $0.contains("POST /v1/code 200") })
        #expect(lines.contains { $0.contains("POST /v1/code 400") })
        #expect(!lines.contains { $0.contains(marker) || $0.contains("transforaminal") })
    }
}

/// A log handler that keeps every message with its metadata, for the PHI check.
final class CapturedLog: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var lines: [String] { lock.withLock { storage } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        let all = self.metadata.merging(metadata ?? [:]) { $1 }
        lock.withLock { storage.append("\(level) \(message) \(all)") }
    }
}
