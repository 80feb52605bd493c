import BlogModel
import BlogStore
import Foundation

extension GlobalOptions {
    /// Opens the cache, turning a failure into an error that names the file.
    func openStore() throws -> LibraryStore {
        let path = paths.database.path
        do {
            return try LibraryStore(path: path)
        } catch {
            throw CLIError("\(path): \(error)")
        }
    }

    /// Who the user is, from the config's `[author]`: how their comments and the replies to
    /// them are told; nil when they have not said. A broken config is an error naming it.
    func identity() throws -> CommenterIdentity? {
        guard let author = try ReaderConfig.load(from: paths.configFile).author,
            !author.name.trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        return CommenterIdentity(name: author.name, email: author.email, url: author.url)
    }
}
