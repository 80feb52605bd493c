import CLibXML2

/// Runs libxml2's forgiving HTML parser over a string and reports its events to a receiver.
///
/// libxml2 decodes entities, repairs unclosed and misnested tags and never recurses per
/// element, so hostile markup (10,000 nested tags, megabyte attributes) cannot exhaust the stack.
enum HTMLSAXParser {
    /// Recover from errors silently, never touch the network, and trust that the input is
    /// UTF-8 whatever a `<meta charset>` claims (a Swift string already is).
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Deepest nesting parsed as written. libxml2 scans its stack of open elements for each
    /// end tag that does not close the innermost one, so depth times stray end tags is its
    /// cost: at 128 (far past anything an editor writes; the reader flattens quotes and lists
    /// at 32 anyway) 50 MB of stray end tags take seconds, not hours.
    static let maximumDepth = 128

    /// libxml2 must be initialised once before it is used from several threads.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `html` into a receiver from `makeReceiver`; when the markup nests deeper than
    /// `maximumDepth`, into a fresh one from its flattened copy (`HTMLNestingFlattener`).
    /// Post and comment bodies, which can be megabytes of anything, go this way.
    static func parse<Receiver: HTMLSAXReceiver>(_ html: String, into makeReceiver: () -> Receiver) -> Receiver {
        let receiver = makeReceiver()
        receiver.depthLimit = maximumDepth
        parse(html, into: receiver)
        guard receiver.nestingExceeded else { return receiver }
        let flat = makeReceiver()
        parse(HTMLNestingFlattener.flatten(html), into: flat)
        return flat
    }

    /// Parses `html` to the end (or until the receiver stops it, or nesting passes its
    /// `depthLimit`), calling `receiver` for each event.
    static func parse(_ html: String, into receiver: HTMLSAXReceiver) {
        var handler = makeHandler()
        var text = html
        text.withUTF8 { bytes in
            let userData = Unmanaged.passUnretained(receiver).toOpaque()
            guard let context = makeContext(handler: &handler, userData: userData) else { return }
            defer {
                receiver.parserContext = nil
                htmlFreeParserCtxt(context)
            }
            receiver.parserContext = context
            feed(bytes, to: context)
        }
    }

    /// A new push parser context reporting to `handler`, with `options` applied.
    static func makeContext(
        handler: inout htmlSAXHandler, userData: UnsafeMutableRawPointer?
    ) -> htmlParserCtxtPtr? {
        _ = initialized
        guard
            let context = htmlCreatePushParserCtxt(&handler, userData, nil, 0, nil, XML_CHAR_ENCODING_UTF8)
        else { return nil }
        htmlCtxtUseOptions(context, options)
        return context
    }

    /// Parses all of `bytes` with `context` and ends the document (or stops when the receiver does).
    static func feed(_ bytes: UnsafeBufferPointer<UInt8>, to context: htmlParserCtxtPtr) {
        var offset = 0
        // htmlParseChunk takes an Int32 length; one chunk for every realistic body.
        let chunkLimit = Int(Int32.max / 2)
        while offset < bytes.count {
            let length = min(chunkLimit, bytes.count - offset)
            let start = UnsafeRawPointer(bytes.baseAddress! + offset)
                .assumingMemoryBound(to: CChar.self)
            if htmlParseChunk(context, start, Int32(length), 0) != 0,
                context.pointee.disableSAX != 0
            {
                return
            }
            offset += length
        }
        htmlParseChunk(context, nil, 0, 1)
    }

    private static func receiver(_ context: UnsafeMutableRawPointer?) -> HTMLSAXReceiver? {
        guard let context else { return nil }
        return Unmanaged<HTMLSAXReceiver>.fromOpaque(context).takeUnretainedValue()
    }

    static func makeHandler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let name, let receiver = HTMLSAXParser.receiver(context) else { return }
            receiver.openElements += 1
            guard receiver.openElements <= receiver.depthLimit else {
                receiver.nestingExceeded = true
                return receiver.stopParsing()
            }
            receiver.startElement(interned: name, attributes: HTMLAttributes(pairs: attributes))
        }
        handler.endElement = { context, name in
            guard let name, let receiver = HTMLSAXParser.receiver(context) else { return }
            receiver.openElements -= 1
            receiver.endElement(interned: name)
        }
        // libxml2 reports some whitespace as "ignorable"; for rendering it is ordinary text.
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let bytes, length > 0, let receiver = HTMLSAXParser.receiver(context) else { return }
            receiver.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        return handler
    }
}
