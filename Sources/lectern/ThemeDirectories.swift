import Foundation

/// Where the theme files shipped with Lectern are found at run time.
enum ThemeDirectories {
    /// `themes/` beside the executable's package checkout, or installed under `share/lectern`.
    static func shipped() -> [URL] {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates: [URL] = []
        var folder = executable.deletingLastPathComponent()
        // .build/debug/lectern → the package root is three levels up.
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("themes"))
            candidates.append(folder.appendingPathComponent("share/lectern/themes"))
            folder = folder.deletingLastPathComponent()
        }
        return candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}
