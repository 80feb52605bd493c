import Foundation
import ScreenKit

/// Finds and reads theme files (`NAME.toml` in the user's and the shipped theme folders);
/// `ThemeParser` turns their text into a `Theme`.
public enum ThemeFiles {
    /// The theme named `name` from the first directory of `directories` that has
    /// `NAME.toml`; the compiled-in default when `name` is "default" and no file has it.
    public static func load(named name: String, from directories: [URL]) throws -> Theme {
        for directory in directories {
            let url = directory.appendingPathComponent("\(name).toml")
            if FileManager.default.fileExists(atPath: url.path) { return try load(contentsOf: url) }
        }
        if name == "default" { return .builtInDefault }
        if name == "mono" { return .builtInMono }
        throw ThemeError(file: "\(name).toml", message: "no such theme")
    }

    /// The theme to use: `NO_COLOR` set (to anything non-empty) means the mono theme.
    public static func resolve(
        named name: String?, from directories: [URL], environment: [String: String]
    ) throws -> Theme {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .builtInMono }
        return try load(named: name ?? "default", from: directories)
    }

    /// The theme in the file at `url`, named after the file.
    public static func load(contentsOf url: URL) throws -> Theme {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeError(file: url.path, message: "cannot read the file")
        }
        return try ThemeParser.parse(text, name: url.deletingPathExtension().lastPathComponent, file: url.path)
    }
}
