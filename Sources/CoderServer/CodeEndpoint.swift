import Hummingbird
import NotePipeline
import ClinicalText

/// `POST /v1/code`: the body is the note itself (any content type but JSON), or JSON
/// `{"id": ..., "text": ..., "noDrugCodes": ..., "includeText": ...}`. The answer is the contract
/// result (200), or its error record for a note that cannot be read (422); malformed JSON is 400 and
/// a body over the limit 413, each with `{"error": {"kind", "message"}}`. `?noDrugCodes=true` and
/// `?includeText=true` work for plain bodies. With `includeText` the result carries `noteText`, the
/// text its offsets point into (the narrative, for a CDA document), which the page highlights.
struct CodeEndpoint: Sendable {
    let withDrugCodes: NeedlepointPipeline
    let withoutDrugCodes: NeedlepointPipeline
    let maxBodyBytes: Int

    func respond(to request: Request, context: some RequestContext) async -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            return Self.error(.contentTooLarge, "body-too-large", "The request body is over \(maxBodyBytes) bytes.")
        }
        var id = "pasted"
        var bytes = Array(buffer: body)
        var noDrugCodes = request.uri.queryParameters.get("noDrugCodes").map(Self.isTrue) ?? false
        var includeText = request.uri.queryParameters.get("includeText").map(Self.isTrue) ?? false
        if request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true {
            let object: JSONValue
            do { object = try JSONValue.parse(bytes) } catch {
                // The parser names only an offset and a reason; the client gets the contract's message.
                return Self.error(.badRequest, "malformed-json",
                                  #"The body is not valid JSON. Send the note as text/plain, or a JSON object with a "text" string."#)
            }
            guard case .object = object, let text = object["text"]?.stringValue else {
                return Self.error(.badRequest, "malformed-json", #"The body must be a JSON object with a "text" string."#)
            }
            if let given = object["id"] {
                guard let value = given.stringValue, !value.isEmpty else {
                    return Self.error(.badRequest, "malformed-json", #""id" must be a non-empty string."#)
                }
                id = value
            }
            noDrugCodes = object["noDrugCodes"]?.boolValue ?? noDrugCodes
            includeText = object["includeText"]?.boolValue ?? includeText
            bytes = Array(text.utf8)
        }
        let pipeline = noDrugCodes ? withoutDrugCodes : withDrugCodes
        let result = pipeline.run(bytes: bytes, id: id)
        var json = ResultEncoder.json(result)
        var status = HTTPResponse.Status.ok
        switch result.outcome {
        case .failed: status = .unprocessableContent
        case .coded(let coded):
            if includeText, case .object(var members) = json {
                members["noteText"] = .string(coded.note.text.string)
                json = .object(members)
            }
        }
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: json.serialized())))
    }

    static func isTrue(_ value: String) -> Bool { value == "true" || value == "1" || value == "yes" }

    static func error(_ status: HTTPResponse.Status, _ kind: String, _ message: String) -> Response {
        let json = JSONValue.object(["error": .object(["kind": .string(kind), "message": .string(message)])])
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: json.serialized())))
    }
}
