import NoteTagging

/// The tagger hands over a note's mentions in the note's order (``NoteTagger``), so their
/// sentence numbers never decrease along the list: the mentions of a run of sentences are one run
/// of the list, found by binary search instead of a scan of the whole note.
extension Array where Element == Mention {
    /// The index of the first mention in sentence `sentence` or a later one (`count` for none).
    func firstIndex(fromSentence sentence: Int) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if self[middle].sentence < sentence { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The indices of the mentions in sentences `sentences` (two binary searches).
    func indices(inSentences sentences: ClosedRange<Int>) -> Range<Int> {
        firstIndex(fromSentence: sentences.lowerBound)..<firstIndex(fromSentence: sentences.upperBound + 1)
    }
}
