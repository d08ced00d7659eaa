#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error and standard input through their descriptors. The command-line tool needs no
/// more of Foundation than FoundationEssentials: linking Foundation itself would add its
/// internationalization data to the binary and slow every start.
enum StandardStreams {
    /// True when standard output is a terminal (a person reads it) rather than a file or a pipe.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// True when standard error is a terminal (progress bars are drawn).
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes all of `text` to standard error.
    static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Why standard input could not be read (the system's words for `errno`).
    struct ReadFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Every byte of standard input, read to its end.
    static func readInput() throws(ReadFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ReadFailure(description: String(cString: strerror(errno))) }
            guard count > 0 else { return bytes }
            bytes += chunk[..<count]
        }
    }
}

extension Double {
    /// The value as C's `printf("%.Nf")` writes it, `N` = `decimals` (what `String(format:)` gave).
    func formatted(decimals: Int) -> String {
        let format = "%.\(max(0, decimals))f"
        let length = withVaList([self]) { vsnprintf(nil, 0, format, $0) }
        guard length >= 0 else { return "\(self)" }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        _ = withVaList([self]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
