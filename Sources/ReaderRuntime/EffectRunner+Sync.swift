import BlogSync
import Foundation
import ReaderCore

extension EffectRunner {
    /// Syncs every subscription in the background; progress and the outcome arrive as actions.
    func startSync() -> [Action] {
        if isSample {
            return [
                .syncFinished(
                    message: "the sample blog has nothing to sync: `lectern add URL` subscribes to a blog",
                    isError: false)
            ]
        }
        let inbox = self.inbox
        // A WordPress site's first sync reads every post and comment: the status line says how far.
        let engine = SyncEngine(store: store, options: SyncOptions(identity: settings.identity)) { listing in
            inbox.post(.syncProgress("sync: \(listing.line)"))
        }
        Task.detached { await BackgroundSync.run(engine: engine, inbox: inbox) }
        return []
    }

}

/// A sync running beside the reader, reporting through the inbox.
enum BackgroundSync {
    static func run(engine: SyncEngine, inbox: ActionInbox) async {
        do {
            let results = try await engine.sync { progress in
                let title = progress.result.title.isEmpty ? progress.result.feedURL : progress.result.title
                inbox.post(.syncProgress("sync \(progress.completed)/\(progress.total): \(title)"))
            }
            inbox.post(finished(results))
        } catch {
            inbox.post(.syncFinished(message: "sync failed: \(error)", isError: true))
        }
    }

    private static func finished(_ results: [SyncResult]) -> Action {
        guard !results.isEmpty else {
            return .syncFinished(message: "nothing to sync: no subscriptions", isError: false)
        }
        let failed = results.filter(\.failed)
        let newPosts = results.reduce(0) { $0 + $1.newPosts }
        let newComments = results.reduce(0) { $0 + $1.newComments }
        var message =
            "synced \(results.count) blog\(results.count == 1 ? "" : "s"): \(newPosts) new posts, \(newComments) new comments"
        if let first = failed.first {
            message += "; \(failed.count) failed (\(first.error ?? first.title))"
        }
        return .syncFinished(message: message, isError: !failed.isEmpty)
    }
}
