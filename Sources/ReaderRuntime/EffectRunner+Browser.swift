import Foundation
import ReaderCore

extension EffectRunner {
    /// Opens `url` with `$BROWSER`, handing it the terminal in case it is a text-mode browser.
    func openInBrowser(_ url: String) -> [Action] {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            ["http", "https", "mailto", "ftp", "gopher", "gemini"].contains(scheme)
        else {
            return [.message("not opening \(url): only web and mail links are opened", isError: true)]
        }
        guard let browser = ProcessInfo.processInfo.environment["BROWSER"], !browser.isEmpty else {
            return [.message("set $BROWSER to open links; the link is \(url)", isError: true)]
        }
        let status =
            terminal?.handOff { ChildProcess.runShell(command: browser, argument: url) }
            ?? ChildProcess.runShell(command: browser, argument: url)
        return status == 0
            ? [.message("opened \(url)", isError: false)]
            : [.message("$BROWSER exited with status \(status) for \(url)", isError: true)]
    }
}
