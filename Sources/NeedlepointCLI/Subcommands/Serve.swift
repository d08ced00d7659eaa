import ArgumentParser
import CoderServer
import FoundationEssentials
import LexiconKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the coder's page: paste a note in a browser, see its codes, flags and evidence.",
        discussion: """
        Serves a page on this machine (127.0.0.1 unless --host says otherwise) and prints the URL to \
        open. The page and its scripts are built into the binary: nothing is fetched from the network, \
        and notes never leave the machine or reach the log (it holds method, path and status only).

        Endpoints:
          GET  /          the page
          POST /v1/code   a note (text/plain) or {"id", "text", "noDrugCodes", "includeText"} JSON;
                          the contract result (200), its error record (422), 400 for malformed JSON,
                          413 for a body over 1 MB
          GET  /healthz   {"status":"ok"}

        Examples:
          needlepoint serve
          needlepoint serve --port 9000
          curl --data-binary @note.txt -H 'Content-Type: text/plain' http://127.0.0.1:8080/v1/code
        """)

    @Option(name: .long, help: ArgumentHelp("Address to listen on. Other than loopback, anyone who can reach it can send notes.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "n"))
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Read lexicon tables from this folder instead of the copy built into the binary.", valueName: "dir"))
    var lexicons: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let server: CoderServer
        do {
            server = try CoderServer(configuration: .init(host: host, port: port),
                                     lexicons: lexicons.map { .directory($0) } ?? .embedded)
        } catch {
            throw ValidationError("lexicon error: \(error)")
        }
        let host = self.host
        try await server.run { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            StandardStreams.writeError("Needlepoint coder's page: open http://\(shown):\(port)/  (Ctrl+C stops it)\n")
        }
    }
}
