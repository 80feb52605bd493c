import Foundation

/// Prints JSON the way every `--json` option does: keys sorted, UTF-8, one document.
enum JSONOutput {
    static func print(_ value: Any) throws {
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// JSON null for a missing value, since `[String: Any]` cannot hold nil.
    static func orNull(_ value: Any?) -> Any { value ?? NSNull() }
}
