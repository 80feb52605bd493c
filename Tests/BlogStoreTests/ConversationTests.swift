import BlogModel
import Foundation
import XCTest

@testable import BlogStore

final class ConversationTests: XCTestCase {
    private let me = CommenterIdentity(name: "Ada", email: "ada@example.org", url: nil)

    /// Two posts of one blog: post 0 with my comment, a reply to it and another comment; post 1
    /// with two comments, the newest activity of all.
    private func makeLibrary() throws -> (LibraryStore, blogID: Int64, posts: [Int64]) {
        let store = try LibraryStore.inMemory()
        let (blogID, posts) = try StoreFixtures.importBlog(into: store, posts: 2)
        try store.writeSession { session in
            let comments = [
                Comment(postID: posts[0], sourceID: "10", author: "Ada", published: StoreFixtures.base),
                Comment(
                    postID: posts[0], sourceID: "11", parentSourceID: "10", author: "Bob",
                    published: StoreFixtures.base.addingTimeInterval(60)),
                Comment(
                    postID: posts[0], sourceID: "12", author: "Troll",
                    published: StoreFixtures.base.addingTimeInterval(120)),
                Comment(
                    postID: posts[1], sourceID: "20", author: "Carol",
                    published: StoreFixtures.base.addingTimeInterval(600)),
                Comment(
                    postID: posts[1], sourceID: "21", parentSourceID: "20", author: "Dan",
                    published: StoreFixtures.base.addingTimeInterval(900)),
            ]
            for comment in comments { _ = try session.upsertComment(comment, searchText: "") }
        }
        return (store, blogID, posts)
    }

    func testConversationsListWatchedThreadsWithNewsRepliesToMeFirst() throws {
        let (store, _, posts) = try makeLibrary()
        // Nothing is watched yet: no conversations
        XCTAssertEqual(try store.conversations(identity: me), [])
        // When both posts are watched
        try store.setWatched(posts, watched: true)
        let list = try store.conversations(identity: me)
        // Then the thread with a reply to me comes first though the other is newer
        XCTAssertEqual(list.map(\.postID), [posts[0], posts[1]])
        XCTAssertEqual(list[0].newComments, 2, "my own comment is no news to me")
        XCTAssertEqual(list[0].repliesToYou, 1)
        XCTAssertEqual(list[0].lastCommenter, "Troll")
        XCTAssertEqual(list[1].newComments, 2)
        XCTAssertEqual(list[1].repliesToYou, 0)
        XCTAssertEqual(list[1].lastCommenter, "Dan")
        XCTAssertEqual(list[1].lastCommentAt, StoreFixtures.base.addingTimeInterval(900))
        XCTAssertEqual(try store.postWindow(PostFilter(watchedOnly: true), after: nil, limit: 10).count, 2)
        // When the user leaves post 1 (its comments seen), it drops out
        try store.applyReaderWrites([.visited(postID: posts[1], at: Date(), seenThrough: nil)], waitingAtMost: 1)
        XCTAssertEqual(try store.conversations(identity: me).map(\.postID), [posts[0]])
        // And without an identity nothing is mine
        XCTAssertEqual(try store.conversations(identity: nil).first?.repliesToYou, 0)
    }

    func testMutesHideCommentsCountAndSurviveAReimport() throws {
        let (store, blogID, posts) = try makeLibrary()
        try store.setWatched([posts[0]], watched: true)
        // When Troll is muted on the blog and the subthread under my comment is muted
        XCTAssertTrue(try store.setMute(.author(blogID: blogID, name: "Troll"), muted: true))
        XCTAssertFalse(try store.setMute(.author(blogID: blogID, name: "Troll"), muted: true))
        let troll = try XCTUnwrap(store.comments(postID: posts[0]).first { $0.author == "Troll" })
        XCTAssertTrue(troll.marks.contains(.muted))
        XCTAssertEqual(try store.conversations(identity: me).first?.newComments, 1)
        let mutes = try store.subthreadMutes(commentID: "10")
        XCTAssertEqual(mutes, [.subthread(postID: posts[0], commentSourceID: "10")])
        try store.setMute(mutes[0], muted: true)
        // Then nothing new is left unmuted there, and the thread is not listed
        XCTAssertEqual(try store.conversations(identity: me), [])
        // And a re-import writing the same comments again keeps the mutes
        try store.writeSession { session in
            _ = try session.upsertComment(
                Comment(postID: posts[0], sourceID: "12", author: "Troll", contentHTML: "edited"), searchText: "")
        }
        let marks = try store.comments(postID: posts[0], identity: me).map(\.marks)
        XCTAssertTrue(marks.allSatisfy { $0.contains(.muted) })
        XCTAssertEqual(try store.mutes().count, 2)
        // Unmuting brings them back
        try store.setMute(.author(blogID: blogID, name: "Troll"), muted: false)
        XCTAssertFalse(
            try XCTUnwrap(store.comments(postID: posts[0]).first { $0.author == "Troll" }).marks.contains(.muted))
    }

    func testThreadsICommentedOnAreFollowedUnlessIStoppedFollowingThem() throws {
        let (store, _, posts) = try makeLibrary()
        // Given the user stopped following post 1 before
        try store.setWatched([posts[1]], watched: false)
        try store.writeSession { session in
            _ = try session.upsertComment(Comment(postID: posts[1], sourceID: "22", author: "ada"), searchText: "")
        }
        // When the sync looks for the user's comments
        XCTAssertEqual(try store.followThreadsCommented(by: me), 1)
        // Then the thread with their comment is followed and the one they left alone stays so
        XCTAssertEqual(try store.watchedPostIDs(), [posts[0]])
        // And a second look finds nothing new to read
        XCTAssertEqual(try store.followThreadsCommented(by: me), 0)
    }

    func testASentCommentFollowsItsThread() throws {
        let (store, _, posts) = try makeLibrary()
        let draft = try store.saveDraft(
            Draft(postID: posts[1], authorName: "Ada", authorEmail: "ada@example.org", body: "Hi", state: .queued))
        try store.setDraftState(id: draft.id, state: .sent, remoteCommentID: "21")
        XCTAssertEqual(try store.watchedPostIDs(), [posts[1]])
        // The sent comment's id marks the synced comment as mine, even under another name
        let dan = try XCTUnwrap(store.comments(postID: posts[1]).first { $0.sourceID == "21" })
        XCTAssertTrue(dan.marks.contains(.mine))
    }

    func testThreadPositionsAreKeptPerPost() throws {
        let (store, _, posts) = try makeLibrary()
        XCTAssertNil(try store.threadPosition(postID: posts[0]))
        let position = ThreadPosition(
            postID: posts[0], selectedComment: "11", collapsed: ["10"], articleTopLine: 12, articleWidth: 70)
        try store.applyReaderWrites([.position(position)], waitingAtMost: 1)
        XCTAssertEqual(try store.threadPosition(postID: posts[0]), position)
        var moved = position
        moved.selectedComment = nil
        moved.collapsed = []
        try store.applyReaderWrites([.position(moved)], waitingAtMost: 1)
        XCTAssertEqual(try store.threadPosition(postID: posts[0]), moved)
        // A position of a post that is gone is not kept
        try store.applyReaderWrites([.position(ThreadPosition(postID: 9_999))], waitingAtMost: 1)
        XCTAssertNil(try store.threadPosition(postID: 9_999))
    }
}
