import BlogSync
import Foundation

extension CommentSubmission {
    /// A request that asks whether the site takes anonymous REST comments, creating nothing.
    ///
    /// It posts a comment without content: WordPress checks permission first, so a site
    /// that refuses anonymous comments answers 401 `rest_comment_login_required`, while one
    /// that accepts them gets as far as the content check (400) and stores nothing.
    public static func anonymousRESTProbe(target: Target) -> FetchRequest {
        FetchRequest(
            url: target.restComments, accept: "application/json",
            maxBytes: 64 * 1024, method: .post, body: Data(#"{"post":\#(target.remotePostID)}"#.utf8),
            headers: ["Content-Type": "application/json; charset=UTF-8"], followRedirects: false)
    }

    /// Reads the probe's answer: true when anonymous REST comments are accepted.
    public static func acceptsAnonymousREST(_ result: FetchResult) -> Bool {
        guard case .failed(let error) = result, case .httpStatus(400, let body) = error.kind,
            let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let code = object["code"] as? String
        else { return false }
        return code == "rest_comment_content_invalid"
    }
}
