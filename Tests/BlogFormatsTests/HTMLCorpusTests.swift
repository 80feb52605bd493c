import BlogModel
import XCTest

@testable import BlogFormats

/// Real post bodies from WordPress's theme unit test export.
final class HTMLCorpusTests: XCTestCase {
    private func makeBodies() throws -> [String] {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let file = root.appendingPathComponent(
            "../shared/corpus/WordPress__wordpress-importer/phpunit/data/theme-unit-test-data.xml")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw XCTSkip("HTML corpus tests need ../shared/corpus beside the package")
        }
        let export = try String(contentsOf: file, encoding: .utf8)
        // A deliberately simple extraction: every CDATA body of content:encoded.
        return export.components(separatedBy: "<content:encoded><![CDATA[").dropFirst().compactMap {
            $0.components(separatedBy: "]]></content:encoded>").first
        }
    }

    private func spans(_ blocks: [RichBlock]) -> [RichSpan] {
        var result: [RichSpan] = []
        var stack = Array(blocks.reversed())
        while let block = stack.popLast() {
            switch block {
            case .paragraph(let inner), .heading(_, let inner): result += inner
            case .list(_, let items): stack += items.reversed().flatMap { $0.reversed() }
            case .quote(let inner): stack += inner.reversed()
            // Code blocks may legitimately show markup such as "<!-- wp:code -->".
            case .preformatted: break
            case .rule: break
            }
        }
        return result
    }

    func testEveryBodyConvertsToSafeTextWithValidLinks() throws {
        let bodies = try makeBodies()
        XCTAssertGreaterThan(bodies.count, 100)
        for body in bodies {
            let text = HTMLConverter.richText(fromHTML: body, baseURL: "https://wpthemetestdata.wordpress.com/")
            for span in spans(text.blocks) {
                XCTAssertFalse(span.text.contains("<!-- wp:"), "comment leaked: \(span.text.prefix(60))")
                XCTAssertFalse(span.text.contains("[caption"), "shortcode leaked: \(span.text.prefix(60))")
                if let link = span.link { XCTAssertTrue(text.links.indices.contains(link)) }
            }
            XCTAssertEqual(Set(text.links).count, text.links.count)
            XCTAssertFalse(HTMLConverter.plainText(fromHTML: body).contains("\n"))
        }
    }

    func testCaptionedImageShowsItsDescription() throws {
        let body = try XCTUnwrap(makeBodies().first { $0.hasPrefix("[caption id=\"attachment_612\"") })
        let text = HTMLConverter.richText(fromHTML: body)
        let shown = spans(text.blocks)
        XCTAssertEqual(
            shown.first, RichSpan("[image: chunk of resinous blackboy husk]", style: [.image, .link], link: 0))
        XCTAssertEqual(
            text.links.first, "https://wpthemetestdata.files.wordpress.com/2013/09/dsc20040724_152504_532.jpg")
    }

    func testClassicBodyGetsParagraphsFromBlankLines() throws {
        let body = try XCTUnwrap(
            makeBodies().first { $0.hasPrefix("This site is using the standard WordPress Theme Unit Test") })
        let blocks = HTMLConverter.richText(fromHTML: body).blocks
        guard case .paragraph(let first) = blocks.first else { return XCTFail("no paragraph first") }
        XCTAssertTrue(first.map(\.text).joined().hasSuffix("theme directory."))
        XCTAssertTrue(blocks.contains { if case .heading(level: 2, _) = $0 { return true } else { return false } })
    }
}
