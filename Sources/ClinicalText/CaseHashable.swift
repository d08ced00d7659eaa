/// A payload-free enum with string raw values, hashed by its case rather than by its raw string.
///
/// The standard library hashes a raw-value enum through its `rawValue`, so every `Set` or
/// `Dictionary` lookup of such a value hashes a string; adopting this hashes one byte instead.
/// Equality is unchanged.
public protocol CaseHashable: Hashable, RawRepresentable where RawValue == String {}

extension CaseHashable {
    @inlinable public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: self) { hasher.combine(bytes: $0) }
    }
}
