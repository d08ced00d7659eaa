#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// A file written in place of another only when complete: bytes go to a temporary file in the
/// target's folder, which is flushed to disk (`fsync`) and renamed over the target (`rename(2)`),
/// so a reader sees the old file or the new one, never half of one.
public final class AtomicFile {
    public let target: String
    public let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let background = BackgroundSync()

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
        // A background sync still running finishes before the descriptor closes; an error it met
        // counts (the kernel reports a write-back error once, to the first sync that sees it).
        if let failure = background.wait() { throw BatchError.cannotWrite(temporary, String(cString: strerror(failure))) }
        guard fsync(descriptor) == 0 else { throw BatchError.cannotWrite(temporary, String(cString: strerror(errno))) }
        close(descriptor)
        descriptor = -1
        guard rename(temporary, target) == 0 else { throw BatchError.cannotWrite(target, String(cString: strerror(errno))) }
    }

    /// Flushes (the kernel holds every line written, so a killed run keeps them for `resume`) and
    /// has the file synced to disk in the background, so a power cut loses at most the lines
    /// since the last sync; the caller goes on without waiting for the disk.
    public func checkpoint() throws(BatchError) {
        try flush()
        background.sync(descriptor)
    }

    /// Closes and deletes the temporary file.
    public func discard() {
        _ = background.wait()
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        unlink(temporary)
    }

    deinit {
        _ = background.wait()
        if descriptor >= 0 { close(descriptor) }
    }
}

/// Runs `fsync` off the caller's thread, one at a time; a request made while another waits to
/// start joins it. Keeps the first error a sync met.
private final class BackgroundSync: Sendable {
    private let queue = DispatchQueue(label: "needlepoint.atomic-file.sync")
    private let queued = Atomic<Bool>(false)
    /// The `errno` of the first failed sync, 0 while none failed.
    private let failure = Atomic<Int32>(0)

    func sync(_ descriptor: Int32) {
        guard !queued.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async {
            self.queued.store(false, ordering: .releasing)
            if fsync(descriptor) != 0 { _ = self.failure.compareExchange(expected: 0, desired: errno, ordering: .relaxed) }
        }
    }

    /// Returns once every sync asked for so far has finished, with the `errno` of the first that
    /// failed, if one did.
    func wait() -> Int32? {
        queue.sync {}
        let failure = failure.load(ordering: .relaxed)
        return failure == 0 ? nil : failure
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
