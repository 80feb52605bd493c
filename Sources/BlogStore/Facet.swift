/// What a facet groups listed posts by.
public enum FacetKind: String, Equatable, Sendable, CaseIterable {
    case blog
    case category
    case tag
    case author
}

/// One value to filter by, with how many listed posts have it.
public struct Facet: Equatable, Sendable {
    /// What the user sees (the blog's title for `.blog`).
    public var name: String
    /// What goes into `PostFilter` (the blog id as a string for `.blog`).
    public var value: String
    public var count: Int

    public init(name: String, value: String, count: Int) {
        self.name = name
        self.value = value
        self.count = count
    }
}
