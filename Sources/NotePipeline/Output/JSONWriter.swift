/// Writes JSON text straight into bytes, with the same layout as ``JSONValue``'s writer: compact,
/// or pretty with a two-space indent; integral numbers without a fraction; slashes unescaped.
///
/// The caller writes object members in key order (UTF-8 byte order), as ``JSONObject`` would print
/// them; debug builds check it. No tree is built, so encoding a result allocates only its bytes.
public struct JSONWriter {
    public private(set) var bytes: [UInt8]
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
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends raw bytes between values (a newline between JSON Lines); only outside any container.
    public mutating func appendRaw(_ byte: UInt8) {
        precondition(depth == 0, "raw bytes inside a JSON container")
        bytes.append(byte)
    }

    // MARK: Containers

    public mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        open()
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    public mutating func endObject() {
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        open()
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    public mutating func endArray() {
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "]"))
    }

    /// The next member's key; its value is the next thing written.
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
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: Scalars

    public mutating func string(_ value: String) {
        beforeValue()
        JSONValue.escape(value, into: &bytes)
    }

    /// A string given as UTF-8 bytes (valid UTF-8), such as a span of a note.
    public mutating func string(utf8 value: ArraySlice<UInt8>) {
        beforeValue()
        value.withUnsafeBufferPointer { JSONValue.escape(utf8: $0, into: &bytes) }
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func number(_ value: Double) {
        beforeValue()
        JSONValue.writeNumber(value, into: &bytes)
    }

    public mutating func number(_ value: Double?) {
        if let value { number(value) } else { null() }
    }

    public mutating func number(_ value: Int) { number(Double(value)) }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        bytes += (value ? "true" : "false").utf8
    }

    public mutating func null() {
        beforeValue()
        bytes += "null".utf8
    }

    // MARK: Layout

    private mutating func beforeValue() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if hasItems & bit != 0 { bytes.append(UInt8(ascii: ",")) } else { hasItems |= bit }
        if pretty { newline(depth: depth) }
    }

    private mutating func open() {
        precondition(depth < 64, "JSON nested deeper than 64 levels")
        depth += 1
        hasItems &= ~(1 << UInt64(depth - 1))
    }

    private mutating func close(_ bracket: UInt8) {
        let bit: UInt64 = 1 << UInt64(depth - 1)
        depth -= 1
        if pretty && hasItems & bit != 0 { newline(depth: depth) }
        bytes.append(bracket)
    }

    private mutating func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes += "  ".utf8 }
    }
}
