/// Writes JSON text straight into bytes, with the same layout as ``JSONValue``'s writer: compact,
/// or pretty with a two-space indent; integral numbers without a fraction; slashes unescaped.
///
/// The caller writes object members in key order (UTF-8 byte order), as ``JSONObject`` would print
/// them; debug builds check it. No tree is built, so encoding a result allocates only its bytes:
/// one buffer, written by pointer (it doubles when full), copied out once by ``bytes``.
public struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    /// How many containers are open.
    private var depth = 0
    /// Bit `d`: the container open at depth `d + 1` has an item already (containers nest at most 64 deep).
    private var hasItems: UInt64 = 0
    /// True right after a key: the value follows without a separator.
    private var afterKey = false
    #if DEBUG
    private var lastKeys: [String?] = []
    #endif

    public init(pretty: Bool = false, capacity: Int = 4096) {
        self.pretty = pretty
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The JSON text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Appends raw bytes between values (a newline between JSON Lines); only outside any container.
    public mutating func appendRaw(_ byte: UInt8) {
        precondition(depth == 0, "raw bytes inside a JSON container")
        put(byte)
    }

    // MARK: Bytes

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let grown = Swift.max(capacity * 2, needed)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        buffer.initialize(from: base, count: count)
        base.deallocate()
        (base, capacity) = (buffer, grown)
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    private mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    // MARK: Containers

    @inline(__always)
    public mutating func beginObject() {
        beforeValue()
        put(UInt8(ascii: "{"))
        open()
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    @inline(__always)
    public mutating func endObject() {
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    @inline(__always)
    public mutating func beginArray() {
        beforeValue()
        put(UInt8(ascii: "["))
        open()
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    @inline(__always)
    public mutating func endArray() {
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "]"))
    }

    /// The next member's key; its value is the next thing written.
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        #if DEBUG
        let key = String(decoding: utf8, as: UTF8.self)
        if let last = lastKeys[lastKeys.count - 1] {
            assert(last.utf8.lexicographicallyPrecedes(key.utf8), "JSON keys out of order: \(last) before \(key)")
        }
        lastKeys[lastKeys.count - 1] = key
        // Keys are the encoder's own ASCII names: nothing to escape.
        assert(utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
        #endif
        beforeValue()
        reserve(utf8.count + 4)
        base[count] = UInt8(ascii: "\"")
        (base + count + 1).initialize(from: utf8.baseAddress!, count: utf8.count)
        count += utf8.count + 1
        base[count] = UInt8(ascii: "\"")
        base[count + 1] = UInt8(ascii: ":")
        count += 2
        if pretty { put(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: Repeated values

    /// Where a value written by ``recordingValue(_:)`` stands, to write it again.
    public struct WrittenValue {
        /// Its bytes in the writer.
        let bytes: Range<Int>
        /// The container depth it was written at: pretty indentation depends on it.
        let depth: Int
    }

    /// How many containers are open: a ``WrittenValue`` repeats only at its own depth.
    public var openContainers: Int { depth }

    /// Writes one value with `body` and returns where its bytes stand, for ``repeatValue(_:)``.
    public mutating func recordingValue(_ body: (inout JSONWriter) -> Void) -> WrittenValue {
        beforeValue()
        afterKey = true  // the separator is written: the value's own bytes start here
        let start = count
        body(&self)
        return WrittenValue(bytes: start..<count, depth: depth)
    }

    /// Writes a value again, byte for byte, where a value may stand (as a member's value or an
    /// array item) at the depth it was first written at.
    public mutating func repeatValue(_ value: WrittenValue) {
        precondition(value.depth == depth && value.bytes.upperBound <= count, "a JSON value repeated out of place")
        beforeValue()
        reserve(value.bytes.count)
        (base + count).initialize(from: base + value.bytes.lowerBound, count: value.bytes.count)
        count += value.bytes.count
    }

    // MARK: Scalars

    public mutating func string(_ value: String) {
        beforeValue()
        // A native string's bytes where they stand (a copy to call `withUTF8` on costs a retain).
        if value.utf8.withContiguousStorageIfAvailable({ escape($0) }) == nil {
            var value = value
            value.withUTF8 { escape($0) }
        }
    }

    /// A string given as UTF-8 bytes (valid UTF-8), such as a span of a note.
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        beforeValue()
        escape(value)
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func number(_ value: Double) {
        beforeValue()
        // Integral values (offsets, counts, units) digit by digit; others as the tree writes them.
        guard value.isFinite else { put("null"); return }
        guard value == value.rounded(), abs(value) < 1e15 else {
            var text = String(value)  // as the tree writes it; a small string, no allocation
            text.withUTF8 { put($0) }
            return
        }
        integer(UInt64(abs(value)), negative: value < 0)
    }

    /// An integer, written as ``number(_:)-(Double)`` writes its value (offsets and counts).
    public mutating func number(_ value: Int) {
        guard value.magnitude < 1_000_000_000_000_000 else { number(Double(value)); return }
        beforeValue()
        integer(UInt64(value.magnitude), negative: value < 0)
    }

    /// The digits of an integer below 10^15, written into place from the last, two at a time.
    private mutating func integer(_ magnitude: UInt64, negative: Bool) {
        reserve(17)
        if negative { base[count] = UInt8(ascii: "-"); count += 1 }
        var digits = 1, bound: UInt64 = 10
        while magnitude >= bound { digits += 1; bound &*= 10 }  // below 10^15: no overflow
        var end = count + digits
        count = end
        var value = magnitude
        let pairs = Self.digitPairs.utf8Start
        while value >= 100 {
            let (rest, pair) = value.quotientAndRemainder(dividingBy: 100)
            end -= 2
            base[end] = pairs[Int(pair) * 2]
            base[end + 1] = pairs[Int(pair) * 2 + 1]
            value = rest
        }
        if value >= 10 {
            base[end - 2] = pairs[Int(value) * 2]
            base[end - 1] = pairs[Int(value) * 2 + 1]
        } else {
            base[end - 1] = UInt8(ascii: "0") + UInt8(value)
        }
    }

    /// "00", "01" … "99": the two digits of every number below 100, for ``integer(_:negative:)``.
    private static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    public mutating func number(_ value: Double?) {
        if let value { number(value) } else { null() }
    }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        put(value ? "true" : "false")
    }

    public mutating func null() {
        beforeValue()
        put("null")
    }

    // MARK: Layout

    @inline(__always)
    private mutating func beforeValue() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if hasItems & bit != 0 { put(UInt8(ascii: ",")) } else { hasItems |= bit }
        if pretty { newline(depth: depth) }
    }

    @inline(__always)
    private mutating func open() {
        precondition(depth < 64, "JSON nested deeper than 64 levels")
        depth += 1
        hasItems &= ~(1 << UInt64(depth - 1))
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        let bit: UInt64 = 1 << UInt64(depth - 1)
        depth -= 1
        if pretty && hasItems & bit != 0 { newline(depth: depth) }
        put(bracket)
    }

    private mutating func newline(depth: Int) {
        put(UInt8(ascii: "\n"))
        for _ in 0..<depth { put("  ") }
    }

    /// A JSON string, escaped as ``JSONValue/escape(utf8:into:)`` does: quotes, backslashes and
    /// control characters escaped, everything else copied in runs.
    private mutating func escape(_ text: UnsafeBufferPointer<UInt8>) {
        put(UInt8(ascii: "\""))
        JSONValue.escapedPieces(text) { put($0) }
        put(UInt8(ascii: "\""))
    }
}
