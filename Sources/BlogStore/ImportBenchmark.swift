import BlogModel
import Foundation

/// Times the store's share of a large import on synthetic rows (no parsing involved).
public struct ImportBenchmark: Equatable, Sendable {
    public var posts: Int
    public var comments: Int
    /// First import into an empty cache, search indexing deferred.
    public var importSeconds: Double
    /// Indexing the imported text for search afterwards.
    public var indexSeconds: Double
    /// Importing the same rows again (nothing to write).
    public var reimportSeconds: Double
    /// Process CPU time of the first import, which other load on the machine does not inflate.
    public var importCPUSeconds: Double
    public var indexCPUSeconds: Double
    public var reimportCPUSeconds: Double

    /// Imports `posts` posts with `commentsPerPost` comments each into a new cache at `path`
    /// (which must not exist yet) and reports the times.
    public static func run(path: String, posts: Int = 20_000, commentsPerPost: Int = 20) throws -> ImportBenchmark {
        let store = try LibraryStore(path: path)
        let words = (0..<4000).map { index in String(String.UnicodeScalarView(seed: index)) }
        var generator = SplitMix(state: 42)
        func text(_ count: Int) -> String {
            (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        let postTexts = (0..<posts).map { _ in text(400) }
        let commentTexts = (0..<997).map { _ in text(35) }
        let base = Date(timeIntervalSince1970: 1_500_000_000)
        func importAll() throws {
            try store.importSession(deferSearchIndex: true) { session in
                let blogID = try session.upsertBlog(Blog(sourceKey: "https://bench.example", title: "Bench"))
                for index in 0..<posts {
                    let body = postTexts[index]
                    let post = Post(
                        blogID: blogID, sourceID: "post-\(index)", title: "Post \(index)",
                        link: "https://bench.example/\(index)", author: "author\(index % 7)",
                        published: base.addingTimeInterval(Double(index) * 3600),
                        categories: ["cat\(index % 10)"], tags: ["tag\(index % 50)", "tag\(index % 3)"],
                        contentHTML: "<p>" + body + "</p>", remotePostID: index)
                    let postID = try session.upsertPost(post, listed: true, searchText: body).id
                    for number in 0..<commentsPerPost {
                        let commentText = commentTexts[(index * commentsPerPost + number) % commentTexts.count]
                        let comment = Comment(
                            postID: postID, sourceID: String(index * 100 + number),
                            parentSourceID: number > 0 && number % 3 == 0 ? String(index * 100 + number - 1) : nil,
                            author: "Commenter \(number)", authorEmail: "c\(number)@example.com",
                            published: base.addingTimeInterval(Double(index) * 3600 + Double(number) * 60),
                            contentHTML: "<p>" + commentText + "</p>")
                        _ = try session.upsertComment(comment, searchText: commentText)
                    }
                }
            }
        }
        let start = (Date(), cpuSeconds())
        try importAll()
        let imported = (Date(), cpuSeconds())
        try store.updateSearchIndex()
        let indexed = (Date(), cpuSeconds())
        try importAll()
        let reimported = (Date(), cpuSeconds())
        return ImportBenchmark(
            posts: posts, comments: posts * commentsPerPost,
            importSeconds: imported.0.timeIntervalSince(start.0),
            indexSeconds: indexed.0.timeIntervalSince(imported.0),
            reimportSeconds: reimported.0.timeIntervalSince(indexed.0),
            importCPUSeconds: imported.1 - start.1, indexCPUSeconds: indexed.1 - imported.1,
            reimportCPUSeconds: reimported.1 - indexed.1)
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }
}

/// A small deterministic generator, so every run measures the same rows.
private struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension String.UnicodeScalarView {
    /// A pronounceable lowercase word derived from `seed`.
    fileprivate init(seed: Int) {
        self.init()
        let consonants = Array("bcdfghklmnprstvz".unicodeScalars)
        let vowels = Array("aeiou".unicodeScalars)
        var value = seed + 1
        repeat {
            append(consonants[value % consonants.count])
            value /= consonants.count
            append(vowels[value % vowels.count])
            value /= vowels.count
        } while value > 0
    }
}
