#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in place of another only when complete: bytes go to a temporary file in the
/// target's folder, which is flushed to disk (`fsync`) and renamed over the target (`rename(2)`),
/// so a reader sees the old file or the new one, never half of one.
public final class AtomicFile {
    public let target: String
    public let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    /// Opens a fresh temporary file beside `target`, or appends to `temporary` when resuming.
    public init(target: String, temporary: String? = nil, append: Bool = false) throws(BatchError) {
        self.target = target
        self.temporary = temporary ?? "\(target).tmp-\(getpid())"
        let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        descriptor = open(self.temporary, flags, 0o644)
        guard descriptor >= 0 else { throw BatchError.cannotWrite(self.temporary, String(cString: strerror(errno))) }
    }

    public func write(_ text: String) throws(BatchError) {
        buffer += text.utf8
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(_ bytes: [UInt8]) throws(BatchError) {
        buffer += bytes
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws(BatchError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw BatchError.cannotWrite(temporary, String(cString: strerror(errno))) }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the temporary file over the target.
    public func commit() throws(BatchError) {
        try flush()
        fsync(descriptor)
        close(descriptor)
        descriptor = -1
        guard rename(temporary, target) == 0 else { throw BatchError.cannotWrite(target, String(cString: strerror(errno))) }
    }

    /// Flushes and syncs, keeping the temporary file (a resumable partial run).
    public func checkpoint() throws(BatchError) {
        try flush()
        fsync(descriptor)
    }

    /// Closes and deletes the temporary file.
    public func discard() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        unlink(temporary)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}

/// A batch run that cannot go on (as opposed to a note that cannot be read, which is a record).
public enum BatchError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(String, String)
    case noInput(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .noInput(let path): "no such input: \(path)"
        }
    }
}
