#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A `NAME.gold.json` file in the contract's gold format. Only the keys present are scored.
public struct GoldAnnotation: Decodable, Sendable {
    public struct Procedure: Decodable, Sendable {
        public var family: String
        public var region: String?
        public var levels: [String]?
        public var laterality: String?
        public var guidance: String?
    }
    public struct Contrast: Decodable, Sendable {
        public var documented: Bool?
        public var agent: String?
        public var needleViews: Int?
    }
    public struct Pain: Decodable, Sendable {
        public var pre: Double?
        public var post: Double?
    }
    public struct Drug: Decodable, Sendable {
        public var name: String
        public var dose: Double?
        public var unit: String?
    }
    public struct CodeLine: Decodable, Sendable {
        public var code: String
        public var modifiers: [String]?
        public var units: Int?
    }

    public var procedures: [Procedure]?
    public var contrast: Contrast?
    public var pain: Pain?
    public var drugs: [Drug]?
    public var codes: [CodeLine]?
    public var flags: [String]?
    public var comment: String?

    public static func load(_ path: String) throws -> GoldAnnotation {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(GoldAnnotation.self, from: data)
    }
}
