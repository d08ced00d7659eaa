import Foundation
import Hummingbird
import HummingbirdTesting

/// A minimal W3C WebDriver client for the browser test: it starts Debian's `chromedriver`, opens a
/// headless `chromium` session and speaks the JSON wire protocol over loopback.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    private let process = Process()
    private let port: Int
    private var session = ""

    /// Starts chromedriver on a free loopback port and a headless browser session at `width × height`.
    init(width: Int, height: Int) async throws {
        for tool in [Self.chromium, Self.chromedriver] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw Failure(description: "\(tool) is missing: apt-get install -y chromium chromium-driver (the README's set-up command)")
        }
        let port = try Self.freePort()
        self.port = port
        process.executableURL = URL(fileURLWithPath: Self.chromedriver)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while !Self.accepts(port) {
            guard ContinuousClock.now < deadline, process.isRunning else {
                throw Failure(description: "chromedriver did not start on port \(port)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": Self.chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=\(width),\(height)", "--no-first-run", "--disable-extensions"],
            ],
        ]]]
        let created = try await call("POST", "/session", capabilities)
        guard let id = (created as? [String: Any])?["sessionId"] as? String else {
            throw Failure(description: "no browser session: \(String(describing: created))")
        }
        session = id
    }

    func quit() async {
        if !session.isEmpty { _ = try? await call("DELETE", "/session/\(session)") }
        // Not waitUntilExit(): it spins Foundation's run loop, which stalls the test's server shutdown.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    func open(_ url: String) async throws { _ = try await call("POST", "/session/\(session)/url", ["url": url]) }

    /// The element the CSS selector finds first.
    func element(_ selector: String) async throws -> String {
        let found = try await call("POST", "/session/\(session)/element", ["using": "css selector", "value": selector])
        guard let id = (found as? [String: Any])?[Self.elementKey] as? String else {
            throw Failure(description: "no element for \(selector)")
        }
        return id
    }

    func type(_ text: String, into element: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(element)/value", ["text": text])
    }

    func click(_ element: String) async throws { _ = try await call("POST", "/session/\(session)/element/\(element)/click", [:]) }

    /// Runs a script in the page and returns its value.
    func script(_ source: String) async throws -> Any? {
        try await call("POST", "/session/\(session)/execute/sync", ["script": source, "args": []])
    }

    /// Polls `condition` (a script returning a boolean) until it holds.
    func wait(for condition: String, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while (try await script(condition)) as? Bool != true {
            guard ContinuousClock.now < deadline else { throw Failure(description: "timed out waiting for \(condition)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// A PNG of the window.
    func screenshot() async throws -> Data {
        guard let encoded = try await call("GET", "/session/\(session)/screenshot") as? String,
              let data = Data(base64Encoded: encoded) else { throw Failure(description: "no screenshot") }
        return data
    }

    /// One WebDriver command over a fresh loopback connection (HummingbirdTesting's NIO client);
    /// returns the response's `value`, or throws the WebDriver error.
    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let payload = try body.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        var headers: HTTPFields = [:]
        if payload != nil { headers[.contentType] = "application/json" }
        let request = TestClient.Request(path, method: HTTPRequest.Method(method)!, authority: "127.0.0.1:\(port)",
                                         headers: headers, body: payload)
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60))) {
            try await $0.execute(request)
        }
        let bytes = response.body.map { Array(buffer: $0) } ?? []
        let value = (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])?["value"]
        if response.status.code >= 400 {
            throw Failure(description: "WebDriver \(method) \(path): \(response.status.code) \(String(describing: value))")
        }
        return value is NSNull ? nil : value
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    /// True when something accepts connections on the loopback port.
    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A port nobody listens on now (bound and released).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "no socket") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
