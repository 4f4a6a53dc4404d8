import Foundation

/// The database's side of an import, done on the thread that owns the
/// connection while another thread checks and sums the rows.
///
/// An import spends about half its time in SQLite writing rows and half in
/// Swift deciding what to write; on one thread the two add up, on two they
/// overlap. The connection stays on its own thread (GRDB allows it nowhere
/// else, and SQLite is fastest without sharing it): the other thread hands
/// it jobs, in order. Writes go without waiting (`async`), a few at most in
/// flight so memory stays bounded; a read waits for its answer (`sync`),
/// which also means every write handed over before it is done.
///
/// A job that fails stops the pump: later jobs are dropped, the handing
/// thread is told at its next call, and `serve` throws the first failure, so
/// the transaction it runs in rolls back.
final class ConnectionPump: @unchecked Sendable {
    private let condition = NSCondition()
    /// Jobs handed over; a slot is emptied when its job is taken, so that
    /// the rows it holds go as soon as they are written.
    private var jobs: [(() throws -> Void)?] = []
    private var head = 0
    private var failure: (any Error)?
    private var finished = false
    /// Jobs waiting at most: each holds one batch of rows.
    private let capacity = 4

    /// The failure that stopped the pump, rethrown on the handing thread.
    struct Stopped: Error {}

    /// Runs the jobs handed over, on the calling thread (the connection's),
    /// until `finish`; throws the first job's failure.
    func serve() throws {
        while true {
            condition.lock()
            while head == jobs.count && !finished { condition.wait() }
            guard head < jobs.count else {
                condition.unlock()
                break
            }
            let job = jobs[head]
            jobs[head] = nil
            head += 1
            if head > 64 {
                jobs.removeFirst(head)
                head = 0
            }
            let stopped = failure != nil
            condition.broadcast()
            condition.unlock()
            // After a failure the rest is dropped: it would write into a
            // transaction that rolls back.
            guard !stopped else { continue }
            do {
                try job?()
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
    }

    /// Hands a write over, waiting only while the pump is full.
    func async(_ job: @escaping () throws -> Void) throws {
        condition.lock()
        defer { condition.unlock() }
        while jobs.count - head >= capacity && failure == nil { condition.wait() }
        if failure != nil { throw Stopped() }
        jobs.append(job)
        condition.broadcast()
    }

    /// Runs `body` on the connection's thread after every job handed over
    /// before it, and gives its answer.
    func sync<T>(_ body: @escaping () throws -> T) throws -> T {
        var answer: Result<T, any Error>?
        try async { [condition] in
            let result = Result { try body() }
            condition.lock()
            answer = result
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        defer { condition.unlock() }
        while answer == nil && failure == nil { condition.wait() }
        guard let answer else { throw Stopped() }
        return try answer.get()
    }

    /// Tells `serve` to return once the jobs handed over are done.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
