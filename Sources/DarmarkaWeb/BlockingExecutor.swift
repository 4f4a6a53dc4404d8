import Foundation
import Hummingbird

/// Threads of our own on which the request handlers run.
///
/// The store's calls block: an SQLite read, a commit's `fsync`, waiting for
/// the one writer. Run on Swift's cooperative pool (as many threads as
/// cores, two here) or on NIO's event loops, a handler waiting on the disk
/// stops every other request from being parsed, read or answered. Here a
/// waiting handler holds only one of these threads; the others go on.
@available(macOS 15, *)
final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    /// Enough threads for every request of a busy centre to wait on the
    /// writer at once while readers still run; shared by every router in a
    /// process (tests make many), so the threads are made once.
    static let shared = BlockingExecutor(threads: 32)

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0

    private init(threads: Int) {
        for n in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "darmarka-web-\(n)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            // Reclaim the array's front once it is drained, not on every job.
            if head == jobs.count { jobs.removeAll(keepingCapacity: true); head = 0 }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs everything after it, the handlers and their store calls, on
/// `BlockingExecutor`'s threads.
struct BlockingExecutorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard #available(macOS 15, *) else { return try await next(request, context) }
        return try await withTaskExecutorPreference(BlockingExecutor.shared) {
            try await next(request, context)
        }
    }
}
