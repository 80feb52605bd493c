import Foundation

/// The `xml:base` values in scope, innermost last, each already resolved against its parent.
///
/// A base may stay relative when the document has no address of its own; links then resolve
/// as far as they can and are otherwise kept as written.
struct FeedBaseURLs {
    private var stack: [(depth: Int, url: URL)] = []
    private let documentURL: URL?

    init(documentURL: URL?) {
        self.documentURL = documentURL
    }

    /// The base in scope: the innermost `xml:base`, else the document's address.
    var current: URL? { stack.last?.url ?? documentURL }

    /// Records the `xml:base` of the element starting at `depth`.
    mutating func push(_ value: String, depth: Int) {
        let trimmed = value.trimmedWhitespace
        guard let url = Self.url(trimmed, relativeTo: current) else { return }
        stack.append((depth, url))
    }

    /// Forgets the base of the element ending at `depth`, if it had one.
    mutating func pop(depth: Int) {
        if let last = stack.last, last.depth == depth { stack.removeLast() }
    }

    /// `reference` resolved against the base in scope, or as written when it cannot be.
    func resolve(_ reference: String) -> String {
        let trimmed = reference.trimmedWhitespace
        return Self.resolve(trimmed, against: current)
    }

    static func resolve(_ reference: String, against base: URL?) -> String {
        guard let base, !hasScheme(reference) else { return reference }
        guard let url = url(reference, relativeTo: base) else { return reference }
        return url.absoluteString
    }

    static func url(_ string: String, relativeTo base: URL?) -> URL? {
        // Feeds carry unencoded spaces and non-ASCII in links; encode rather than give up.
        if let url = URL(string: string, relativeTo: base) { return url }
        let allowed = CharacterSet.urlFragmentAllowed.union(.urlPathAllowed)
            .union(CharacterSet(charactersIn: "#%?"))
        guard let encoded = string.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)
    }

    /// True for `scheme:` references (http:, mailto:, tag:, urn:), which never resolve.
    static func hasScheme(_ reference: String) -> Bool {
        for (index, byte) in reference.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return index > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
                UInt8(ascii: "."):
                if index == 0 { return false }
            default: return false
            }
        }
        return false
    }
}
