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
    /// The chunk read last: `chunk[position..<filled]` is not yet consumed.
    private var chunk = [UInt8](repeating: 0, count: 65_536)
    private var filled = 0
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
            if position >= filled {
                guard fill() else {
                    if line.isEmpty && !tooLong { return nil }
                    return tooLong ? .tooLong : .line(line)
                }
            }
            let (start, end) = (position, filled)
            let newline = chunk.withUnsafeBufferPointer { chunk in
                memchr(chunk.baseAddress! + start, 0x0A, end - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(chunk.baseAddress!) }
            }
            if let newline {
                if !tooLong { line += chunk[start..<newline] }
                position = newline + 1
                if !tooLong, line.count > maxLine { tooLong = true }
                if line.last == 0x0D { line.removeLast() }
                return tooLong ? .tooLong : .line(line)
            }
            if !tooLong { line += chunk[start..<end] }
            position = end
            if line.count > maxLine { tooLong = true; line = [] }
        }
    }

    /// Reads the next chunk of the file into the one buffer; false at the end (the file is closed).
    private mutating func fill() -> Bool {
        guard !finished else { return false }
        let descriptor = descriptor
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 {
            finished = true
            close(descriptor)
            return false
        }
        (filled, position) = (count, 0)
        return true
    }
}
