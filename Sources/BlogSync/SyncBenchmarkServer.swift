import Foundation

/// Starts the static file server the sync benchmark fetches from.
///
/// Python's `http.server` file handler on its threading server, but speaking HTTP/1.1 so
/// connections are kept alive, with Nagle's algorithm off (headers and body go out in
/// separate writes; on a kept-alive connection the body would otherwise wait for a delayed
/// ACK, 40 ms a request) and without a log line per request, so the benchmark measures
/// Lectern rather than the server.
enum SyncBenchmarkServer {
    static let script = """
        import functools, http.server, sys
        class Handler(http.server.SimpleHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True
            def log_message(self, *args):
                pass
        handler = functools.partial(Handler, directory=sys.argv[2])
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), handler).serve_forever()
        """

    /// Serves `directory` on 127.0.0.1:`port`; the caller terminates the process.
    static func start(port: Int, directory: URL) throws -> Process {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", script, String(port), directory.path]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        return server
    }
}
