import BlogModel
import XCTest

final class CommentMarkerTests: XCTestCase {
    private let me = CommenterIdentity(name: "Ada Lovelace", email: "ada@example.org", url: nil)

    func testMyCommentsAreKnownByNameAndEmailOrBySentIDAndTheirRepliesAreRepliesToMe() {
        // Given my comment (other case and spaces, no e-mail published), one sent from the outbox
        // under another name, a namesake with another e-mail, and replies to each
        var comments = [
            Comment(sourceID: "1", author: " ada lovelace "),
            Comment(sourceID: "2", parentSourceID: "1", author: "Bob"),
            Comment(sourceID: "3", author: "A.L."),
            Comment(sourceID: "4", parentSourceID: "3", author: "Carol"),
            Comment(sourceID: "5", author: "Ada Lovelace", authorEmail: "other@example.org"),
            Comment(sourceID: "6", parentSourceID: "5", author: "Dan"),
            Comment(sourceID: "7", parentSourceID: "1", author: "Ada Lovelace", authorEmail: "ADA@example.org"),
        ]
        // When the marker marks them
        CommentMarker(postAuthor: "Editor", identity: me, sentCommentIDs: ["3"]).mark(&comments)
        // Then mine and replies to mine are told apart; my own answer to myself is not a reply to me
        XCTAssertEqual(comments.map { $0.marks.contains(.mine) }, [true, false, true, false, false, false, true])
        XCTAssertEqual(
            comments.map { $0.marks.contains(.replyToMe) }, [false, true, false, true, false, false, false])
    }

    func testThePostAuthorIsKnownByUserIDWhereBothSidesHaveOneElseByName() {
        var comments = [
            Comment(sourceID: "1", author: "Editor", authorUserID: 7),
            Comment(sourceID: "2", author: "Editor", authorUserID: 0),  // a guest borrowing the name
            Comment(sourceID: "3", author: "editor"),  // a feed: no ids, same name
            Comment(sourceID: "4", author: "Someone", authorUserID: 7),  // renamed, same account
        ]
        CommentMarker(postAuthor: "Editor", postAuthorUserID: 7).mark(&comments)
        XCTAssertEqual(comments.map { $0.marks.contains(.postAuthor) }, [true, false, true, true])
    }

    func testMutedAuthorsAndSubthreadsHideTheirRepliesToo() {
        // Given a thread where Troll answers 1, someone answers Troll, and 5 starts a muted subthread
        var comments = [
            Comment(sourceID: "1", author: "A"),
            Comment(sourceID: "2", parentSourceID: "1", author: "Troll"),
            Comment(sourceID: "3", parentSourceID: "2", author: "B"),
            Comment(sourceID: "4", parentSourceID: "1", author: "C"),
            Comment(sourceID: "5", author: "D"),
            Comment(sourceID: "6", parentSourceID: "5", author: "E"),
            // A parent loop must not hang or mute anything by itself
            Comment(sourceID: "8", parentSourceID: "9", author: "F"),
            Comment(sourceID: "9", parentSourceID: "8", author: "G"),
        ]
        MuteRules(authors: ["Troll"], subthreads: ["5"]).apply(to: &comments)
        XCTAssertEqual(
            comments.map { $0.marks.contains(.muted) }, [false, true, true, false, true, true, false, false])
    }
}
