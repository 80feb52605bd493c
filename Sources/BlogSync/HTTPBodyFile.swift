import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A response body kept in a temporary file instead of memory, removed when this object goes.
///
/// The file is created 0600. On Linux it is unlinked at once and read through
/// `/proc/self/fd/N`, so nothing is left on disk even when the process is killed mid-sync;
/// elsewhere it keeps its name until `deinit` removes it.
public final class HTTPBodyFile: Sendable, Equatable, CustomStringConvertible {
    /// A path to open the body by while this object lives.
    public let path: String
    /// The body's size in bytes.
    public let count: Int
    private let descriptor: Int32
    /// The file's name while it still has one (not on Linux).
    private let name: String?

    init(descriptor: Int32, name: String?, count: Int) {
        self.descriptor = descriptor
        self.name = name
        self.count = count
        #if os(Linux)
            path = "/proc/self/fd/\(descriptor)"
        #else
            path = name ?? ""
        #endif
    }

    deinit {
        close(descriptor)
        if let name { unlink(name) }
    }

    /// Up to `maxCount` bytes from the start of the body.
    public func prefix(_ maxCount: Int) -> Data {
        let wanted = max(0, min(maxCount, count))
        var data = Data(count: wanted)
        var filled = 0
        data.withUnsafeMutableBytes { buffer in
            while filled < wanted {
                let read = pread(descriptor, buffer.baseAddress! + filled, wanted - filled, off_t(filled))
                if read > 0 {
                    filled += read
                } else if read == 0 || errno != EINTR {
                    break
                }
            }
        }
        return data.prefix(filled)
    }

    public var description: String { "HTTPBodyFile(\(count) bytes)" }

    public static func == (lhs: HTTPBodyFile, rhs: HTTPBodyFile) -> Bool { lhs === rhs }

    /// Creates an empty 0600 file in the temporary directory; returns its descriptor and the
    /// name it keeps (nil when it was unlinked at once).
    static func create() throws -> (descriptor: Int32, name: String?) {
        var template = Array(
            FileManager.default.temporaryDirectory.appendingPathComponent("lectern-body-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw HTTPBodyFileError(errno: errno) }
        fchmod(descriptor, 0o600)  // mkstemp's default too; said here because the body is private
        let name = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #if os(Linux)
            unlink(name)
            return (descriptor, nil)
        #else
            return (descriptor, name)
        #endif
    }

    /// Appends all of `data` to the file open as `descriptor`.
    static func append(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    throw HTTPBodyFileError(errno: written < 0 ? errno : ENOSPC)
                }
            }
        }
    }
}

/// Why a body could not be spooled to its temporary file.
struct HTTPBodyFileError: Error {
    var errno: Int32

    /// "cannot keep the body in a temporary file (No space left on device)".
    var message: String { "cannot keep the body in a temporary file (\(String(cString: strerror(errno))))" }
}
