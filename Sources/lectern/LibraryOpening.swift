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
}
