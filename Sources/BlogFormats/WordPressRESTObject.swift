import Foundation

/// One JSON object from the WordPress REST API, read leniently.
///
/// Sites run plugins that drop, rename and retype fields, so every accessor tolerates a
/// missing key or an unexpected type and answers nil instead of failing the whole list.
struct WordPressRESTObject {
    let fields: [String: Any]

    /// Parses `data` as a JSON array of objects, turning the API's error object into an error.
    static func list(from data: Data) throws -> [WordPressRESTObject] {
        guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { throw WordPressRESTError.notJSON }
        if let array = json as? [Any] {
            return array.compactMap { ($0 as? [String: Any]).map(WordPressRESTObject.init) }
        }
        if let object = json as? [String: Any], let code = object["code"] as? String {
            let status = (object["data"] as? [String: Any]).flatMap { Self.int($0["status"]) }
            throw WordPressRESTError.api(
                code: code, message: object["message"] as? String ?? "", status: status)
        }
        throw WordPressRESTError.unexpectedShape
    }

    func string(_ key: String) -> String? {
        switch fields[key] {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    func int(_ key: String) -> Int? { Self.int(fields[key]) }

    /// A `{"rendered": "…"}` field, or a plain string in its place.
    func rendered(_ key: String) -> String? {
        if let object = fields[key] as? [String: Any] { return object["rendered"] as? String }
        return fields[key] as? String
    }

    /// A `*_gmt` date ("2017-02-14T00:00:00", UTC without an offset), else the local one.
    func date(_ key: String) -> Date? {
        if let gmt = string(key + "_gmt"), let date = Self.parseDate(gmt, assumeUTC: true) {
            return date
        }
        // The site-local time has no offset either; UTC is the least wrong reading.
        return string(key).flatMap { Self.parseDate($0, assumeUTC: true) }
    }

    func object(_ key: String) -> WordPressRESTObject? {
        (fields[key] as? [String: Any]).map(WordPressRESTObject.init)
    }

    func objects(_ key: String) -> [WordPressRESTObject] {
        (fields[key] as? [Any] ?? []).compactMap { ($0 as? [String: Any]).map(WordPressRESTObject.init) }
    }

    static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as NSNumber: return number.intValue
        case let text as String: return Int(text)
        default: return nil
        }
    }

    static func parseDate(_ text: String, assumeUTC: Bool) -> Date? {
        var text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let hasZone =
            text.hasSuffix("Z") || text.dropFirst(19).contains("+")
            || text.dropFirst(19).contains("-")
        if !hasZone && assumeUTC { text += "Z" }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
