/// The single words grammars read around what they tag ("to" in "L3 to S1", "is" in "pain score
/// is 6"), by list, from `Lexicons/text/grammar-words.tsv`. Each list is a ``KeySet``.
public struct GrammarWords: Sendable {
    /// The lists the code reads; the table's `list` column names one of them.
    public enum List: Int, CaseIterable, Sendable {
        case levelRange, levelList, levelFiller, levelSideLead, painGap, painTimeLead, yearLead, dateFiller,
             notAName, signing, notASignature, signerFiller, signerNameEnd, headingMinor, contrastWithheld

        /// The list's name in the table.
        public var name: String { Self.names[rawValue] }

        /// The lists' names, in the order of the cases.
        private static let names = ["level-range", "level-list", "level-filler", "level-side-lead", "pain-gap",
                                    "pain-time-lead", "year-lead", "date-filler", "not-a-name", "signing", "not-a-signature", "signer-filler", "signer-name-end",
                                    "heading-minor", "contrast-withheld"]

        /// The list the table names, nil for an unknown name.
        public init?(name: String) {
            guard let index = Self.names.firstIndex(of: name) else { return nil }
            self.init(rawValue: index)
        }
    }

    @usableFromInline var sets: [KeySet]

    /// Empty lists.
    public init() {
        sets = Array(repeating: KeySet(), count: List.allCases.count)
    }

    /// Adds a folded key to a list, numbering it in `symbols`.
    public mutating func insert(_ key: String, into list: List, symbols: inout KeySymbols) {
        sets[list.rawValue].insert(key, symbols: &symbols)
    }

    /// True when the token's key is one of the list's words.
    @inlinable
    public func contains(_ list: List, _ token: Token) -> Bool {
        sets[list.rawValue].contains(token)
    }

    /// True when the key `symbol` numbers is one of the list's words (for words read from raw text,
    /// not tokens: fold them with ``KeyFolding`` and look their symbol up in the same ``KeySymbols``).
    public func contains(_ list: List, symbol: Int32) -> Bool {
        sets[list.rawValue].contains(symbol: symbol)
    }

    /// The list's words, as a set.
    public subscript(list: List) -> KeySet { sets[list.rawValue] }
}
