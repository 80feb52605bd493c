import Foundation

/// A bounded queue that hands values from one thread to another.
///
/// An import parses on one core while SQLite writes on the other; the bound keeps a fast
/// parser from buffering a whole 500 MB export in memory ahead of a slower writer.
final class HandoffQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []
    private var head = 0
    private var finished = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Adds `element`, waiting while the queue is full. Returns false once the consumer has quit.
    @discardableResult
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count - head >= capacity && !finished { condition.wait() }
        guard !finished else { return false }
        buffer.append(element)
        condition.broadcast()
        return true
    }

    /// Takes the next element, waiting for one; nil once the queue is closed and drained.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == buffer.count && !finished { condition.wait() }
        guard head < buffer.count else { return nil }
        let element = buffer[head]
        head += 1
        if head > 1024 && head * 2 > buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return element
    }

    /// How many elements wait to be taken: a producer can see whether the consumer keeps up.
    var pendingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return buffer.count - head
    }

    /// No more elements will come (from the producer) or be taken (from the consumer).
    func close() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
