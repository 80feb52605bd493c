import CLibXML2

/// Routes libxml2's own error channels to the reader for the length of one parse.
///
/// The SAX handler's `serror` only hears errors raised with a parser context; libxml2 raises
/// some (encoding and I/O failures) without one, and those went to its default handler, which
/// prints them raw on stderr. Here both global channels point at the reader instead, so nothing
/// of libxml2's reaches the terminal except through Lectern's one `error:` line. The channels
/// are per thread in libxml2, so a parse on another thread is not affected, and the previous
/// handlers come back when the parse ends.
struct XMLInputErrorCapture {
    private let structured: xmlStructuredErrorFunc?
    private let structuredContext: UnsafeMutableRawPointer?
    private let generic: OpaquePointer?
    private let genericContext: UnsafeMutableRawPointer?

    /// Installs the reader's handlers; call `restore()` when the parse is over.
    init(reader: XMLStreamReader) {
        structured = __xmlStructuredError().pointee
        structuredContext = __xmlStructuredErrorContext().pointee
        generic = __xmlGenericError().pointee
        genericContext = __xmlGenericErrorContext().pointee
        let me = Unmanaged.passUnretained(reader).toOpaque()
        xmlSetStructuredErrorFunc(me) { context, error in
            guard let context, let error else { return }
            let reader = XMLStreamReader.reader(context)
            // A consumer may run libxml2's HTML parser inside a callback (plain text of a post
            // body): its errors belong to that parse, not to this document.
            if let origin = error.pointee.ctxt, origin != UnsafeMutableRawPointer(reader.context) { return }
            reader.record(error.pointee)
        }
        // The generic channel is printf-like and variadic, which Swift cannot implement; a
        // plain two-argument C function receives the context and the format (the arguments
        // are ignored, which the C calling conventions of Linux allow), enough to know and say
        // that libxml2 complained.
        let handler: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { context, format in
            // libxml2 may pass its parser context instead of the one installed: only the
            // installed one is known to be the reader.
            guard let context, context == __xmlGenericErrorContext().pointee, let format else { return }
            XMLStreamReader.reader(context).recordGeneric(String(cString: format))
        }
        xmlSetGenericErrorFunc(me, unsafeBitCast(handler, to: OpaquePointer.self))
    }

    func restore() {
        xmlSetStructuredErrorFunc(structuredContext, structured)
        xmlSetGenericErrorFunc(genericContext, generic)
    }
}
