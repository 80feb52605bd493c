import Foundation

/// The serial queue a URLSession delivers its callbacks on, holding a bounded number of them.
///
/// FoundationNetworking on Linux hands each piece of body libcurl reads (16 KiB, inflated)
/// to the delegate queue and goes straight back to reading: a body arriving faster than the
/// delegate consumes it piles up here. Making the adder (libcurl, on the session's work
/// queue) wait for a free slot stops it reading, and TCP then slows the server.
///
/// A waiting adder holds the session's work queue, which `URLSessionTask.cancel()` needs:
/// while a cancel is on its way the queue takes many more pieces, so that libcurl is not
/// held inside its turn (with the small bound a cancel never got in against an endless
/// body). Even so libdispatch may keep giving the work queue to the busy socket for a second
/// or so, during which the doomed body is read and dropped; a gzip bomb inflates a whole
/// read in one turn whatever happens. The larger bound still holds memory. The delegate's
/// own callbacks must never call `cancel()`: they would wait for an adder waiting for them.
final class HTTPDelegateQueue: OperationQueue, @unchecked Sendable {
    /// Callbacks waiting or running at most: 32 pieces of 16 KiB, half a MiB.
    static let capacity = 32
    /// The bound while a cancel is on its way: 1024 pieces, 16 MiB.
    static let capacityWhileCancelling = 1024

    // Guards `pending` and `cancelling`; adders wait on it for a free slot.
    private let condition = NSCondition()
    private var pending = 0
    private var cancelling = 0

    override init() {
        super.init()
        maxConcurrentOperationCount = 1
        name = "lectern.http.delegate"
    }

    /// Waits for a free slot unless called from this queue itself (an operation adding
    /// another would wait for itself), then queues `block`.
    override func addOperation(_ block: @Sendable @escaping () -> Void) {
        let counted = OperationQueue.current !== self
        if counted {
            condition.lock()
            while pending >= (cancelling == 0 ? Self.capacity : Self.capacityWhileCancelling) {
                condition.wait()
            }
            pending += 1
            condition.unlock()
        }
        super.addOperation {
            block()
            if counted { self.finishOne() }
        }
    }

    /// Says a task of this session is being cancelled, until `cancelEnded()`.
    func cancelBegan() {
        condition.lock()
        cancelling += 1
        condition.broadcast()
        condition.unlock()
    }

    func cancelEnded() {
        condition.lock()
        cancelling -= 1
        condition.unlock()
    }

    private func finishOne() {
        condition.lock()
        pending -= 1
        condition.signal()
        condition.unlock()
    }
}
