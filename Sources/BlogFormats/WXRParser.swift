import BlogModel
import Foundation

/// Streams a WordPress export (WXR 1.0–1.2) item by item; never holds more than one item.
///
/// `onChannel` is called once, before the first item (or at the end for an export without
/// items); `onItem` once per `<item>` as it completes. Ill-formed or truncated input throws a
/// `FormatError` naming the line and column; items before the failure have been delivered.
public struct WXRParser: Sendable {
    public init() {}

    public func parse(
        fileAtPath path: String, onChannel: (WXRChannel) throws -> Void,
        onItem: (WXRItem) throws -> Void
    ) throws {
        try run(sourceName: path, onChannel: onChannel, onItem: onItem) { reader, consumer in
            try reader.parse(fileAtPath: path, consumer: consumer)
        }
    }

    public func parse(
        data: Data, sourceName: String, onChannel: (WXRChannel) throws -> Void,
        onItem: (WXRItem) throws -> Void
    ) throws {
        try run(sourceName: sourceName, onChannel: onChannel, onItem: onItem) { reader, consumer in
            try reader.parse(data: data, consumer: consumer)
        }
    }

    private func run(
        sourceName: String, onChannel: (WXRChannel) throws -> Void, onItem: (WXRItem) throws -> Void,
        body: (XMLStreamReader, WXRConsumer) throws -> Void
    ) throws {
        try withoutActuallyEscaping(onChannel) { onChannel in
            try withoutActuallyEscaping(onItem) { onItem in
                let consumer = WXRConsumer(onChannel: onChannel, onItem: onItem)
                let reader = XMLStreamReader(sourceName: sourceName, vocabulary: WXRField.vocabulary)
                try body(reader, consumer)
                try consumer.finish()
            }
        }
    }
}
