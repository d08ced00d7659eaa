/// How the tokenizer finds where a word ends: runs of letters and digits joined by the joiners a
/// clinical word keeps ("L4-5", "s/p", "0.5", "10:30", "1,000", "0.5%"). Two readings apply the one
/// rule (``WordJoin``): byte by byte for ASCII (lower-casing and hashing the key as it goes) and
/// scalar by scalar for everything else.
extension Tokenizer {
    /// A run of letters and digits: where it ends, how many scalars it has, whether its last
    /// scalar is a digit, and whether it has a digit or a letter.
    struct Run {
        var end: Int
        var count = 0
        var endsWithDigit = false
        var hasDigit = false
        var hasLetter = false
    }

    func alnumRun(_ scanner: TextScanner, from start: Int) -> Run {
        var end = start, count = 0, digits = 0
        var last = ScalarClass.other
        while end < scanner.bytes.count {
            let scalar = scanner.scalar(at: end)
            guard scalar.kind == .letter || scalar.kind == .digit else { break }
            last = scalar.kind
            if last == .digit { digits += 1 }
            count += 1
            end += scalar.width
        }
        return Run(end: end, count: count, endsWithDigit: last == .digit, hasDigit: digits > 0, hasLetter: digits < count)
    }

    /// ``wordEnd(_:from:)`` for a word of ASCII text, read byte by byte, its key (lower-cased)
    /// written at `key` and hashed as it goes (``KeySymbols``' hash); nil when a byte it reads is
    /// not ASCII (then the scalar-by-scalar reading decides, and ICU may fold the key).
    func asciiWord(_ scanner: TextScanner, from start: Int, key: UnsafeMutablePointer<UInt8>) -> (end: Int, hash: Int)? {
        let bytes = scanner.bytes, wordBytes = scanner.wordBytes
        var end = start, hasDigit = false, segments = 0
        var hash = KeySymbols.hashSeed
        func take(_ byte: UInt8) {
            key[end - start] = byte
            hash = KeySymbols.hash(hash, byte)
            end += 1
        }
        while true {
            // One run of letters and digits: one table read per byte classifies and folds it, and
            // the loop's state stays in registers (the classes seen are or-ed together).
            let runStart = end
            var seen: UInt16 = 0
            while end < bytes.count {
                let entry = wordBytes[Int(bytes[end])]
                if entry == 0 { break }
                let byte = UInt8(truncatingIfNeeded: entry)
                key[end &- start] = byte
                hash = KeySymbols.hash(hash, byte)
                seen |= entry
                end &+= 1
            }
            if end < bytes.count, bytes[end] >= 0x80 { return nil }  // a non-ASCII scalar: the scalar reading decides
            let run = Run(end: end, count: end - runStart, endsWithDigit: wordBytes[Int(bytes[end - 1])] & ScalarClass.wordDigit != 0,
                          hasDigit: seen & ScalarClass.wordDigit != 0, hasLetter: seen & ScalarClass.wordLetter != 0)
            hasDigit = hasDigit || run.hasDigit
            segments += 1
            guard end + 1 < bytes.count else { break }
            // Most words end at a space or a mark that joins nothing (the joiner is ASCII, tested above).
            let joiner = bytes[end]
            guard WordJoin.mayJoin(ascii: joiner) else { break }
            let next = bytes[end + 1]
            guard next < 0x80 else { return nil }
            let nextKind = scanner.ascii[Int(next)]
            guard nextKind == .letter || nextKind == .digit else { break }
            let joins: Bool
            switch WordJoin.of(scanner.ascii[Int(joiner)], UInt32(joiner), next: nextKind, run: run, hasDigit: hasDigit,
                               isFirstSegment: segments == 1) {
            case .yes: joins = true
            case .no: joins = false
            case .ifThreeDigitsFollow:
                var after = end + 1
                while after < bytes.count, bytes[after] &- 0x30 < 10 { after += 1 }
                guard after == bytes.count || bytes[after] < 0x80 else { return nil }
                joins = after - (end + 1) == 3
            }
            guard joins else { break }
            take(joiner)
        }
        // "0.5%": a percent sign right after a number belongs to it.
        if end < bytes.count, bytes[end] == 0x25, end > start, bytes[end - 1] &- 0x30 < 10 { take(0x25) }
        return (end, KeySymbols.finish(hash))
    }

    /// End (exclusive byte offset) of the word starting at `start`, with its joined parts.
    func wordEnd(_ scanner: TextScanner, from start: Int) -> Int {
        var run = alnumRun(scanner, from: start)
        var hasDigit = run.hasDigit
        var isFirstSegment = true
        while run.end < scanner.bytes.count {
            let joiner = scanner.scalar(at: run.end)
            let nextOffset = run.end + joiner.width
            guard nextOffset < scanner.bytes.count else { break }
            let next = scanner.scalar(at: nextOffset)
            guard next.kind == .letter || next.kind == .digit else { break }
            let joins: Bool
            switch WordJoin.of(joiner.kind, joiner.value, next: next.kind, run: run, hasDigit: hasDigit, isFirstSegment: isFirstSegment) {
            case .yes: joins = true
            case .no: joins = false
            case .ifThreeDigitsFollow:
                var digits = 0, after = nextOffset
                while after < scanner.bytes.count {
                    let scalar = scanner.scalar(at: after)
                    guard scalar.kind == .digit else { break }
                    digits += 1
                    after += scalar.width
                }
                joins = digits == 3
            }
            guard joins else { break }
            isFirstSegment = false
            run = alnumRun(scanner, from: nextOffset)
            hasDigit = hasDigit || run.hasDigit
        }
        // "0.5%": a percent sign right after a number belongs to it.
        if run.end < scanner.bytes.count, scanner.bytes[run.end] == 0x25, run.endsWithDigit { return run.end + 1 }
        return run.end
    }
}

/// Whether a joiner between two runs of letters and digits keeps them one word: the rule both of
/// the tokenizer's readings apply.
enum WordJoin {
    case no, yes
    /// A comma joins when exactly three digits follow it ("1,000 units"); the reader counts them.
    case ifThreeDigitsFollow

    /// True when an ASCII byte is one `of` may answer other than `.no` for: `,` `-` `.` `/` `:`
    /// (a word ending at any other byte ends there, without reading on).
    @inline(__always)
    static func mayJoin(ascii byte: UInt8) -> Bool { byte == 0x2C || byte &- 0x2D < 3 || byte == 0x3A }

    /// `run`: the run before the joiner; `hasDigit`: some run of the word so far has a digit.
    static func of(_ joiner: ScalarClass, _ value: UInt32, next: ScalarClass, run: Tokenizer.Run, hasDigit: Bool,
                   isFirstSegment: Bool) -> WordJoin {
        switch joiner {
        case .dash, .slash:
            // "L4-5", "L5-S1", "8/10"; one-letter abbreviations "s/p", "w/o", "x-ray". A word of three
            // or more letters keeps its number apart ("Isovue-300", "Kenalog-40": name, then strength).
            return hasDigit || (next == .digit && run.count <= 2) || (run.count == 1 && isFirstSegment) ? .yes : .no
        case .other where value == 0x2E || value == 0x3A:  // "." and ":" inside decimals, codes, ratios, times: "0.5", "M54.16", "1:1", "10:30"
            return run.endsWithDigit && next == .digit ? .yes : .no
        case .other where value == 0x2C:  // "," in thousands: "1,000 units", "2,500-unit"
            return run.endsWithDigit && !run.hasLetter ? .ifThreeDigitsFollow : .no
        default:
            return .no
        }
    }
}
