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

    /// Every byte of standard input, read to its end.
    static func readInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return bytes }
            bytes += chunk[..<count]
        }
    }
}

extension Double {
    /// The value with `decimals` digits after the point, rounded ("%.1f" without Foundation).
    func formatted(decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (magnitude * scale).rounded()
        guard isFinite, scaled < 1e15 else { return "\(self)" }
        let units = Int(scaled), divisor = Int(scale)
        let sign = self < 0 && units != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(units) }
        let fraction = String(units % divisor)
        return sign + String(units / divisor) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
