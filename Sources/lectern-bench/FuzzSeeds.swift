import Foundation

/// The seed files of the fuzzing loop: every file of the corpus folder, read once.
struct FuzzSeeds {
    private var files: [(path: String, head: String, bytes: [UInt8])] = []

    init(folder: String) throws {
        let root = URL(fileURLWithPath: folder)
        let urls =
            (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { ["xml", "atom", "json", "opml", "rss"].contains($0.pathExtension.lowercased()) }
            // Sorted, so the same corpus gives the same seed numbering everywhere.
            .sorted { $0.path < $1.path }
        for url in urls {
            guard let data = try? Data(contentsOf: url), data.count <= 512 * 1024 else { continue }
            files.append((url.path, String(decoding: data.prefix(4096), as: UTF8.self), [UInt8](data)))
        }
    }

    func files(for target: FuzzTarget) -> [[UInt8]] {
        files.filter { target.accepts($0.path, $0.head) }.map(\.bytes) + (Self.builtIn[target.name] ?? [])
    }

    /// Seeds for readers the shared corpus has no files for.
    static let builtIn: [String: [[UInt8]]] = [
        "opml": [
            Array(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Subscriptions</title></head><body>
                <outline text="Blogs" title="Blogs">
                <outline type="rss" text="Zoë's blog" title="Zoë's blog" xmlUrl="https://zoe.example.org/feed/" htmlUrl="https://zoe.example.org/"/>
                <outline type="rss" text="中文" xmlUrl="http://example.com/atom.xml"/>
                </outline>
                <outline type="rss" text="Top &amp; level" xmlUrl="https://example.net/?feed=rss2"/>
                </body></opml>
                """.utf8)
        ]
    ]

    /// FNV-1a, so each target's mutations differ and stay the same from run to run
    /// (Swift's `Hasher` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
