import BlogFormats
import Foundation

/// One reader under fuzzing: which seed files it starts from, and how one input is read.
///
/// `read` answers the reader's error text when it refused the input, nil when it read it. A
/// crash or a hang ends the loop; an error on more than one line is a finding (the CLI
/// promises one `error:` line).
struct FuzzTarget: Sendable {
    let name: String
    let accepts: @Sendable (_ path: String, _ head: String) -> Bool
    let read: @Sendable ([UInt8]) -> String?

    static let all: [FuzzTarget] = [wxr, feed, opml, rest, html]

    static let wxr = FuzzTarget(
        name: "wxr", accepts: { _, head in head.contains("wordpress.org/export") },
        read: { bytes in
            refusal {
                try WXRParser().parse(data: Data(bytes), sourceName: "fuzz.xml", onChannel: { _ in }, onItem: { _ in })
            }
        })

    static let feed = FuzzTarget(
        name: "feed",
        accepts: { path, head in
            (path.hasSuffix(".xml") || path.hasSuffix(".atom")) && !head.contains("wordpress.org/export")
                && (head.contains("<rss") || head.contains("<feed") || head.contains("RDF"))
        },
        read: { bytes in
            refusal {
                _ = try FeedParser().parse(
                    data: Data(bytes), sourceName: "fuzz.xml", baseURL: URL(string: "https://example.org/"))
            }
        })

    static let opml = FuzzTarget(
        name: "opml", accepts: { _, head in head.contains("<opml") },
        read: { bytes in refusal { _ = try OPMLParser.parse(data: Data(bytes), sourceName: "fuzz.opml") } })

    static let rest = FuzzTarget(
        name: "rest", accepts: { path, _ in path.hasSuffix(".json") },
        read: { bytes in
            refusal {
                let data = Data(bytes)
                _ = try? WordPressRESTPosts.decode(data)
                _ = try? WordPressRESTPostPage(data)
                _ = try? WordPressRESTCommentPage(data)
                _ = try WordPressRESTComments.decode(data)
            }
        })

    static let html = FuzzTarget(
        name: "html", accepts: { path, _ in path.hasSuffix(".xml") },
        read: { bytes in
            let html = String(decoding: bytes, as: UTF8.self)
            _ = HTMLConverter.richText(fromHTML: html, baseURL: "https://example.org/post/")
            _ = HTMLConverter.plainText(fromHTML: html)
            _ = WordPressPostPage.pings(fromHTML: html, pageURL: "https://example.org/post/")
            return nil
        })

    /// Runs `body`, answering the text of the error it threw.
    private static func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
