import Foundation

extension FeedDate {
    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:]MM|±HH| UTC|GMT]`, also with `/` separators.
    static func parseISO8601(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var index = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < bytes.count, digits < maxDigits, isDigit(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                digits += 1
            }
            return digits == 0 ? nil : value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        var parts = Parts()
        let separator = bytes[4]
        guard let year = number(maxDigits: 4), skip(separator), let month = number(maxDigits: 2),
            skip(separator), let day = number(maxDigits: 2)
        else { return nil }
        parts.year = year
        parts.month = month
        parts.day = day
        guard index < bytes.count else { return parts.date() }
        guard skip(UInt8(ascii: "T")) || skip(UInt8(ascii: "t")) || skip(0x20) else { return nil }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard let hour = number(maxDigits: 2), skip(UInt8(ascii: ":")), let minute = number(maxDigits: 2)
        else { return nil }
        parts.hour = hour
        parts.minute = minute
        if skip(UInt8(ascii: ":")) {
            guard let second = number(maxDigits: 2) else { return nil }
            parts.second = second
            if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                var scale = 0.1
                while index < bytes.count, isDigit(bytes[index]) {
                    parts.fraction += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
            }
        }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count else { return parts.date() }
        let zone = UnsafeBufferPointer(rebasing: bytes[index...])
        guard let offset = numericOffset(zone) ?? namedZoneOffset(zone) else { return nil }
        parts.offsetSeconds = offset
        return parts.date()
    }

    /// `±HH`, `±HHMM`, `±HH:MM` or `±HMM` (`+000` is seen in real feeds) in seconds.
    static func numericOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        var digits: [Int] = []
        for byte in bytes.dropFirst() {
            if isDigit(byte) { digits.append(Int(byte - 0x30)) } else if byte != UInt8(ascii: ":") { return nil }
        }
        let hours: Int
        let minutes: Int
        switch digits.count {
        case 1, 2: (hours, minutes) = (digits.reduce(0) { $0 * 10 + $1 }, 0)
        case 3: (hours, minutes) = (digits[0], digits[1] * 10 + digits[2])
        case 4: (hours, minutes) = (digits[0] * 10 + digits[1], digits[2] * 10 + digits[3])
        default: return nil
        }
        guard hours < 24, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// A named zone such as `Z`, `UTC` or `EST`, optionally followed by a numeric offset.
    static func namedZoneOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var end = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "+"), bytes[end] != UInt8(ascii: "-") { end += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self).lowercased()
        guard let base = zoneOffsets[name] else { return nil }
        guard end < bytes.count else { return base }
        return numericOffset(UnsafeBufferPointer(rebasing: bytes[end...]))
    }
}
