import ProcedureCoding

/// The notes to review first, kept to a fixed number however many notes stream past: notes with
/// an error flag before notes with warnings only, then the most error and warning flags, then the
/// most errors, then by id. Notes with no error or warning flag are never on it.
public struct Worklist: Sendable {
    public let capacity: Int
    /// Best first.
    public private(set) var notes: [CodedNote] = []
    /// Notes that qualified, including those that did not fit.
    public private(set) var candidates = 0

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    public mutating func offer(_ note: CodedNote) {
        guard !note.gaps.isEmpty else { return }
        candidates += 1
        guard capacity > 0 else { return }
        if notes.count == capacity, let last = notes.last, !Self.comesBefore(note, last) { return }
        var low = 0, high = notes.count
        while low < high {
            let middle = (low + high) / 2
            if Self.comesBefore(notes[middle], note) { low = middle + 1 } else { high = middle }
        }
        notes.insert(note, at: low)
        if notes.count > capacity { notes.removeLast() }
    }

    /// The review order.
    public static func comesBefore(_ lhs: CodedNote, _ rhs: CodedNote) -> Bool {
        let (left, right) = (priority(lhs), priority(rhs))
        if left.hasError != right.hasError { return left.hasError }
        if left.gaps != right.gaps { return left.gaps > right.gaps }
        if left.errors != right.errors { return left.errors > right.errors }
        return lhs.id < rhs.id
    }

    private static func priority(_ note: CodedNote) -> (hasError: Bool, gaps: Int, errors: Int) {
        let errors = note.flags.count { $0.severity == .error }
        return (errors > 0, note.gaps.count, errors)
    }
}
