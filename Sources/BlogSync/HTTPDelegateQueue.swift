import Foundation

/// The queue a URLSession delivers its callbacks on: serial, cheap, and bounded.
///
/// FoundationNetworking on Linux hands each piece of body libcurl reads (16 KiB, inflated)
/// to the delegate queue and goes straight back to reading, so a body arriving faster than
/// the delegate consumes it piles up here. Two things keep the pile small:
///
/// - Delivery is a plain serial dispatch queue, not `OperationQueue`'s machinery, whose
///   per-callback cost let libcurl outrun the delegate on a fast connection.
/// - Past `capacity` waiting callbacks the adder (libcurl, on the session's work queue)
///   waits for a free slot; TCP then slows the server. This is the backstop, not the rule:
///   while it waits it holds the work queue that every task's creation and cancel need, so
///   other fetches stall until the delegate catches up.
///
/// The delegate's callbacks must never call `URLSessionTask.cancel()` themselves: they would
/// wait for an adder waiting for them.
final class HTTPDelegateQueue: OperationQueue, @unchecked Sendable {
    /// Callbacks waiting or running at most: 512 pieces of 16 KiB, 8 MiB.
    static let capacity = 512

    private let delivery = DispatchQueue(label: "lectern.http.delegate")
    private let onDelivery = DispatchSpecificKey<Bool>()
    // Guards `pending`; adders wait on it for a free slot.
    private let condition = NSCondition()
    private var pending = 0

    override init() {
        super.init()
        maxConcurrentOperationCount = 1
        delivery.setSpecific(key: onDelivery, value: true)
    }

    /// Queues `block` behind the callbacks already waiting, first waiting for a free slot
    /// unless called from a callback (which would then wait for itself).
    override func addOperation(_ block: @Sendable @escaping () -> Void) {
        let counted = DispatchQueue.getSpecific(key: onDelivery) != true
        if counted {
            condition.lock()
            while pending >= Self.capacity { condition.wait() }
            pending += 1
            condition.unlock()
        }
        delivery.async {
            block()
            if counted { self.finishOne() }
        }
    }

    private func finishOne() {
        condition.lock()
        pending -= 1
        condition.signal()
        condition.unlock()
    }
}
