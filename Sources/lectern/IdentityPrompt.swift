import Foundation
import ReaderRuntime

/// Asks for the commenter's name, e-mail and site on the plain terminal and saves them.
enum IdentityPrompt {
    static func ask(savingTo config: URL) -> CommenterIdentity? {
        print("\nBlogs ask who is commenting. This is asked once and kept in \(config.path).")
        guard let name = question("Your name: "), !name.isEmpty else { return nil }
        let email = question("Your e-mail (shown only to the blog's owner): ") ?? ""
        let site = question("Your website (optional): ") ?? ""
        let identity = CommenterIdentity(name: name, email: email, url: site.isEmpty ? nil : site)
        do {
            try ReaderConfig.saveAuthor(
                ReaderConfig.Author(name: identity.name, email: identity.email, url: identity.url), to: config)
        } catch {
            print("Could not save it (\(error)); it is used for this session only.")
        }
        return identity
    }

    private static func question(_ text: String) -> String? {
        print(text, terminator: "")
        fflush(nil)
        return readLine()?.trimmingCharacters(in: .whitespaces)
    }
}
