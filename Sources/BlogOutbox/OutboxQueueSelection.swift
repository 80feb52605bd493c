import BlogModel

/// The drafts `lectern drafts queue --all` queues: plain drafts and temporary failures.
///
/// A draft that failed for good (`OutboxSender.hasFailedForGood`) would only be refused
/// again, or posted twice after an interrupted send, so `--all` leaves it and says how to
/// queue it by id once the user has looked at it.
public struct OutboxQueueSelection: Equatable, Sendable {
    /// What `--all` queues, in the order given.
    public var queued: [Draft]
    /// Failed for good; queued only when named by id.
    public var skipped: [Draft]

    public init(all drafts: [Draft]) {
        queued = drafts.filter { $0.state == .draft || ($0.state == .failed && !OutboxSender.hasFailedForGood($0)) }
        skipped = drafts.filter(OutboxSender.hasFailedForGood)
    }

    /// The line telling the user what was skipped and how to queue it; nil when nothing was.
    public var skippedNote: String? {
        guard !skipped.isEmpty else { return nil }
        let ids = skipped.map { String($0.id) }.joined(separator: ", ")
        let drafts =
            skipped.count == 1 ? "1 draft that failed for good" : "\(skipped.count) drafts that failed for good"
        return "skipped \(drafts) (\(ids); `lectern drafts` shows why); queue one anyway with `lectern drafts queue ID`"
    }
}
