import Foundation
import XCTest
@testable import SlurmController
import SlurmParsing

/// Submits, reads, updates and allocates jobs through `ControllerClient` against the lab's real
/// controllers (Tests/lab/lab.sh), as alice with a JWT, in every protocol version each controller
/// accepts: 22.05 on lab22; 24.11, 24.05, 23.11 and 23.02 on lab24; 26.05, 25.11, 25.05 and 24.11
/// on lab26. So every release's job description layout is checked by a real controller, which
/// refuses a message it cannot unpack.
///
/// Without a lab it is skipped, unless `LAB_REQUIRED=1`. The jobs are held (or queued until a
/// start time an hour away), named h-jobwire-…, and cancelled with scancel at the end of each
/// release's round.
final class JobWriteRPCTests: XCTestCase {
    /// Each cluster with the protocol versions its controller accepts.
    static let clusters: [(cluster: Lab.Cluster, versions: [ProtocolVersion])] = [
        (.lab22, [.v22_05]),
        (.lab24, [.v24_11, .v24_05, .v23_11, .v23_02]),
        (.lab26, [.v26_05, .v25_11, .v25_05, .v24_11]),
    ]

    func client(_ lab: Lab, _ cluster: Lab.Cluster, _ version: ProtocolVersion, token: String) throws -> ControllerClient {
        let path = lab.conf(cluster)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let conf = try SlurmConf.parse(text: text, path: path, readFile: { try? String(contentsOfFile: $0, encoding: .utf8) },
                                       expandGlob: { _ in [] })
        return ControllerClient(conf: conf, authenticator: JWTAuthenticator(token: token, userName: "alice"),
                                versionState: ProtocolVersionState(pinned: version))
    }

    func cancel(_ lab: Lab, _ cluster: Lab.Cluster, _ jobs: [UInt32]) throws {
        guard !jobs.isEmpty else { return }
        _ = try lab.inCluster(cluster, ["scancel"] + jobs.map(String.init))
    }

    /// A held batch job as slurmrestd builds one: the script, an environment, a working directory.
    func heldJob(_ name: String, comment: String) -> JobDescription {
        var job = JobDescription()
        job.name = name
        job.script = "#!/bin/sh\ntrue\n"
        job.environment = ["PATH=/usr/bin:/bin"]
        job.workDir = "/tmp"
        job.stdOut = "/dev/null"
        job.partition = "debug"
        job.timeLimit = 5
        job.minNodes = 1
        job.priority = 0
        job.comment = comment
        return job
    }

    func info(_ client: ControllerClient, _ id: UInt32) throws -> [JobInfo] {
        try client.job(JobInfoSingleRequest(jobID: id, showFlags: ShowFlags.detail)).jobs
    }

    func testSubmitReadUpdateAllocateInEveryRelease() throws {
        let lab = try Lab.require()
        let token = try lab.token("alice", lifespan: 900)
        for (cluster, versions) in Self.clusters {
            for version in versions {
                let what = "\(cluster.rawValue) as \(version.release)"
                let tag = "h-jobwire-lab-" + version.release
                let client = try client(lab, cluster, version, token: token)
                var created: [UInt32] = []
                defer { XCTAssertNoThrow(try cancel(lab, cluster, created), what) }

                // An array job: an update naming it by text (as scontrol does) comes back per array
                // record.
                var array = heldJob(tag, comment: "h-jobwire before")
                array.arrayInx = "1-2"
                let submitted = try client.submitBatch(array)
                created.append(submitted.jobID)
                XCTAssertEqual(submitted.errorNumber, 2042, "held, \(what)")
                XCTAssertEqual(submitted.sluid != 0, version >= .v25_11, what)
                let before = try info(client, submitted.jobID)
                XCTAssertEqual(before.first?.name, tag, what)
                XCTAssertEqual(before.first?.comment, "h-jobwire before", what)
                XCTAssertEqual(before.first?.timeLimit, 5, what)
                XCTAssertEqual(before.first?.partition, "debug", what)
                XCTAssertEqual(before.first?.priority, 0, what)

                var change = JobDescription()
                change.jobIDString = String(submitted.jobID)
                change.comment = "h-jobwire after"
                change.timeLimit = 7
                guard case .arrayResults(let results) = try client.updateJob(change) else {
                    XCTFail("an array job's update is answered per record, \(what)"); continue
                }
                XCTAssertEqual(results.map(\.errorNumber), [0], what)
                let after = try info(client, submitted.jobID)
                XCTAssertEqual(after.first?.comment, "h-jobwire after", what)
                XCTAssertEqual(after.first?.timeLimit, 7, what)

                // A het job: one answer for the whole job.
                let het = try client.submitBatch(hetJob: [heldJob(tag, comment: "h-jobwire leader"),
                                                          heldJob(tag, comment: "h-jobwire member")])
                created.append(het.jobID)
                XCTAssertEqual(try info(client, het.jobID).compactMap(\.comment).sorted(), ["h-jobwire leader", "h-jobwire member"], what)
                var hetChange = JobDescription()
                hetChange.jobIDString = "\(het.jobID)+1"
                hetChange.timeLimit = 3
                XCTAssertEqual(try client.updateJob(hetChange), .updated(message: nil), what)
                XCTAssertEqual(try info(client, het.jobID).map(\.timeLimit).sorted(), [3, 5], what)

                // A refusal keeps the controller's number.
                var bad = JobDescription()
                bad.jobID = het.jobID
                bad.partition = "h-jobwire-no-such-partition"
                XCTAssertThrowsError(try client.updateJob(bad), what) { error in
                    XCTAssertEqual(error as? ControllerError, .slurm(2000, nil), "ESLURM_INVALID_PARTITION_NAME, \(what)")
                }

                // An allocation that must wait an hour: queued, no callback port, nothing started.
                var allocation = heldJob(tag, comment: "h-jobwire allocation")
                allocation.script = nil
                allocation.environment = []
                allocation.priority = SlurmNumber.noVal32
                allocation.beginTime = Int64(Date().timeIntervalSince1970) + 3600
                let queued = try client.allocate(allocation)
                created.append(queued.jobID)
                XCTAssertEqual(queued.nodeCount, 0, what)
                XCTAssertEqual(queued.partition, "debug", what)
                XCTAssertEqual(try info(client, queued.jobID).first?.name, tag, what)
            }
        }
    }
}
