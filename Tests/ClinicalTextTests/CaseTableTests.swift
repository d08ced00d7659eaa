import ClinicalText
import Testing

/// Lookups by case ordinal must agree with hashing the cases: every case of the enums the rules
/// and taggers index by, a map with holes, and sets of every size.
@Suite("Case maps and case sets")
struct CaseTableTests {
    @Test("a case map answers as the dictionary it was built from; a case set as a Set")
    func agreesWithHashing() {
        func check<Key: CaseHashable & CaseIterable>(_: Key.Type) {
            let all = Array(Key.allCases)
            #expect(all.enumerated().allSatisfy { $0.offset == $0.element.caseOrdinal }, "\(Key.self)")
            let entries = Dictionary(uniqueKeysWithValues: all.enumerated().filter { $0.offset % 3 != 1 }.map { ($0.element, $0.offset) })
            let map = CaseMap(entries)
            for key in all { #expect(map[key] == entries[key], "\(Key.self).\(key)") }
            for size in 0...all.count {
                let members = Array(all.prefix(size)), set = CaseSet(members)
                for key in all { #expect(set.contains(key) == members.contains(key), "\(Key.self).\(key)") }
                #expect(set.isDisjoint(with: CaseSet(all.dropFirst(size))))
            }
        }
        check(SectionKind.self)
        check(MeasureUnit.self)
    }
}
