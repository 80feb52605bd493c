import BlogModel
import XCTest

final class CommentThreadTests: XCTestCase {
    private func makeComment(_ id: String, parent: String? = nil, at seconds: Double) -> Comment {
        Comment(sourceID: id, parentSourceID: parent, published: Date(timeIntervalSince1970: seconds))
    }

    private func order(_ thread: CommentThread) -> [String] {
        thread.rows.map { "\(thread.comment(at: thread.rows.firstIndex(of: $0)!).sourceID)@\($0.depth)" }
    }

    func testRepliesNestUnderParentsDepthFirstInDateOrder() {
        // Given two top-level comments and replies written out of order
        let comments = [
            makeComment("3", parent: "1", at: 30), makeComment("1", at: 10),
            makeComment("2", at: 20), makeComment("4", parent: "1", at: 25),
            makeComment("5", parent: "4", at: 40),
        ]
        // When the thread is built
        let thread = CommentThread(comments: comments)
        // Then replies follow their parent, oldest first, with depth
        XCTAssertEqual(order(thread), ["1@0", "4@1", "5@2", "3@1", "2@0"])
        XCTAssertEqual(thread.rows[0].descendantCount, 3)
        XCTAssertEqual(thread.rows[0].childCount, 2)
        XCTAssertEqual(thread.rows[1].parentRow, 0)
    }

    func testTiesAreBrokenByNumericIDNotText() {
        let comments = [makeComment("100", at: 5), makeComment("10", at: 5), makeComment("9", at: 5)]
        XCTAssertEqual(order(CommentThread(comments: comments)), ["9@0", "10@0", "100@0"])
    }

    func testMissingParentPromotesTheReplyWithItsSubtree() {
        let comments = [
            makeComment("1", at: 10), makeComment("7", parent: "99", at: 5),
            makeComment("8", parent: "7", at: 6),
        ]
        XCTAssertEqual(order(CommentThread(comments: comments)), ["7@0", "8@1", "1@0"])
    }

    func testLoopIsBrokenAtItsEarliestComment() {
        // Given 1 → 2 → 3 → 1 with 2 the earliest, and 4 hanging off 3
        let comments = [
            makeComment("1", parent: "3", at: 20), makeComment("2", parent: "1", at: 10),
            makeComment("3", parent: "2", at: 30), makeComment("4", parent: "3", at: 40),
            makeComment("5", parent: "5", at: 1),
        ]
        // Then 2 becomes top level and the rest hangs below it; a self-parent is top level
        XCTAssertEqual(
            order(CommentThread(comments: comments)), ["5@0", "2@0", "3@1", "1@2", "4@2"])
    }

    func testTenThousandDeepChainNeedsNoRecursion() {
        let comments = (0..<10_000).map {
            makeComment("\($0)", parent: $0 == 0 ? nil : "\($0 - 1)", at: Double($0))
        }
        let thread = CommentThread(comments: comments)
        XCTAssertEqual(thread.rows.count, 10_000)
        XCTAssertEqual(thread.rows.last?.depth, 9_999)
        XCTAssertEqual(thread.rows[0].descendantCount, 9_999)
    }

    func testHundredThousandCommentsFlatten() {
        let comments = (0..<100_000).map {
            makeComment("\($0)", parent: $0 < 10 ? nil : "\($0 / 10)", at: Double($0 % 977))
        }
        let thread = CommentThread(comments: comments)
        XCTAssertEqual(thread.rows.count, 100_000)
        XCTAssertEqual(thread.rows.reduce(0) { $0 + ($1.depth == 0 ? 1 : 0) }, 10)
    }

    func testSiblingNavigation() {
        let comments = [
            makeComment("1", at: 1), makeComment("2", parent: "1", at: 2),
            makeComment("3", at: 3), makeComment("4", at: 4),
        ]
        let thread = CommentThread(comments: comments)
        XCTAssertEqual(thread.nextSibling(of: 0), 2)
        XCTAssertEqual(thread.nextSibling(of: 2), 3)
        XCTAssertNil(thread.nextSibling(of: 3))
        XCTAssertNil(thread.nextSibling(of: 1))
        XCTAssertEqual(thread.previousSibling(of: 3), 2)
        XCTAssertEqual(thread.previousSibling(of: 2), 0)
        XCTAssertNil(thread.previousSibling(of: 0))
        XCTAssertEqual(thread.subtree(of: 0), 1..<2)
    }
}
