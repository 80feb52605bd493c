import ArgumentParser
import BlogModel
import BlogOutbox
import BlogStore
import BlogSync
import Foundation

struct DraftsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts",
        abstract: "List, queue, send and export comment drafts.",
        subcommands: [
            DraftsListCommand.self, DraftsQueueCommand.self, DraftsUnqueueCommand.self,
            DraftsDeleteCommand.self, DraftsSendCommand.self, DraftsExportCommand.self,
        ],
        defaultSubcommand: DraftsListCommand.self)
}

struct DraftsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every draft.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try global.openStore()
        let recovered = DraftRecovery.recover(in: global.paths.draftFiles, store: store)
        if !recovered.isEmpty {
            FileHandle.standardError.write(
                Data("recovered \(recovered.count) draft(s) left by an interrupted editor\n".utf8))
        }
        let drafts = try store.drafts()
        let view = try DraftView(store: store)
        if json {
            try JSONOutput.print(drafts.map(view.json))
            return
        }
        if drafts.isEmpty { print("No drafts. In the reader, c comments on a post and r replies to a comment.") }
        for draft in drafts { print(view.line(draft)) }
    }
}

struct DraftsQueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Queue drafts for the next `lectern drafts send`.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Queue every draft and every failed draft worth retrying (not those that failed for good).")
    var all = false

    @Argument(help: "Draft ids.")
    var ids: [Int64] = []

    func validate() throws {
        if all == !ids.isEmpty { throw ValidationError("give draft ids or --all") }
    }

    func run() throws {
        let store = try global.openStore()
        let drafts: [Draft]
        var skippedNote: String?
        if all {
            let selection = OutboxQueueSelection(all: try store.drafts())
            drafts = selection.queued
            skippedNote = selection.skippedNote
        } else {
            // Named by id, a draft that failed for good is queued: the user chose it.
            drafts = try DraftSelection.pick(ids, from: store) { $0.state == .draft || $0.state == .failed }
        }
        for draft in drafts {
            try store.setDraftState(id: draft.id, state: .queued)
            print("draft \(draft.id): queued")
        }
        if let skippedNote { print(skippedNote) }
    }
}

struct DraftsUnqueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unqueue", abstract: "Take drafts back out of the queue.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Draft ids.")
    var ids: [Int64]

    func run() throws {
        let store = try global.openStore()
        for draft in try DraftSelection.pick(ids, from: store, where: { $0.state == .queued || $0.state == .failed }) {
            try store.setDraftState(id: draft.id, state: .draft)
            print("draft \(draft.id): back to draft")
        }
    }
}

struct DraftsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete drafts.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Draft ids.")
    var ids: [Int64]

    func run() throws {
        let store = try global.openStore()
        for draft in try DraftSelection.pick(ids, from: store, where: { _ in true }) {
            try store.deleteDraft(id: draft.id)
            print("draft \(draft.id): deleted")
        }
    }
}

struct DraftsSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send every queued draft to its blog, each exactly once.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Show what would be sent without sending anything.")
    var dryRun = false

    @Flag(help: "Send even when the post closed comments or the parent comment is gone.")
    var force = false

    func run() async throws {
        let store = try global.openStore()
        let passwords = try CommentSubmissionCredentials.load(from: global.paths.applicationPasswords)
        let sender = OutboxSender(store: store, credentials: passwords, force: force)
        let results = await sender.send(dryRun: dryRun)
        if results.isEmpty { print("Nothing queued: `lectern drafts queue ID` or --all first.") }
        for result in results { print(TerminalSafeText.sanitize(result.description)) }
        if results.contains(where: { if case .failed = $0.status { return true } else { return false } }) {
            throw ExitCode.failure
        }
    }
}

struct DraftsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print drafts as plain text with headers, for sending by other means.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Draft ids (all unsent drafts when none are given).")
    var ids: [Int64] = []

    func run() throws {
        let store = try global.openStore()
        let view = try DraftView(store: store)
        let drafts = try DraftSelection.pick(ids.isEmpty ? nil : ids, from: store) { $0.state != .sent }
        print(drafts.map(view.export).joined(separator: "\n"))
    }
}
