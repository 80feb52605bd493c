/// One subscription from an OPML outline list.
public struct OPMLOutline: Equatable, Sendable {
    /// `title`, falling back to `text`.
    public var title: String
    /// The feed address (`xmlUrl`).
    public var xmlURL: String
    /// The site address (`htmlUrl`), when given.
    public var htmlURL: String?
    /// Titles of the enclosing folder outlines, outermost first.
    public var categoryPath: [String]

    public init(title: String, xmlURL: String, htmlURL: String? = nil, categoryPath: [String] = []) {
        self.title = title
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.categoryPath = categoryPath
    }
}
