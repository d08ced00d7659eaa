public import Hummingbird
public import Logging
import NotePipeline
import ProcedureCoding
public import LexiconKit

/// The coder's page: a localhost HTTP server where a coder pastes a note and sees its codes, flags
/// and evidence. Routes: `GET /` (the page, embedded in the binary), `POST /v1/code` (a note in,
/// the contract result out), `GET /healthz`. Note text is never logged: the request log names the
/// method, path and status only.
public struct CoderServer: Sendable {
    /// Where to listen. Loopback unless told otherwise: notes are protected health information.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// Largest request body accepted (413 beyond it).
        public var maxBodyBytes: Int

        public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20) {
            self.host = host
            self.port = port
            self.maxBodyBytes = maxBodyBytes
        }
    }

    public let configuration: Configuration
    let coding: CodeEndpoint

    /// - Parameters:
    ///   - lexicons: where the lexicon tables come from (the embedded copy by default).
    public init(configuration: Configuration = Configuration(), lexicons: LexiconSource = .embedded)
        throws(LexiconError) {
        self.configuration = configuration
        self.coding = CodeEndpoint(
            withDrugCodes: try NeedlepointPipeline(lexicons: lexicons, options: CodingOptions(includeDrugCodes: true)),
            withoutDrugCodes: try NeedlepointPipeline(lexicons: lexicons, options: CodingOptions(includeDrugCodes: false)),
            maxBodyBytes: configuration.maxBodyBytes)
    }

    /// The routes, for the server and for tests.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware())
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.index_html)))
        }
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        let coding = self.coding
        router.post("/v1/code") { request, context in
            await coding.respond(to: request, context: context)
        }
        return router
    }

    /// The application; `onRunning` receives the bound port (useful with port 0).
    public func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "needlepoint"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, logging requests (method, path, status) at info level to
    /// standard output; `onRunning` receives the bound port.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "needlepoint.serve")
        logger.logLevel = .info
        try await application(logger: logger, onRunning: onRunning).runService()
    }
}
