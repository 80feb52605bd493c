import BlogFormats
import BlogModel
import BlogStore
import Foundation
import ReaderCore

extension EffectRunner {
    /// Mutes or unmutes in the background (another process may hold the write lock); the
    /// answer is a line for the status bar and the post's thread, its comments marked anew.
    func setMute(_ mute: Mute, muted: Bool, postID: Int64) -> [Action] {
        let store = self.store
        let identity = settings.identity
        let what: String
        switch mute {
        case .author(_, let name): what = "comments by \(name)"
        case .subthread: what = "the subthread"
        }
        changes.submit(
            BackgroundWrites.Job(
                notDone: "\(muted ? "muting" : "unmuting") \(what) was not done; do it again when that one is done",
                attempt: { wait in
                    try store.setMute(mute, muted: muted, waitingAtMost: wait)
                    var answers: [Action] = [
                        .message(TerminalSafeText.sanitize(muted ? "Muted \(what)" : "Unmuted \(what)"), isError: false)
                    ]
                    if let post = try store.post(id: postID) {
                        let comments = try store.comments(postID: postID, identity: identity)
                        let texts = comments.map {
                            HTMLConverter.richText(fromHTML: $0.contentHTML, baseURL: post.link)
                        }
                        answers.append(.threadLoaded(postID: postID, comments, texts: texts))
                    }
                    return answers
                },
                cleanUp: {}))
        return []
    }

    /// Reads the followed threads with news on `windowLoads`, answering through the inbox: the
    /// reader asks at start and after every sync, and with thousands of followed threads the
    /// read takes tens of milliseconds that the first frame and the keys should not wait for.
    func loadConversations() {
        let (store, identity, inbox, inFlight) = (self.store, settings.identity, self.inbox, windowsInFlight)
        inFlight.add(1)
        windowLoads.async {
            defer { inFlight.add(-1) }
            do {
                inbox.post(.conversationsLoaded(try store.conversations(identity: identity)))
            } catch {
                inbox.post(.message("\(error)", isError: true))
            }
        }
    }

    /// The position of `postID` the user left a moment ago, still on its way to the cache.
    func pendingPosition(_ postID: Int64) -> ThreadPosition? {
        writes.pendingWrites.reversed().lazy.compactMap { write -> ThreadPosition? in
            guard case .position(let position) = write, position.postID == postID else { return nil }
            return position
        }.first
    }
}
