/// The feed elements `FeedParser` reads, as reader tokens.
enum FeedField: Int {
    case placeholder
    static let vocabulary: [XMLName: Int] = [:]
}
