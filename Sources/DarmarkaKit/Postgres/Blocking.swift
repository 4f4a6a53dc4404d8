import DarmarkaCore
import Dispatch
import Foundation

/// Runs async work to its end from synchronous code: the command line's
/// commands are synchronous, and postgres-nio is async. The work runs on
/// the concurrency pool while the calling thread (never one of the pool's)
/// waits, so it cannot starve the work it waits for.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        guard let result = box.get() else { throw LedgerProblem.unexpected("async work ended without a result") }
        return try result.get()
    }

    private final class ResultBox<T: Sendable>: @unchecked Sendable {
        // Guarded by `lock`; written once by the task, read once after the semaphore.
        private var value: Result<T, any Error>?
        private let lock = NSLock()
        func set(_ v: Result<T, any Error>) { lock.withLock { value = v } }
        func get() -> Result<T, any Error>? { lock.withLock { value } }
    }
}
