import Foundation

/// How much body one transfer may take in, checked piece by piece as the body arrives.
///
/// Two limits: the decoded size, and how far a compressed body may inflate. URLSession hands
/// over bodies already inflated and, on Linux, never counts the bytes that came over the
/// wire (`countOfBytesReceived` stays 0), so the compressed size is the `Content-Length`
/// the server declared for an encoded body: once the inflated bytes pass 100 times that,
/// the whole body cannot inflate less. An encoded body of undeclared length is held to the
/// size limit alone, which bounds it just the same, only later.
struct HTTPBodyBudget: Equatable {
    /// The largest inflation accepted: feeds compress 5 to 20 times, bombs a thousand.
    static let maxInflation = 100
    /// Bodies this small are never called bombs, whatever their ratio.
    static let inflationFloor = 1024 * 1024

    /// The decoded size limit.
    var limit: Int
    /// The compressed length the server declared for an encoded body, if it declared one.
    var encodedLength: Int?

    /// The budget for a response with these headers.
    init(limit: Int, contentEncoding: String?, declaredLength: Int64) {
        self.limit = limit
        let encoding = contentEncoding?.trimmingCharacters(in: .whitespaces).lowercased() ?? "identity"
        encodedLength = encoding != "identity" && declaredLength > 0 ? Int(declaredLength) : nil
    }

    /// Why a body of `decodedCount` bytes so far must be refused, or nil while it may go on.
    func overrun(decodedCount: Int) -> FetchError.Kind? {
        if decodedCount > limit { return .tooLarge(limit: limit) }
        if let encodedLength, decodedCount > Self.inflationFloor {
            let (most, overflow) = encodedLength.multipliedReportingOverflow(by: Self.maxInflation)
            if !overflow, decodedCount > most { return .inflatesTooMuch(limit: Self.maxInflation) }
        }
        return nil
    }
}
