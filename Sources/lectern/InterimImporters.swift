// Interim until the feed-file importers land.
enum FeedFileImporter { static func importFile(atPath: String, store: Any) throws -> (line: String, Int) { throw CLIError("\(atPath): feed files are not wired yet") } }
enum OPMLImporter { static func importFile(atPath: String, store: Any) throws -> (line: String, Int) { throw CLIError("\(atPath): OPML is not wired yet") } }
