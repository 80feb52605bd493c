/// An element or attribute name as namespace URI plus local name; prefixes never matter.
public struct XMLName: Hashable, Sendable {
    /// The namespace URI, or "" for names in no namespace.
    public var namespaceURI: String
    public var localName: String

    public init(_ namespaceURI: String, _ localName: String) {
        self.namespaceURI = namespaceURI
        self.localName = localName
    }
}

/// One start or end tag as seen by an `XMLStreamConsumer`.
public struct XMLTag: Sendable {
    /// The token a consumer's vocabulary assigned to this name, or `XMLTag.unknown`.
    public static let unknown = -1

    public var name: XMLName
    public var token: Int

    public init(name: XMLName, token: Int) {
        self.name = name
        self.token = token
    }
}
