/// SHA-256 (FIPS 180-4), for patient keys: a result names a patient only by a salted hash of
/// their identifier, never by the identifier itself.
///
/// A key is hashed once a note, so the digest is computed in place: whole blocks are read where
/// the message stands, only the padded tail is copied (into a block on the stack), and nothing is
/// allocated but the hex string.
enum SHA256 {
    private static let initialState: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    /// The round constants.
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The lower-case hex digest of some bytes.
    static func hex(_ message: [UInt8]) -> String {
        k.withUnsafeBufferPointer { k in
        message.withUnsafeBufferPointer { message in
        // One scratch area on the stack: the schedule (64 words), two blocks for the message's
        // padded tail (32 words), the state (8 words).
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64 + 32 + 8) { scratch in
            let w = UnsafeMutableBufferPointer(rebasing: scratch[0..<64])
            let h = UnsafeMutableBufferPointer(rebasing: scratch[96..<104])
            for i in 0..<8 { h[i] = initialState[i] }
            let whole = message.count / 64 * 64
            for start in stride(from: 0, to: whole, by: 64) {
                compress(UnsafeRawPointer(message.baseAddress! + start), h, w, k)
            }
            // The tail: the last bytes, a 1 bit, zeros up to 56 mod 64, the bit length (big-endian).
            let tail = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(scratch)[256..<384])
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            let rest = message.count - whole
            if rest > 0 { tail.baseAddress!.copyMemory(from: message.baseAddress! + whole, byteCount: rest) }
            tail[rest] = 0x80
            let blocks = rest + 9 <= 64 ? 1 : 2
            tail.storeBytes(of: (UInt64(message.count) &* 8).bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
            for block in 0..<blocks { compress(UnsafeRawPointer(tail.baseAddress! + block * 64), h, w, k) }
            return String(unsafeUninitializedCapacity: 64) { out in
                let digits: StaticString = "0123456789abcdef"
                for index in 0..<64 {
                    let nibble = h[index / 8] &>> UInt32(28 - 4 * (index % 8))
                    out[index] = digits.utf8Start[Int(truncatingIfNeeded: nibble & 0xF)]
                }
                return 64
            }
        }
        }
        }
    }

    /// Folds one 64-byte block into the state `h`, with `w` as the message schedule.
    @inline(__always)
    private static func compress(_ block: UnsafeRawPointer, _ h: UnsafeMutableBufferPointer<UInt32>,
                                 _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>) {
        for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
        for i in 16..<64 {
            let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] &>> 3)
            let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] &>> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        for i in 0..<64 {
            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ majority)
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { (value &>> count) | (value &<< (32 &- count)) }
}
