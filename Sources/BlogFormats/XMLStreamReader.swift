import CLibXML2
import Glibc

/// A streaming, namespace-aware XML reader over libxml2's SAX2 push parser.
///
/// Input is fed in `chunkSize` pieces, so memory stays flat whatever the file size. External
/// entities and DTDs are never loaded; undeclared HTML entities (`&nbsp;`) decode through
/// `HTMLEntities`; entities declared in the internal subset are expanded once, with a size
/// budget, so an expansion bomb ends in a `FormatError`. Names with an undeclared prefix
/// (`content:encoded` without `xmlns:content`) are mapped through
/// `XMLNamespace.wellKnownPrefixes`. Not thread-safe; one parse at a time.
public final class XMLStreamReader {
    public static let chunkSize = 256 * 1024
    /// Largest expansion of one declared entity, and of all of them together, in bytes.
    static let entityExpansionLimit = 1 << 20
    static let totalExpansionLimit = 16 << 20

    /// The file path or URL used in errors.
    public let sourceName: String
    let vocabulary: [XMLName: Int]
    var consumer: XMLStreamConsumer?
    var context: xmlParserCtxtPtr?
    /// Character data since the previous tag; reused to avoid a String per callback.
    var textBuffer: [UInt8] = []
    var parseError: FormatError?
    var consumerError: Error?
    var names = XMLNameTable()
    var tagCache = TagCache()
    var entities = XMLEntityTable()
    /// Nesting depth of the element being reported (1 for the root).
    public internal(set) var depth = 0
    /// Whether the document has started its root element.
    var sawRoot = false

    /// - Parameter vocabulary: names the consumer cares about, mapped to the tokens reported
    ///   in `XMLTag.token`, so it can switch on integers instead of comparing strings.
    public init(sourceName: String, vocabulary: [XMLName: Int] = [:]) {
        self.sourceName = sourceName
        self.vocabulary = vocabulary
        textBuffer.reserveCapacity(64 * 1024)
    }

    deinit { entities.reset() }

    /// The character data accumulated since the previous tag, CDATA sections merged.
    public var text: String { String(decoding: textBuffer, as: UTF8.self) }

    /// True when the accumulated character data is empty or only XML whitespace.
    public var textIsBlank: Bool {
        textBuffer.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The accumulated character data as UTF-8 bytes, without building a String.
    public func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try textBuffer.withUnsafeBufferPointer(body)
    }

    /// The parser's current line (1-based), for consumers reporting their own errors.
    public var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

    /// The parser's current column (1-based).
    public var column: Int { context.map { Int(xmlSAX2GetColumnNumber($0)) } ?? 0 }

    /// Reads the file at `path` in chunks with read(2), never loading it whole.
    public func parse(fileAtPath path: String, consumer: XMLStreamConsumer) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FormatError(source: sourceName, message: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        try run(consumer: consumer) { buffer in
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno != EINTR {
                    throw FormatError(source: self.sourceName, message: String(cString: strerror(errno)))
                }
            }
        }
    }

    /// Asks the parser to stop after the current callback; used by entity limits and errors.
    func stop(_ error: FormatError? = nil) {
        if let error, parseError == nil { parseError = error }
        if let context { xmlStopParser(context) }
    }

    var shouldStop: Bool { parseError != nil || consumerError != nil }

    func run(
        consumer: XMLStreamConsumer, nextChunk: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws {
        self.consumer = consumer
        parseError = nil
        consumerError = nil
        depth = 0
        sawRoot = false
        names.reset()
        tagCache.reset()
        entities.reset()
        textBuffer.removeAll(keepingCapacity: true)
        defer { self.consumer = nil }

        var handler = Self.makeHandler()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        var count = try nextChunk(buffer)
        if count == 0 { throw FormatError(source: sourceName, line: 1, column: 1, message: "empty document") }
        let base = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
        // The first four bytes let libxml2 sniff a BOM or UTF-16 before the prolog is read.
        let head = min(count, 4)
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, me, base, Int32(head), sourceName) else {
            throw FormatError(source: sourceName, message: "cannot create an XML parser")
        }
        self.context = context
        defer {
            self.context = nil
            xmlFreeParserCtxt(context)
        }
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        var offset = head
        while count > 0, !shouldStop {
            if count > offset {
                xmlParseChunk(context, base + offset, Int32(count - offset), 0)
            }
            if shouldStop { break }
            offset = 0
            count = try nextChunk(buffer)
        }
        if !shouldStop {
            let open = depth
            xmlParseChunk(context, nil, 0, 1)
            // libxml2 calls a document that stops inside an element "Extra content at the end
            // of the document"; what the user needs to hear is that the file is cut short.
            if var error = parseError, open > 0 || !sawRoot {
                error.message = open > 0
                    ? "the document ends with \(open) element\(open == 1 ? "" : "s") still open (cut short?)"
                    : "no root element: the document holds no XML elements"
                parseError = error
            }
        }
        if let consumerError { throw consumerError }
        if let parseError { throw parseError }
        if context.pointee.wellFormed == 0 {
            throw FormatError(source: sourceName, line: line, column: column, message: "not well-formed XML")
        }
    }
}
