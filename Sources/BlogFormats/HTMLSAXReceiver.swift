import CLibXML2

/// Receives the events of one HTML parse; subclasses override what they need.
///
/// A class rather than a protocol because libxml2 hands back a single opaque pointer, and a
/// class reference round-trips through `Unmanaged` without boxing an existential.
class HTMLSAXReceiver {
    /// The running parser, so a receiver that has seen enough can stop it early.
    var parserContext: htmlParserCtxtPtr?
    /// Elements open in the parser now, as its events say.
    var openElements = 0
    /// Nesting past which the parse stops; set by callers that can fall back to a flattened
    /// copy (`HTMLSAXParser.parse(_:into:)` with a receiver maker), unlimited otherwise.
    var depthLimit = Int.max
    /// Set when the parse was stopped for nesting deeper than `depthLimit`; what was received
    /// is then incomplete, and the caller parses a flattened copy instead.
    var nestingExceeded = false

    /// An element opened, as libxml2 reports it: the name is interned for the whole parse, so
    /// a receiver on a hot path can recognise it by address. Forwards to the String form.
    func startElement(interned name: UnsafePointer<xmlChar>, attributes: HTMLAttributes) {
        startElement(String(cString: name), attributes: attributes)
    }

    /// An element closed (interned name, see `startElement(interned:attributes:)`).
    func endElement(interned name: UnsafePointer<xmlChar>) {
        endElement(String(cString: name))
    }

    /// An element opened; `name` is lower-cased by libxml2.
    func startElement(_ name: String, attributes: HTMLAttributes) {}

    /// An element closed, whether written, implied or auto-closed by libxml2.
    func endElement(_ name: String) {}

    /// Decoded text (entities already replaced), as UTF-8 bytes.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// Stops the parse after the current event.
    func stopParsing() {
        if let parserContext { xmlStopParser(parserContext) }
    }
}
