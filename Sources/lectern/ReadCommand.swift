import ArgumentParser
import BlogOutbox
import BlogStore
import BlogSync
import Foundation
import ReaderCore
import ReaderRuntime
import ScreenKit
import TerminalBackend

struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open the reader (the default command).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Theme name: default, light, solarized-dark, high-contrast, mono, or one of yours.")
    var theme: String?

    func run() async throws {
        let paths = global.paths
        let config = try ReaderConfig.load(from: paths.configFile)
        let keyMap: KeyMap
        do {
            keyMap = try KeyMap(overrides: config.keys)
        } catch {
            throw CLIError("\(paths.configFile.path): [keys] \(error)")
        }
        let themeDirectories = [paths.userThemes] + ThemeDirectories.shipped()
        let chosenTheme: Theme
        do {
            chosenTheme = try ThemeFiles.resolve(
                named: theme ?? config.theme, from: themeDirectories,
                environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CLIError("\(error)")
        }
        let library = try ReaderLibrary.open(paths: paths, global: global)
        let settings = ReaderSettings(
            authorName: config.author?.name, authorEmail: config.author?.email,
            authorURL: config.author?.url, quoteParent: config.quoteParent,
            draftsDirectory: paths.draftFiles,
            applicationPasswords: (try? CommentSubmissionCredentials.load(from: paths.applicationPasswords)) ?? [:])
        let session = ReaderSession(
            library: library, settings: settings, configFile: paths.configFile, keyMap: keyMap, theme: chosenTheme)
        for line in try session.run() {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
