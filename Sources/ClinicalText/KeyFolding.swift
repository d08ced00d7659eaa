internal import CICUShim

/// Folds text into the key used for lexicon lookup: NFKC case folding (ICU) plus one spelling
/// for look-alike dashes and slashes, so "L4–L5", "L4‑L5" and "Ｌ４-Ｌ５" all read "l4-l5".
///
/// Keys are for matching only; spans always point into the original text.
public enum KeyFolding {
    /// The lookup key of a piece of text.
    public static func key(_ text: Substring) -> String {
        // Native strings are contiguous; any other text takes the ICU path, which folds ASCII alike.
        if case let key?? = text.utf8.withContiguousStorageIfAvailable(asciiKey) { return key }
        return unifyPunctuation(nfkcCasefold(String(text)))
    }

    public static func key(_ text: String) -> String { key(text[...]) }

    /// The lookup key of some UTF-8 text (a token's bytes), without making a `String` first.
    public static func key(utf8 bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { asciiKey($0) } ?? unifyPunctuation(nfkcCasefold(String(decoding: bytes, as: UTF8.self)))
    }

    /// The key of an ASCII byte: upper-case letters lowered, everything else as it is (what ICU's
    /// case folding does to ASCII).
    @inline(__always)
    public static func asciiLowercase(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte + 32 : byte }

    /// ASCII text lower-cased straight into a new string (small keys need no allocation); nil when
    /// the text is not ASCII and needs ICU. For ASCII it is also `String.lowercased()`.
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        guard index == bytes.count else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                buffer[index] = asciiLowercase(byte)
            }
            return bytes.count
        }
    }

    /// ICU NFKC_Casefold of `text`; the text itself if ICU reports an error.
    static func nfkcCasefold(_ text: String) -> String {
        var bytes = Array(text.utf8)
        let count = Int32(bytes.count)
        var capacity = bytes.count * 3 + 16
        while true {
            var output = [UInt8](repeating: 0, count: capacity)
            let needed = bytes.withUnsafeMutableBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    input.baseAddress!.withMemoryRebound(to: CChar.self, capacity: input.count) { inPtr in
                        out.baseAddress!.withMemoryRebound(to: CChar.self, capacity: out.count) { outPtr in
                            np_nfkc_casefold_utf8(inPtr, count, outPtr, Int32(capacity))
                        }
                    }
                }
            }
            if needed < 0 { return text }
            if Int(needed) <= capacity {
                return String(decoding: output[0..<Int(needed)], as: UTF8.self)
            }
            capacity = Int(needed) + 1
        }
    }

    /// Maps dash and slash look-alikes that NFKC keeps apart to ASCII `-` and `/`.
    static func unifyPunctuation(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if ScalarClass.isDashLike(scalar) {
                scalars.append("-")
            } else if ScalarClass.isSlashLike(scalar) {
                scalars.append("/")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

/// The classes of character the tokenizer tells apart.
enum ScalarClass: Equatable {
    case letter, digit, space, newline, dash, slash, other

    /// The class of each ASCII scalar, by value.
    static let ascii: [ScalarClass] = (0..<128).map { ScalarClass(Unicode.Scalar(UInt8($0))) }

    /// How the tokenizer's ASCII word loop reads each byte value (all 256): a letter or a digit
    /// gives its key byte (lower-cased) with ``wordLetter`` or ``wordDigit`` above it; any other
    /// byte (punctuation, white space, a byte of a non-ASCII scalar) gives 0, which ends a run of
    /// letters and digits. One table read per byte does the class test and the folding.
    static let wordBytes: [UInt16] = (0..<256).map { value in
        let byte = UInt8(value)
        guard byte < 0x80 else { return 0 }
        switch ascii[value] {
        case .letter: return wordLetter | UInt16(KeyFolding.asciiLowercase(byte))
        case .digit: return wordDigit | UInt16(byte)
        default: return 0
        }
    }
    static let wordLetter: UInt16 = 0x100, wordDigit: UInt16 = 0x200

    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x30...0x39: self = .digit
        case 0x41...0x5A, 0x61...0x7A: self = .letter
        case 0x0A, 0x0D: self = .newline
        case 0x20, 0x09, 0x0B, 0x0C: self = .space
        case 0x2D: self = .dash
        case 0x2F: self = .slash
        case 0..<0x80: self = .other
        default:
            if ScalarClass.isDashLike(scalar) { self = .dash }
            else if ScalarClass.isSlashLike(scalar) { self = .slash }
            else if scalar.properties.numericType == .decimal { self = .digit }
            else if scalar.properties.isAlphabetic { self = .letter }
            else if scalar.properties.isWhitespace {
                self = (scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x85) ? .newline : .space
            } else { self = .other }
        }
    }

    /// Hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign and their compatibility forms.
    static func isDashLike(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return true
        default: return false
        }
    }

    static func isSlashLike(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2F, 0x2044, 0x2215, 0xFF0F: return true
        default: return false
        }
    }
}
