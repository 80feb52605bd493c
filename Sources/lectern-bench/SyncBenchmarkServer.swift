import Foundation

/// The static file server the sync benchmark fetches from.
///
/// Python's `http.server` file handler on its threading server (it answers
/// `If-Modified-Since` with 304), but speaking HTTP/1.1 so connections are kept alive, with
/// Nagle's algorithm off (headers and body go out in separate writes; on a kept-alive
/// connection the body would otherwise wait for a delayed ACK, 40 ms a request) and without
/// a log line per request, so the benchmark measures Lectern rather than the server.
///
/// Fifty blogs are fifty sites, so it listens on one loopback address per blog (127.0.0.2,
/// 127.0.0.3, …, all on one free port) and the sync's per-host limit applies as it would on
/// the network. It prints the port, and exits when its standard input closes, so it cannot
/// outlive the benchmark (a SIGTERM can arrive blocked: threads of the parent pass their
/// signal mask on to the child).
final class SyncBenchmarkServer {
    static let script = """
        import functools, http.server, os, sys, threading
        class Handler(http.server.SimpleHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True
            def log_message(self, *args):
                pass
        def exit_when_stdin_closes():
            while sys.stdin.buffer.read(4096):
                pass
            os._exit(0)
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
        handler = functools.partial(Handler, directory=sys.argv[1])
        hosts = int(sys.argv[2])
        first = http.server.ThreadingHTTPServer(("127.0.0.2", 0), handler)
        port = first.server_address[1]
        servers = [first] + [http.server.ThreadingHTTPServer(("127.0.0.%d" % (2 + n), port), handler) for n in range(1, hosts)]
        for server in servers[1:]:
            threading.Thread(target=server.serve_forever, daemon=True).start()
        print(port, flush=True)
        first.serve_forever()
        """

    /// The address of blog number `blog`.
    static func host(ofBlog blog: Int) -> String { "127.0.0.\(2 + blog)" }

    let port: Int
    private let process: Process
    private let input: Pipe

    /// Serves `directory` on the addresses of `blogs` blogs (at most 250); `stop()` ends the server.
    init(directory: URL, blogs: Int) throws {
        process = Process()
        input = Pipe()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, directory.path, String(min(max(1, blogs), 250))]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw BenchmarkFailure("the benchmark server (python3) did not start")
        }
        self.port = port
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
