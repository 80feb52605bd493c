import Foundation

/// Where Lectern keeps its files, following the XDG base directory rules.
struct LecternPaths {
    var dataDirectory: URL
    var configDirectory: URL
    var database: URL

    init(databaseOverride: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home =
            environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? home.appendingPathComponent(".local/share")
        let configHome =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? home.appendingPathComponent(".config")
        configDirectory = configHome.appendingPathComponent("lectern")
        if let databaseOverride {
            database = URL(fileURLWithPath: databaseOverride)
            // Drafts being edited live beside an overridden cache, so a test or a second
            // library never shares editor files with the default one.
            dataDirectory = database.deletingLastPathComponent()
        } else {
            dataDirectory = dataHome.appendingPathComponent("lectern")
            database = dataDirectory.appendingPathComponent("lectern.sqlite")
        }
    }

    var configFile: URL { configDirectory.appendingPathComponent("config.toml") }
    var userThemes: URL { configDirectory.appendingPathComponent("themes") }
    var draftFiles: URL { dataDirectory.appendingPathComponent("drafts") }
    /// Application passwords for blogs whose REST API takes comments: `SITE USER PASSWORD` lines.
    var applicationPasswords: URL { configDirectory.appendingPathComponent("app-passwords") }
}
