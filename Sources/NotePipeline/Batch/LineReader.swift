#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line in 64 KiB chunks, so a JSON Lines file of any size streams in flat
/// memory; a line longer than the limit is reported (and skipped) without being held.
public struct LineReader: Sendable {
    public enum Line { case line([UInt8]), tooLong }

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private let maxLine: Int

    /// Opens `path`; nil when it cannot be opened. Lines over `maxLine` bytes come back as `.tooLong`.
    public init?(path: String, maxLine: Int) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.maxLine = maxLine
    }

    /// The next line without its line ending (LF or CRLF), or nil at the end of the file.
    public mutating func next() -> Line? {
        var line: [UInt8] = []
        var tooLong = false
        while true {
            if position >= buffer.count {
                guard fill() else {
                    if line.isEmpty && !tooLong { return nil }
                    return tooLong ? .tooLong : .line(line)
                }
            }
            let rest = buffer[position...]
            if let newline = rest.firstIndex(of: 0x0A) {
                if !tooLong { line += buffer[position..<newline] }
                position = newline + 1
                if !tooLong, line.count > maxLine { tooLong = true }
                if line.last == 0x0D { line.removeLast() }
                return tooLong ? .tooLong : .line(line)
            }
            if !tooLong { line += rest }
            position = buffer.count
            if line.count > maxLine { tooLong = true; line = [] }
        }
    }

    private mutating func fill() -> Bool {
        guard !finished else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 65_536) }
        if count <= 0 {
            finished = true
            close(descriptor)
            return false
        }
        buffer = Array(chunk[0..<count])
        position = 0
        return true
    }
}
