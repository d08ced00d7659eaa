import Hummingbird
import Logging

/// Logs one line per request: method, path (without the query) and status. Never headers, query
/// values or bodies: a note is protected health information.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            context.logger.info("\(request.method) \(request.uri.path) \(response.status.code)")
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            context.logger.info("\(request.method) \(request.uri.path) \(status)")
            throw error
        }
    }
}
