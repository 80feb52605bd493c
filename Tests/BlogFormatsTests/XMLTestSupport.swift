import BlogFormats
import Foundation
import XCTest

/// Records what a reader delivers, as `start ns|name [attrs]`, `text …`, `end ns|name`.
final class XMLEventRecorder: XMLStreamConsumer {
    var events: [String] = []
    /// Text of leaf elements by local name, last one wins.
    var texts: [String: String] = [:]

    func didStartElement(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws {
        let attrs = attributes.map { "\($0.namespaceURI)|\($0.localName)=\($0.value)" }
        events.append("start \(tag.name.namespaceURI)|\(tag.name.localName) \(attrs)")
    }

    func didEndElement(_ tag: XMLTag, reader: XMLStreamReader) throws {
        if !reader.textIsBlank { texts[tag.name.localName] = reader.text }
        events.append("end \(tag.name.namespaceURI)|\(tag.name.localName)")
    }
}

func makeRecorder(parsing xml: String, source: String = "test.xml") throws -> XMLEventRecorder {
    let recorder = XMLEventRecorder()
    try XMLStreamReader(sourceName: source).parse(data: Data(xml.utf8), consumer: recorder)
    return recorder
}

func makeTemporaryFile(_ bytes: [UInt8], name: String = "input.xml") throws -> String {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("blogformats-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// The shared corpus folder next to the package, or a skip when it is absent.
func corpusFolder(_ relative: String) throws -> URL {
    var root = URL(fileURLWithPath: #filePath)
    while root.path != "/", !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
        root.deleteLastPathComponent()
    }
    let folder = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/\(relative)")
    guard FileManager.default.fileExists(atPath: folder.path) else {
        throw XCTSkip("needs ../shared/corpus")
    }
    return folder
}
