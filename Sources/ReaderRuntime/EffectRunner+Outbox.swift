import BlogOutbox
import BlogStore
import BlogSync
import Foundation
import ReaderCore

extension EffectRunner {
    /// Sends the queued drafts in the background; the outcome comes back as a message.
    func sendDrafts() -> [Action] {
        let sender = OutboxSender(store: store, credentials: settings.applicationPasswords)
        let inbox = self.inbox
        let store = self.store
        Task.detached { await BackgroundOutbox.run(sender: sender, inbox: inbox, store: store) }
        return [.message("sending queued drafts…", isError: false)]
    }
}

/// A send of the outbox running beside the reader.
enum BackgroundOutbox {
    static func run(sender: OutboxSender, inbox: ActionInbox, store: LibraryStore) async {
        let results = await sender.send()
        let failed = results.filter { if case .failed = $0.status { return true } else { return false } }
        let message =
            results.isEmpty
            ? "nothing queued to send"
            : results.count == 1
                ? results[0].description
                : "sent \(results.count - failed.count) of \(results.count) drafts"
                    + (failed.first.map { "; \($0.description)" } ?? "")
        inbox.post(.message(message, isError: !failed.isEmpty))
        if let drafts = try? store.drafts() { inbox.post(.draftsLoaded(drafts)) }
    }
}
