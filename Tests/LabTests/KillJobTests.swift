import Foundation
import XCTest

/// DELETE /job/{job_id} and DELETE /jobs/ through both gateways against the 26.05 controller, on
/// held jobs of our own (`h-wire2-lab-…`, cancelled at the end); then through ours against 22.05
/// and 24.11. No request here lets one user signal another's job: a 24.11 or 26.05 controller
/// without accounting hangs on that (see JobSignalsEndpoint.avoidsKillJobs).
final class KillJobTests: XCTestCase {
    static let volatile = NodeReservationWriteTests.volatile

    func submit(_ lab: Lab, _ cluster: Lab.Cluster, _ name: String, array: String? = nil, user: String? = nil) throws -> String {
        var command = ["sbatch", "--parsable", "--hold", "-J", name, "-o", "/dev/null", "-D", "/tmp", "--wrap=true"]
        if let array { command.insert("--array=\(array)", at: 1) }
        if let user { command = ["setpriv", "--reuid=\(user)", "--regid=\(user)", "--clear-groups"] + command }
        return try lab.inCluster(cluster, command).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Cancels what the tests submitted (one name per scancel: 22.05 takes a single name).
    func cancelAll(_ lab: Lab, _ cluster: Lab.Cluster) {
        for name in ["h-wire2-lab-k1", "h-wire2-lab-k2", "h-wire2-lab-a1", "h-wire2-lab-a2", "h-wire2-lab-alice"] {
            _ = try? lab.inCluster(cluster, ["scancel", "--name=\(name)"])
        }
    }

    func compare(_ ours: ParsedResponse, _ theirs: ParsedResponse, volatile: [String] = volatile,
                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.status, theirs.status, file: file, line: line)
        XCTAssertEqual(JSONDiff(volatile: volatile).differences(ours.json, theirs.json), [],
                       "ours:\n\(ours.text)\ntheirs:\n\(theirs.text)", file: file, line: line)
    }

    func both(_ lab: Lab, _ method: String, _ path: String, body: String = "", user: String = "root",
              file: StaticString = #filePath, line: UInt = #line) throws {
        let theirs = try WriteLab.send(lab, .lab26, method, path, body: body, user: user, real: true)
        let ours = try WriteLab.send(lab, .lab26, method, path, body: body, user: user)
        compare(ours, theirs, file: file, line: line)
    }

    /// Signals a pending job refuses (it takes SIGKILL only), an unknown job, names and numbers.
    func testSignalsAndRefusals() throws {
        let lab = try Lab.require()
        defer { cancelAll(lab, .lab26) }
        let job = try submit(lab, .lab26, "h-wire2-lab-k1")
        for query in ["signal=SIGUSR1", "signal=USR1&flags=VERBOSE", "signal=10&flags=BATCH_JOB"] {
            try both(lab, "DELETE", "/slurm/v0.0.43/job/\(job)?\(query)")
        }
        try both(lab, "DELETE", "/slurm/v0.0.43/job/999999")
        try both(lab, "DELETE", "/slurm/v0.0.43/jobs/", body: #"{"job_name":"h-wire2-lab-k1","signal":"SIGUSR1"}"#)
        try both(lab, "DELETE", "/slurm/v0.0.43/jobs/", body: #"{"jobs":["999999"],"signal":"TERM"}"#)
        // Bad input is refused before anything is sent (the original sends SIGKILL for both).
        for query in ["signal=bogus", "flags=BOGUS", "signal="] {
            let ours = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/job/\(job)?\(query)", user: "root")
            XCTAssertEqual(ours.status, 400, query)
        }
        XCTAssertTrue(try lab.inCluster(.lab26, ["squeue", "-h", "-j", job, "-o", "%T"]).contains("PENDING"),
                      "the job is still there")
    }

    /// DELETE jobs/ without a job or a filter other than user_id: ours refuses it before sending
    /// (400, 9216, #/jobs); the original sends it and the controller refuses it (2173). As root
    /// only: nothing here may reach another user's job as alice.
    func testNoSelection() throws {
        let lab = try Lab.require()
        for body in ["{}", #"{"user_id":"0","signal":"USR1"}"#] {
            let ours = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/jobs/", body: body, user: "root")
            XCTAssertEqual(ours.status, 400, body)
            XCTAssertEqual(WriteLab.errors(ours).first?["error_number"] as? Int, 9216, body)
            XCTAssertEqual(WriteLab.errors(ours).first?["source"] as? String, "#/jobs", body)
            let theirs = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/jobs/", body: body, user: "root", real: true)
            XCTAssertEqual(WriteLab.errors(theirs).first?["error_number"] as? Int, 2173, theirs.text)
        }
        let unknown = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/jobs/",
                                        body: #"{"jobs":["999999"],"user_id":"h-fixes-nobody"}"#, user: "root")
        XCTAssertEqual(unknown.status, 422, unknown.text)
        XCTAssertEqual(WriteLab.errors(unknown).first?["source"] as? String, "#/user_id")
    }

    /// Cancelling: one job each, then an array task each with VERBOSE (step ids and job ids differ).
    func testCancel() throws {
        let lab = try Lab.require()
        defer { cancelAll(lab, .lab26) }
        let theirJob = try submit(lab, .lab26, "h-wire2-lab-k1"), ourJob = try submit(lab, .lab26, "h-wire2-lab-k2")
        let theirs = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/job/\(theirJob)", user: "root", real: true)
        let ours = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/job/\(ourJob)", user: "root")
        compare(ours, theirs)
        for job in [theirJob, ourJob] {
            XCTAssertFalse(try lab.inCluster(.lab26, ["squeue", "-h", "-j", job, "-o", "%T"]).contains("PENDING"))
        }
        let theirArray = try submit(lab, .lab26, "h-wire2-lab-a1", array: "1-2")
        let ourArray = try submit(lab, .lab26, "h-wire2-lab-a2", array: "1-2")
        let body = { (array: String) in #"{"jobs":["\#(array)_1","999999"],"flags":["VERBOSE"]}"# }
        let theirTask = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/jobs/", body: body(theirArray), user: "root", real: true)
        let ourTask = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/jobs/", body: body(ourArray), user: "root")
        compare(ourTask, theirTask, volatile: Self.volatile + ["status[*].step_id", "status[*].job_id.number"])
    }

    /// A user on her own job: the original sends REQUEST_KILL_JOBS; ours, without accounting, one
    /// REQUEST_KILL_JOB (so the controller's texts differ, not the numbers).
    func testOwnJobAsUser() throws {
        let lab = try Lab.require()
        defer { cancelAll(lab, .lab26) }
        let job = try submit(lab, .lab26, "h-wire2-lab-alice", user: "alice")
        let texts = Self.volatile + ["status[*].error.string", "status[*].error.message"]
        let theirs = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/job/\(job)?signal=USR1", user: "alice", real: true)
        let ours = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/job/\(job)?signal=USR1", user: "alice")
        compare(ours, theirs, volatile: texts)
        let cancelled = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/job/\(job)", user: "alice")
        XCTAssertEqual(cancelled.status, 200, cancelled.text)
        XCTAssertEqual(((cancelled.json as? [String: Any])?["status"] as? [Any])?.count, 0)
    }

    /// 22.05 (no REQUEST_KILL_JOBS: one REQUEST_KILL_JOB per named job, filters refused) and 24.11.
    func testOlderReleases() throws {
        let lab = try Lab.require()
        for cluster in [Lab.Cluster.lab22, .lab24] {
            defer { cancelAll(lab, cluster) }
            let job = try submit(lab, cluster, "h-wire2-lab-k1")
            let refused = try WriteLab.send(lab, cluster, "DELETE", "/slurm/v0.0.43/job/\(job)?signal=USR1", user: "root")
            XCTAssertEqual(refused.status, 200, "\(cluster): \(refused.text)")
            let status = (refused.json as? [String: Any])?["status"] as? [[String: Any]]
            XCTAssertEqual((status?.first?["error"] as? [String: Any])?["code"] as? Int, 2020, "\(cluster)")
            XCTAssertEqual(status?.first?["step_id"] as? String, job, "\(cluster)")
            let filtered = try WriteLab.send(lab, cluster, "DELETE", "/slurm/v0.0.43/jobs/",
                                             body: #"{"job_name":"h-wire2-lab-k1","signal":"USR1"}"#, user: "root")
            XCTAssertEqual(filtered.status, cluster == .lab22 ? 501 : 200, "\(cluster): \(filtered.text)")
            let cancelled = try WriteLab.send(lab, cluster, "DELETE", "/slurm/v0.0.43/jobs/", body: #"{"jobs":["\#(job)"]}"#, user: "root")
            XCTAssertEqual(cancelled.status, 200, "\(cluster): \(cancelled.text)")
            XCTAssertEqual(((cancelled.json as? [String: Any])?["status"] as? [Any])?.count, 0, "\(cluster)")
        }
    }
}
