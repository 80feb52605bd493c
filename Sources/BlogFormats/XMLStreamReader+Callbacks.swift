import CLibXML2
import Glibc

/// The SAX2 callbacks: C function pointers that find the reader through libxml2's user data.
extension XMLStreamReader {
    /// Deepest element nesting accepted. libxml2's push parser sets no limit of its own when
    /// it builds no tree, and no feed or export nests near this; a file that does is hostile
    /// or broken, and is refused with its line rather than walked 100,000 levels down.
    static let maximumDepth = 1_000

    static func reader(_ context: UnsafeMutableRawPointer?) -> XMLStreamReader {
        Unmanaged<XMLStreamReader>.fromOpaque(context!).takeUnretainedValue()
    }

    static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, local, prefix, uri, _, _, attributeCount, _, attributes in
            guard let local else { return }
            XMLStreamReader.reader(context).start(local, prefix, uri, Int(attributeCount), attributes)
        }
        handler.endElementNs = { context, local, prefix, uri in
            guard let local else { return }
            XMLStreamReader.reader(context).end(local, prefix, uri)
        }
        handler.characters = { context, bytes, length in
            guard let bytes else { return }
            XMLStreamReader.reader(context).textBuffer.append(
                contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        handler.cdataBlock = { context, bytes, length in
            guard let bytes else { return }
            XMLStreamReader.reader(context).textBuffer.append(
                contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        handler.getEntity = { context, name in
            guard let name else { return nil }
            return XMLStreamReader.reader(context).entity(named: String(cString: name))
        }
        handler.entityDecl = { context, name, type, _, _, content in
            guard let name, let content, type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue) else { return }
            XMLStreamReader.reader(context).declareEntity(String(cString: name), content)
        }
        // Never resolve or load anything from outside the document.
        handler.resolveEntity = { _, _, _ in nil }
        handler.externalSubset = { _, _, _, _ in }
        handler.serror = { context, error in
            guard let error else { return }
            XMLStreamReader.reader(context).record(error.pointee)
        }
        return handler
    }

    func start(
        _ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
        _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !shouldStop, let consumer else { return }
        depth += 1
        sawRoot = true
        guard depth <= Self.maximumDepth else {
            return stop(
                FormatError(
                    source: sourceName, line: line, column: column,
                    message: "elements nested more than \(Self.maximumDepth) deep"))
        }
        let tag = tagCache.tag(uri: uri, prefix: prefix, local: local, names: &names, vocabulary: vocabulary)
        do {
            try consumer.didStartElement(
                tag, attributes: XMLAttributes(raw: attributes, count: attributeCount), reader: self)
        } catch {
            consumerError = error
            stop()
        }
        // Most elements end with no text after them: skip the (not free) removal then.
        if !textBuffer.isEmpty { textBuffer.removeAll(keepingCapacity: true) }
    }

    func end(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        guard !shouldStop, let consumer else { return }
        let tag = tagCache.tag(uri: uri, prefix: prefix, local: local, names: &names, vocabulary: vocabulary)
        do {
            try consumer.didEndElement(tag, reader: self)
        } catch {
            consumerError = error
            stop()
        }
        depth -= 1
        // Most elements end with no text after them: skip the (not free) removal then.
        if !textBuffer.isEmpty { textBuffer.removeAll(keepingCapacity: true) }
    }

    func entity(named name: String) -> xmlEntityPtr? {
        // libxml2 copies only the first byte of a predefined entity into an attribute value,
        // but leaves a general entity's reference as "&name;", which XMLAttributes decodes.
        let inAttribute = context?.pointee.instate == XML_PARSER_ATTRIBUTE_VALUE
        do {
            return try entities.entity(named: name, inAttribute: inAttribute)
        } catch {
            stop(expansionError())
            return nil
        }
    }

    func declareEntity(_ name: String, _ content: UnsafePointer<xmlChar>) {
        do {
            try entities.declare(name: name, content: content)
        } catch {
            stop(expansionError())
        }
    }

    private func expansionError() -> FormatError {
        FormatError(
            source: sourceName, line: line, column: column,
            message: "entity expansion exceeds the size limit")
    }

    /// Keeps the first fatal error; namespace errors and warnings are recoverable and ignored.
    func record(_ error: xmlError) {
        guard error.level == XML_ERR_FATAL else { return }
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        if message.hasSuffix("Huge input lookup") {
            // libxml2's name for one token (a tag, comment, CDATA section or processing
            // instruction) that it would have to hold whole past its 10 MB limit.
            message = "a single tag, comment, CDATA section or processing instruction is longer than 10 MB"
        }
        stop(FormatError(source: sourceName, line: Int(error.line), column: Int(error.int2), message: message))
    }
}
