import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a response body goes as it arrives: memory, then a temporary file once it outgrows
/// `fileThreshold` (when there is one), so a large feed costs disk, not RAM.
///
/// Not thread-safe: its transfer uses it under its lock.
final class HTTPBodySpool {
    /// Bytes taken in so far, wherever they went.
    private(set) var count = 0
    private var memory = Data()
    private var file: (descriptor: Int32, name: String?)?
    /// The size past which the body moves to a file; nil keeps it in memory, however large
    /// (its budget bounds it).
    private let fileThreshold: Int?

    init(fileThreshold: Int?) {
        self.fileThreshold = fileThreshold
    }

    deinit { discard() }

    /// What is held in memory (all of the body unless it went to a file).
    var inMemory: Data { memory }

    /// Takes in the next piece of the body; throws when the file cannot be written.
    func append(_ data: Data) throws {
        count += data.count
        if let file {
            try HTTPBodyFile.append(data, to: file.descriptor)
        } else if memory.count + data.count <= fileThreshold ?? Int.max {
            memory.append(data)
        } else {
            let created = try HTTPBodyFile.create()
            file = created
            try HTTPBodyFile.append(memory, to: created.descriptor)
            try HTTPBodyFile.append(data, to: created.descriptor)
            memory = Data()
        }
    }

    /// Hands over the body: in memory, or as a file the caller now owns.
    func finish() -> (body: Data, file: HTTPBodyFile?) {
        defer { memory = Data() }
        guard let file else { return (memory, nil) }
        self.file = nil
        return (Data(), HTTPBodyFile(descriptor: file.descriptor, name: file.name, count: count))
    }

    /// Lets go of what was received, file included; the transfer failed.
    func discard() {
        memory = Data()
        if let file {
            close(file.descriptor)
            if let name = file.name { unlink(name) }
        }
        file = nil
    }
}
