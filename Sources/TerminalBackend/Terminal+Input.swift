import CNcursesw
import Glibc
import ReaderCore

extension Terminal {
    /// Waits for the next key, resize or mouse action.
    ///
    /// Returns nil when `timeoutMilliseconds` pass without one; a negative timeout waits
    /// for ever. Input Lectern has no use for (a bare modifier sequence, a mouse
    /// release) is skipped without ending the wait early.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard isActive, let screen else { return nil }
        let deadline = timeoutMilliseconds >= 0 ? Self.nowMilliseconds() + timeoutMilliseconds : nil
        while true {
            var remaining = -1
            if let deadline {
                remaining = max(0, deadline - Self.nowMilliseconds())
            }
            wtimeout(screen, Int32(clamping: remaining))
            var character: wint_t = 0
            let status = wget_wch(screen, &character)
            let event: InputEvent?
            switch status {
            case OK:
                event = KeyDecoder.event(forCharacter: UInt32(character))
            case KEY_CODE_YES:
                event = decodeKeyCode(Int32(bitPattern: character))
            default:
                return nil
            }
            // Input skipped (no event) keeps the loop reading: with a zero timeout the next
            // read ends it, so nothing read by curses is left waiting in its buffer.
            if let event { return event }
        }
    }

    /// Sleeps until there is input, a resize, or `descriptor` (e.g. the reader's inbox) is
    /// readable; then `nextEvent(timeoutMilliseconds: 0)` reads what came.
    ///
    /// Nothing wakes the process meanwhile: no polling interval, no timer.
    public func waitForEvent(orReadable descriptor: Int32?) {
        guard isActive else { return }
        let descriptors = [resizeWake.read, descriptor ?? -1]
        let ready = descriptors.withUnsafeBufferPointer { lectern_wait_readable($0.baseAddress, Int32($0.count), -1) }
        // The resize itself is reported by curses at the next read; the byte only woke us.
        if ready > 0 { ResizeWake.drain(resizeWake.read) }
    }

    private func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            invalidate()
            let (columns, rows) = size
            return .resize(columns: columns, rows: rows)
        case KEY_MOUSE:
            return readMouse()
        default:
            return KeyDecoder.key(forKeyCode: code).map(InputEvent.key)
        }
    }

    private func readMouse() -> InputEvent? {
        var mouse = MEVENT()
        guard getmouse(&mouse) == OK else { return nil }
        let action: MouseEvent.Action
        if mouse.bstate & lectern_button4_pressed() != 0 {
            action = .wheelUp
        } else if mouse.bstate & lectern_button5_pressed() != 0 {
            action = .wheelDown
        } else if mouse.bstate & (lectern_button1_pressed() | lectern_button1_clicked()) != 0 {
            action = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(action: action, column: Int(mouse.x), row: Int(mouse.y)))
    }

    private static func nowMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
