import BlogModel
import TextLayout
import XCTest

final class ArticleLayoutTests: XCTestCase {
    func testArticlePlainTextHasListsQuotesLinksAndTheLinkList() {
        let body = RichText(
            blocks: [
                .heading(level: 2, [RichSpan("Intro")]),
                .paragraph([RichSpan("Read "), RichSpan("the docs", style: .link, link: 0), RichSpan(" now.")]),
                .list(
                    ordered: false,
                    items: [
                        [
                            .paragraph([RichSpan("one")]),
                            .list(ordered: true, items: [[.paragraph([RichSpan("inner")])]]),
                        ]
                    ]),
                .quote([.paragraph([RichSpan("quoted")])]),
                .preformatted("let x = 1 // a very long line that is clipped"),
                .paragraph([RichSpan("cat", style: .image)]),
                .rule,
            ],
            links: ["https://example.com/docs"])
        let text = ArticleLayout.plainText(header: ArticleHeader(title: "Title", author: "Ann"), body: body, width: 30)
        XCTAssertEqual(
            text,
            """
            Title
            Ann

            Intro

            Read the docs[1] now.

              • one
                  1. inner

            │ quoted

            let x = 1 // a very long line

            [image: cat]

            ──────────────────────────────

            Links
            [1] https://example.com/docs
            """)
    }
}
