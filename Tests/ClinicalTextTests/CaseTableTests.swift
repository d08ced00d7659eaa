import ClinicalText
import NoteTagging
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
            // Every other case, inserted out of order: read back in declaration order, as a Set sorted by it.
            let picked = all.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            var set = CaseSet<Key>()
            for member in picked.reversed() { set.insert(member) }
            #expect(Array(set) == picked && set.first == picked.first && set.isEmpty == picked.isEmpty)
            let rest = CaseSet(all.filter { !picked.contains($0) })
            #expect(Array(set.union(rest)) == all && set.union(rest).underestimatedCount == all.count)
            var formed = set
            formed.formUnion(rest)
            #expect(formed == set.union(rest) && CaseSet<Key>().first == nil)
        }
        check(SectionKind.self)
        check(MeasureUnit.self)
        check(Side.self)
        check(NeedleView.self)
        check(GuidanceKind.self)  // ProcedureAssembler counts guidance in an InlineArray by case ordinal
        check(DrugClass.self)
    }
}
