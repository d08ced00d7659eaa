import CoderServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NotePipeline
import Testing
import _NeedlepointTestSupport

/// The coder's page in a real browser (Debian's headless Chromium through chromedriver): paste a
/// bundled note, press Code, and check the code lines, a flag and the highlighted evidence against
/// the note's gold annotation.
@Suite("Coder's page in Chromium", .serialized)
struct BrowserTests {
    static let note = "Corpora/authored/cervical-ilesi-c7-t1-dictated-celestone-no-post-score"
    /// Where the screenshot goes (inside .build, so it is never committed by accident).
    static let screenshot = Fixtures.root + "/.build/browser-test/coder-page.png"

    @Test("Paste a note, press Code: code lines, the flag and highlighted evidence appear")
    func pasteAndCode() async throws {
        let text = try String(contentsOfFile: Fixtures.root + "/" + Self.note + ".txt", encoding: .utf8)
        let gold = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.root + "/" + Self.note + ".gold.json"))))
        let goldCodes = (gold["codes"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
        let goldFlags = (gold["flags"]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0["id"]?.stringValue }
        #expect(!goldCodes.isEmpty && !goldFlags.isEmpty)

        let app = try CoderServer(configuration: .init(host: "127.0.0.1", port: 0)).application(logger: Logger(label: "browser-test"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let browser = try await WebDriver(width: 1280, height: 800)
            do {
                try await browser.open("http://127.0.0.1:\(port)/")
                let area = try await browser.element("#note")
                try await browser.type(text, into: area)
                try await browser.click(try await browser.element("#code"))
                try await browser.wait(for: "return document.querySelectorAll('#codes td.code').length > 0")

                let codes = try await browser.script("return [...document.querySelectorAll('#codes td.code')].map(n => n.textContent)") as? [String]
                #expect(codes == goldCodes)
                let flags = try await browser.script("return [...document.querySelectorAll('#flags .flag b')].map(n => n.textContent)") as? [String]
                #expect(Set(flags ?? []) == Set(goldFlags))

                // Evidence is highlighted, and selecting the first code line marks its spans.
                let marks = try await browser.script("return document.querySelectorAll('#note-view mark.ev').length") as? Int ?? 0
                #expect(marks > 0)
                try await browser.click(try await browser.element("#codes tr[data-owner='code-0']"))
                let active = try await browser.script(
                    "return [...document.querySelectorAll('#note-view mark.ev.active')].map(n => n.textContent).join('|')") as? String ?? ""
                #expect(!active.isEmpty)
                #expect(text.contains(active.split(separator: "|").first.map(String.init) ?? "\u{0}"))

                let png = try await browser.screenshot()
                try FileManager.default.createDirectory(atPath: (Self.screenshot as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try png.write(to: URL(fileURLWithPath: Self.screenshot))
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }
}
