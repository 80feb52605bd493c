import CLibXML2
import Glibc

/// A streaming, namespace-aware XML reader over libxml2's SAX2 push parser.
///
/// Input is fed in `chunkSize` pieces, so memory stays flat whatever the file size. Every
/// encoding is decoded here, before libxml2 sees it (`XMLInputStream`): what cannot be decoded
/// becomes U+FFFD and the document is read in full; libxml2 only ever reads UTF-8, and its
/// messages come back as one `FormatError`, never on stderr. External
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
    /// What libxml2 said on its generic channel during the parse (format strings only).
    var genericMessage: String?
    var names = XMLNameTable()
    var tagCache = TagCache()
    var entities = XMLEntityTable()
    /// Nesting depth of the element being reported (1 for the root, or for the element
    /// `depthOffset` levels down that a consumer reads as its root).
    public internal(set) var depth: Int {
        get { documentDepth - depthOffset }
        set { documentDepth = newValue + depthOffset }
    }
    /// Nesting depth in the document itself.
    var documentDepth = 0
    /// Levels above the element a consumer treats as its root (a feed inside an XHTML page).
    var depthOffset = 0
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
    ///
    /// - Parameter charset: the encoding the file came labelled with (an HTTP `charset`),
    ///   which outranks its XML declaration; a byte order mark outranks both.
    public func parse(fileAtPath path: String, charset: String? = nil, consumer: XMLStreamConsumer) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FormatError(source: sourceName, message: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        try run(consumer: consumer, charset: charset) { buffer in
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

    /// What libxml2 printed on its generic channel, kept to explain a parse it stopped.
    func recordGeneric(_ format: String) {
        if genericMessage == nil { genericMessage = FormatError.oneLine(format) }
    }

    func run(
        consumer: XMLStreamConsumer, charset: String?, nextChunk: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws {
        self.consumer = consumer
        parseError = nil
        consumerError = nil
        genericMessage = nil
        documentDepth = 0
        depthOffset = 0
        sawRoot = false
        names.reset()
        tagCache.reset()
        entities.reset()
        textBuffer.removeAll(keepingCapacity: true)
        defer { self.consumer = nil }

        var handler = Self.makeHandler()
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, me, nil, 0, sourceName) else {
            throw FormatError(source: sourceName, message: "cannot create an XML parser")
        }
        self.context = context
        defer {
            self.context = nil
            xmlFreeParserCtxt(context)
        }
        // The input arrives decoded to UTF-8: the declaration's encoding must not make libxml2
        // convert it a second time.
        xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue))
        let errors = XMLInputErrorCapture(reader: self)
        defer { errors.restore() }

        let input = XMLInputStream(chunkSize: Self.chunkSize)
        // Long CDATA sections are cut on their way in (libxml2 rescans and caps them).
        var splitter = XMLCDATASplitter(decodedToUTF8: true)  // the input stream hands libxml2 UTF-8 only
        try input.run(
            charset: charset, read: nextChunk,
            feed: { bytes in
                guard !shouldStop else { return }
                splitter.pass(bytes) { push($0, to: context) }
            },
            shouldStop: { shouldStop })
        if input.bytesRead == 0 { throw FormatError(source: sourceName, line: 1, column: 1, message: "empty document") }
        if !shouldStop {
            if input.endsInsideEndTag { [UInt8(ascii: ">")].withUnsafeBufferPointer { push($0, to: context) } }
        }
        if !shouldStop {
            let open = documentDepth
            xmlParseChunk(context, nil, 0, 1)
            // libxml2 calls a document that stops inside an element "Extra content at the end
            // of the document"; what the user needs to hear is that the file is cut short. Other
            // errors found only now (a bare `&` makes libxml2 wait for a `;`) keep their words.
            if var error = parseError, open > 0 || !sawRoot, Self.saysInputEnded(error.message) {
                error.message =
                    open > 0
                    ? "the document ends with \(open) element\(open == 1 ? "" : "s") still open (cut short?)"
                    : "no root element: the document holds no XML elements"
                parseError = error
            }
        }
        if let consumerError { throw consumerError }
        if var parseError {
            // libxml2 writes some messages over two lines ("…indicate encoding !\nBytes: …").
            parseError.message = FormatError.oneLine(parseError.message)
            throw parseError
        }
        if context.pointee.wellFormed == 0 {
            throw FormatError(source: sourceName, line: line, column: column, message: "not well-formed XML")
        }
    }

    /// Whether a libxml2 message is one of those it gives when the input ends too soon.
    private static func saysInputEnded(_ message: String) -> Bool {
        [
            "Extra content at the end of the document", "Premature end of data", "Document is empty",
            "Start tag expected",
        ]
        .contains { message.hasPrefix($0) }
    }

    /// Hands libxml2 the next piece of the document, and turns a stop it makes without
    /// reporting a fatal error into one, so no document ends early in silence.
    private func push(_ bytes: UnsafeBufferPointer<UInt8>, to context: xmlParserCtxtPtr) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        xmlParseChunk(context, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
        if !shouldStop, context.pointee.instate == XML_PARSER_EOF || context.pointee.disableSAX != 0 {
            let reason = genericMessage ?? "libxml2 error \(context.pointee.errNo)"
            stop(
                FormatError(
                    source: sourceName, line: line, column: column, message: "the XML parser stopped: \(reason)"))
        }
    }
}
