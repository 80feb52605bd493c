import XCTest

@testable import BlogFormats

final class HTMLFeedLinksTests: XCTestCase {
    private func makePage(head: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Blog</title>\(head)</head><body><p>Hi</p><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/body-feed\"></body></html>"
    }

    func testFindsFeedsAndTheRESTRootResolvingRelativeLinks() {
        let page = makePage(
            head: """
                <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="https://blog.example/feed/" />
                <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Comments Feed" href="/comments/feed/" />
                <link rel="alternate" type="application/atom+xml" href="//blog.example/feed/atom/">
                <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
                <link rel="stylesheet" href="/style.css">
                <link rel='https://api.w.org/' href='https://blog.example/wp-json/' />
                """)
        let found = HTMLFeedLinks.discover(html: page, pageURL: "https://blog.example/2024/01/post/")
        XCTAssertEqual(
            found.feeds.map(\.url),
            [
                "https://blog.example/feed/", "https://blog.example/comments/feed/", "https://blog.example/feed/atom/",
            ])
        XCTAssertEqual(found.feeds.map(\.type), ["application/rss+xml", "application/rss+xml", "application/atom+xml"])
        XCTAssertEqual(found.feeds.map(\.title), ["Blog » Feed", "Blog » Comments Feed", ""])
        XCTAssertEqual(found.wordpressAPIRoot, "https://blog.example/wp-json/")
    }

    func testPageWithoutFeedsFindsNothing() {
        let found = HTMLFeedLinks.discover(html: "<p>nothing here", pageURL: "http://x.org/")
        XCTAssertTrue(found.feeds.isEmpty)
        XCTAssertNil(found.wordpressAPIRoot)
    }

    func testRelationsAreMatchedAsCaseInsensitiveTokens() {
        let page = makePage(
            head:
                "<LINK REL=\"Alternate nofollow\" TYPE=\"Application/Atom+XML; charset=utf-8\" HREF=\"atom.xml\" title=\"\u{1b}[2Jx\">"
        )
        let found = HTMLFeedLinks.discover(html: page, pageURL: "http://x.org/blog/")
        XCTAssertEqual(found.feeds.map(\.url), ["http://x.org/blog/atom.xml"])
        XCTAssertFalse(found.feeds[0].title.contains("\u{1b}"))
    }
}
