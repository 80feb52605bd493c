import BlogStore
import BlogSync
import Foundation

/// The cache the reader opens: the user's library, or the bundled sample blog while it is empty.
struct ReaderLibrary {
    var store: LibraryStore
    var isSample: Bool

    static func open(paths: LecternPaths, global: GlobalOptions) throws -> ReaderLibrary {
        let store = try global.openStore()
        // Counting only whether a blog exists: `blogs()` would count every comment at start-up.
        guard try !store.hasBlogs() else { return ReaderLibrary(store: store, isSample: false) }
        // The sample lives in a cache of its own so the user's library stays theirs.
        let samplePath = paths.dataDirectory.appendingPathComponent("sample.sqlite").path
        let sample = try LibraryStore(path: samplePath)
        if try !sample.hasBlogs() {
            guard let url = Bundle.module.url(forResource: "sample-blog", withExtension: "xml") else {
                throw CLIError("the bundled sample blog is missing from this build")
            }
            _ = try ExportImporter(store: sample).importWXR(atPath: url.path)
        }
        return ReaderLibrary(store: sample, isSample: true)
    }
}
