/// Phrases of one lexicon table, matched on token keys (never on raw strings), longest first.
///
/// Built once from the table's rows; each phrase is tokenized by the same ``Tokenizer`` as notes,
/// so "L4–L5" in a note and "l4-l5" in a lexicon meet as the same keys. Keys are numbered in a
/// ``KeySymbols`` shared by all tables, and matching walks a ``PhraseTrie`` on the tokens' symbols.
public struct PhraseTable<Payload: Sendable>: Sendable {
    @usableFromInline var trie = PhraseTrie()
    @usableFromInline var payloads: [Payload] = []
    /// The table's bit in ``PhraseStarts`` masks (``AnalyzedNote/phraseStarts``), given when the
    /// lexicons are loaded; 0 when it has none (then matching in a note tries every token).
    public var startBit: UInt32 = 0

    public init() {}

    /// How many distinct phrases the table holds.
    public var count: Int { trie.phraseCount }

    /// Adds a phrase, numbering its keys in `symbols`; a later row with the same phrase replaces the earlier one.
    public mutating func add(_ phrase: String, _ payload: Payload, tokenizer: Tokenizer, symbols: inout KeySymbols) {
        let keys = tokenizer.tokens(of: NoteText(phrase)).keys
        add(symbols: keys.indices.map { index in keys.withBytes(index) { symbols.intern(utf8: $0) } }, payload)
    }

    /// Adds phrases with their payloads, in order, as ``add(_:_:tokenizer:symbols:)`` adds each.
    ///
    /// The phrases are tokenized together, one per line (``Tokenizer/tokens(ofLines:)``): a table
    /// of hundreds of rows loads in one tokenizer run. A phrase that holds a line break is
    /// tokenized alone.
    @inlinable  // specialized where the payload type is known: the rows are copied, not witnessed
    public mutating func add(_ rows: [(phrase: String, payload: Payload)], tokenizer: Tokenizer, symbols: inout KeySymbols) {
        let alone = rows.map { $0.phrase.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) }
        let (tokenized, ranges) = tokenizer.tokens(ofLines: rows.indices.filter { !alone[$0] }.map { rows[$0].phrase })
        var line = 0
        for index in rows.indices {
            guard !alone[index] else {
                add(rows[index].phrase, rows[index].payload, tokenizer: tokenizer, symbols: &symbols)
                continue
            }
            add(symbols: ranges[line].map { token in tokenized.keys.withBytes(token) { symbols.intern(utf8: $0) } },
                rows[index].payload)
            line += 1
        }
    }

    /// Adds a phrase given as its tokens' keys, numbering them in `symbols`.
    public mutating func add(keys: [String], _ payload: Payload, symbols: inout KeySymbols) {
        add(symbols: keys.map { symbols.intern($0) }, payload)
    }

    @inlinable
    mutating func add(symbols: [Int32], _ payload: Payload) {
        guard !symbols.isEmpty else { return }
        payloads.append(payload)
        trie.insert(symbols, payload: Int32(payloads.count - 1))
    }

    /// The payload of the phrase whose key symbols are exactly `symbols`, nil for none.
    public func payload(exactly symbols: some Sequence<Int32>) -> Payload? {
        let payload = trie.payload(exactly: symbols)
        return payload >= 0 ? payloads[Int(payload)] : nil
    }

    /// True when some phrase of the table starts with the key `symbol` numbers.
    public func startsPhrase(_ symbol: Int32) -> Bool {
        symbol >= 0 && Int(symbol) < trie.rootChild.count && trie.rootChild[Int(symbol)] != 0
    }

    /// The symbols the table's phrases start with, ascending (what ``PhraseStarts`` marks).
    public var firstSymbols: [Int32] {
        trie.rootChild.indices.filter { trie.rootChild[$0] != 0 }.map(Int32.init)
    }

    /// The longest phrase starting at token `start`: its payload and the index after its last token.
    @inlinable
    public func longestMatch(in tokens: [Token], at start: Int, limit: Int? = nil) -> (payload: Payload, end: Int)? {
        let match = trie.longestMatch(in: tokens, at: start, limit: limit ?? tokens.count)
        guard match.payload >= 0 else { return nil }
        return (payloads[Int(match.payload)], match.end)
    }

    /// Every non-overlapping longest match in `tokens[range]`, left to right.
    @inlinable
    public func matches(in tokens: [Token], range: Range<Int>) -> [(payload: Payload, tokens: Range<Int>)] {
        var out: [(payload: Payload, tokens: Range<Int>)] = []
        forEachMatch(in: tokens, range: range) { out.append(($0, $1)) }
        return out
    }

    // MARK: Matching in an analyzed note

    /// ``longestMatch(in:at:limit:)`` in a note's tokens; a token without the table's start bit is
    /// turned away by one read of ``AnalyzedNote/phraseStarts``.
    @inlinable
    public func longestMatch(in note: AnalyzedNote, at start: Int, limit: Int? = nil) -> (payload: Payload, end: Int)? {
        guard nextStart(in: note, from: start, to: start + 1) == start else { return nil }
        return longestMatch(in: note.tokens, at: start, limit: limit)
    }

    /// For every sentence of the note: some phrase of the table stands in it. A sentence without
    /// the table's start bit is passed over by one read (``AnalyzedNote/sentenceStarts``), the
    /// others by their tokens' start masks, up to the first match.
    @inlinable
    public func sentencesWithMatch(in note: AnalyzedNote) -> [Bool] {
        var found = [Bool](filling: false, count: note.sentences.count)
        for sentence in note.sentences.indices where mayStart(in: note, sentence: sentence) {
            let range = note.sentences[sentence].tokens
            var index = nextStart(in: note, from: range.lowerBound, to: range.upperBound)
            while index < range.upperBound {
                if trie.longestMatch(in: note.tokens, at: index, limit: range.upperBound).payload >= 0 {
                    found[sentence] = true
                    break  // the sentence is settled
                }
                index = nextStart(in: note, from: index + 1, to: range.upperBound)
            }
        }
        return found
    }

    /// Every non-overlapping longest match in `note.tokens[range]`, left to right.
    @inlinable
    public func matches(in note: AnalyzedNote, range: Range<Int>) -> [(payload: Payload, tokens: Range<Int>)] {
        var out: [(payload: Payload, tokens: Range<Int>)] = []
        forEachMatch(in: note, range: range) { out.append(($0, $1), startingRoom: 8) }
        return out
    }

    /// Calls `body` with every non-overlapping longest match in `note.tokens[range]`, left to right,
    /// trying only the tokens with the table's start bit.
    @inlinable
    public func forEachMatch(in note: AnalyzedNote, range: Range<Int>, _ body: (Payload, Range<Int>) -> Void) {
        var index = nextStart(in: note, from: range.lowerBound, to: range.upperBound)
        while index < range.upperBound {
            let match = trie.longestMatch(in: note.tokens, at: index, limit: range.upperBound)
            if match.payload >= 0 {
                body(payloads[Int(match.payload)], index..<match.end)
                index = match.end
            } else {
                index += 1
            }
            index = nextStart(in: note, from: index, to: range.upperBound)
        }
    }

    /// True when some token of sentence `sentence` may start a phrase of the table: one read of
    /// the sentence's start mask (``AnalyzedNote/sentenceStarts``), no trie walk; always true for a
    /// table without a start bit.
    @inlinable
    public func mayStart(in note: AnalyzedNote, sentence: Int) -> Bool {
        startBit == 0 || note.sentenceMayStart(startBit, sentence)
    }

    /// ``forEachMatch(in:range:_:)`` over one sentence, passed over in one read when the sentence
    /// has none of the table's first words (``mayStart(in:sentence:)``).
    @inlinable
    public func forEachMatch(in note: AnalyzedNote, sentence: Int, _ body: (Payload, Range<Int>) -> Void) {
        guard mayStart(in: note, sentence: sentence) else { return }
        forEachMatch(in: note, range: note.sentences[sentence].tokens, body)
    }

    /// The next token from `start` that may start a phrase of the table (any token when the table
    /// has no start bit).
    @inlinable @inline(__always)
    func nextStart(in note: AnalyzedNote, from start: Int, to end: Int) -> Int {
        startBit == 0 ? start : note.nextPhraseStart(startBit, from: start, to: end)
    }

    /// Calls `body` with every non-overlapping longest match in `tokens[range]`, left to right,
    /// without gathering them in an array.
    @inlinable
    public func forEachMatch(in tokens: [Token], range: Range<Int>, _ body: (Payload, Range<Int>) -> Void) {
        var index = range.lowerBound
        while index < range.upperBound {
            let match = trie.longestMatch(in: tokens, at: index, limit: range.upperBound)
            if match.payload >= 0 {
                body(payloads[Int(match.payload)], index..<match.end)
                index = match.end
            } else {
                index += 1
            }
        }
    }
}

/// A trie over key symbols in flat arrays: the root's children indexed directly by symbol (most
/// tokens start no phrase, and are rejected by one array read), a deeper node's children chained
/// as siblings (a node has few). Every node is a row of the same four arrays, so building the trie
/// allocates no list per node and walking it reads no nested array. Payloads are indices into the
/// owning table's payload array, so the trie is not generic.
public struct PhraseTrie: Sendable {
    /// `rootChild[symbol]`: the node a phrase starting with `symbol` goes to, 0 for none.
    @usableFromInline var rootChild: [Int32] = []
    /// Per node (0 is the root): the symbol that leads to it, its first child and next sibling
    /// (0 for none), and its payload index or -1.
    private var symbolOfNode: [Int32] = [-1]
    private var firstChild: [Int32] = [0]
    private var nextSibling: [Int32] = [0]
    private var payloadOfNode: [Int32] = [-1]
    public private(set) var phraseCount = 0

    public init() {}

    @usableFromInline
    mutating func insert(_ symbols: [Int32], payload: Int32) {
        var node: Int32 = 0
        for symbol in symbols {
            let next = child(of: node, symbol)
            if next != 0 {
                node = next
                continue
            }
            let created = Int32(payloadOfNode.count)
            symbolOfNode.append(symbol)
            payloadOfNode.append(-1)
            firstChild.append(0)
            nextSibling.append(node == 0 ? 0 : firstChild[Int(node)])  // the root's children are found by symbol
            if node == 0 {
                if rootChild.count <= Int(symbol) {
                    // Grown by half again at least: symbols are numbered as tables load, so most phrases bring a larger one.
                    let count = Swift.max(Int(symbol) + 1, rootChild.count + rootChild.count / 2)
                    rootChild.append(contentsOf: repeatElement(0, count: count - rootChild.count))
                }
                rootChild[Int(symbol)] = created
            } else {
                firstChild[Int(node)] = created
            }
            node = created
        }
        if payloadOfNode[Int(node)] < 0 { phraseCount += 1 }
        payloadOfNode[Int(node)] = payload
    }

    /// The payload index of the phrase that is exactly `symbols`, -1 for none.
    func payload(exactly symbols: some Sequence<Int32>) -> Int32 {
        var node: Int32 = 0
        for symbol in symbols {
            node = child(of: node, symbol)
            if node == 0 { return -1 }
        }
        return payloadOfNode[Int(node)]
    }

    private func child(of node: Int32, _ symbol: Int32) -> Int32 {
        guard symbol >= 0 else { return 0 }
        if node == 0 { return Int(symbol) < rootChild.count ? rootChild[Int(symbol)] : 0 }
        var child = firstChild[Int(node)]
        while child != 0, symbolOfNode[Int(child)] != symbol { child = nextSibling[Int(child)] }
        return child
    }

    /// The longest phrase starting at token `start` and ending at or before `limit`: its payload
    /// index (-1 for none) and the index after its last token. Inlined where it is called: most
    /// tokens start no phrase and are turned away by one array read.
    @inlinable
    public func longestMatch(in tokens: [Token], at start: Int, limit: Int) -> (payload: Int32, end: Int) {
        guard start < limit else { return (-1, start) }
        let symbol = Int(tokens[start].symbol)
        guard symbol >= 0, symbol < rootChild.count, rootChild[symbol] != 0 else { return (-1, start) }
        return walk(tokens, from: start, limit: limit)
    }

    @usableFromInline
    func walk(_ tokens: [Token], from start: Int, limit: Int) -> (payload: Int32, end: Int) {
        var best: (payload: Int32, end: Int) = (-1, start)
        var node: Int32 = 0
        var index = start
        while index < limit {
            node = child(of: node, tokens[index].symbol)
            guard node != 0 else { break }
            index += 1
            let payload = payloadOfNode[Int(node)]
            if payload >= 0 { best = (payload, index) }
        }
        return best
    }
}
