import Foundation
import XCTest

/// GET /jobs/, /job/{job_id} and /jobs/state/ against the seeded lab (running, finished, held,
/// dependent, array, GRES/license and heterogeneous jobs): field for field with the real
/// slurmrestd 26.05.5 on lab26, and well-formed answers from the 22.05 and 24.11 controllers.
final class JobsTests: XCTestCase {
    /// Times the controller moves between the real slurmrestd's call and ours.
    static let volatile = DifferentialTests.commonVolatile + [
        "last_update", "last_backfill", "jobs[*].last_sched_evaluation",
    ]

    func testJobs() throws {
        let (ours, _) = try differential("/slurm/v0.0.43/jobs/", volatile: Self.volatile)
        XCTAssertGreaterThan(jobIDs(ours).count, 0, "the lab is seeded with jobs")
    }

    func testJobsWithFlags() throws {
        try differential("/slurm/v0.0.43/jobs/?flags=DETAIL", volatile: Self.volatile)
        try differential("/slurm/v0.0.43/jobs/?flags=ALL", volatile: Self.volatile)
    }

    func testJobsUnchangedSinceUpdateTime() throws {
        let (ours, _) = try differential("/slurm/v0.0.43/jobs/?update_time=4102444800", volatile: Self.volatile)
        let warnings = (ours.json as? [String: Any])?["warnings"] as? [[String: Any]]
        XCTAssertEqual(warnings?.first?["source"] as? String, "op_handler_jobs")
    }

    /// Every job the controller lists, one by one, and the id forms the original accepts.
    func testEachJob() throws {
        let (all, _) = try differential("/slurm/v0.0.43/jobs/", volatile: Self.volatile)
        for id in jobIDs(all) {
            try differential("/slurm/v0.0.43/job/\(id)", volatile: Self.volatile)
        }
        let jobs = ((all.json as? [String: Any])?["jobs"] as? [[String: Any]]) ?? []
        if let array = jobs.first(where: { ($0["array_task_string"] as? String ?? "") != "" }), let id = array["job_id"] as? Int {
            try differential("/slurm/v0.0.43/job/\(id)_1", volatile: Self.volatile)
        }
        if let id = jobs.first?["job_id"] as? Int {
            try differential("/slurm/v0.0.43/job/\(id).batch", volatile: Self.volatile)
        }
        // A het job's component, `+` escaped in the path as the original needs it.
        if let het = jobs.first(where: { ($0["het_job_offset"] as? [String: Any])?["number"] as? Int == 1 }),
           let leader = (het["het_job_id"] as? [String: Any])?["number"] as? Int {
            try differential("/slurm/v0.0.43/job/\(leader)%2B1", volatile: Self.volatile)
        }
    }

    func testJobStates() throws {
        try differential("/slurm/v0.0.43/jobs/state/", volatile: Self.volatile)
        let (all, _) = try differential("/slurm/v0.0.43/jobs/", volatile: Self.volatile)
        for id in jobIDs(all) {
            try differential("/slurm/v0.0.43/jobs/state/?job_id=\(id)", volatile: Self.volatile)
        }
        try differential("/slurm/v0.0.43/jobs/state/?job_id=999999", volatile: Self.volatile)
    }

    /// Deliberate differences: an unknown job is a 404 (as the original) with an empty list; ids the
    /// original refuses with a 422 are our 400 naming job_id; a comma list of job states works.
    func testBadAndUnknownJobIDs() throws {
        let lab = try Lab.require()
        let token = try lab.token("alice")
        func ours(_ path: String) throws -> ParsedResponse {
            let run = try lab.ours(.lab26, httpRequest("GET", path, headers: [("Authorization", "Bearer \(token)")]))
            return try XCTUnwrap(parseResponses(run.stdout).responses.first, run.stderr)
        }
        func firstError(_ r: ParsedResponse) -> [String: Any]? {
            ((r.json as? [String: Any])?["errors"] as? [[String: Any]])?.first
        }
        let unknown = try ours("/slurm/v0.0.43/job/999999")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertEqual(firstError(unknown)?["error_number"] as? Int, 2017)
        XCTAssertEqual(((unknown.json as? [String: Any])?["jobs"] as? [Any])?.count, 0, "the required list, empty, as the original")
        for bad in ["abc", "0", "67108864", "12_", "s1"] {
            let r = try ours("/slurm/v0.0.43/job/\(bad)")
            XCTAssertEqual(r.status, 400, bad)
            XCTAssertEqual(firstError(r)?["source"] as? String, "#/job_id/", bad)
        }
        XCTAssertEqual(try ours("/slurm/v0.0.43/jobs/state/?job_id=x1").status, 400)
        XCTAssertEqual(try ours("/slurm/v0.0.43/jobs/?flags=NOPE").status, 400)
        XCTAssertEqual(try ours("/slurm/v0.0.43/jobs/?update_time=soon").status, 400)
        let listed = try ours("/slurm/v0.0.43/jobs/state/?job_id=1,2")
        XCTAssertEqual(listed.status, 200)
        let rows = ((listed.json as? [String: Any])?["jobs"] as? [[String: Any]])?.compactMap { $0["job_id"] as? String }
        XCTAssertEqual(rows, ["1", "2"])
    }

    /// The 22.05 and 24.11 controllers: the same schema, valid against the reference spec.
    func testReleases() throws {
        let lab = try Lab.require()
        let validator = try SpecValidator.v0043()
        let token = try lab.token("alice")
        for cluster in Lab.Cluster.allCases {
            func get(_ path: String) throws -> ParsedResponse {
                let run = try lab.ours(cluster, httpRequest("GET", path, headers: [("Authorization", "Bearer \(token)")]))
                let (responses, rest) = parseResponses(run.stdout)
                XCTAssertEqual(responses.count, 1, "\(cluster) \(path): \(run.stderr)")
                XCTAssertEqual(rest.count, 0)
                return try XCTUnwrap(responses.first)
            }
            let all = try get("/slurm/v0.0.43/jobs/")
            XCTAssertEqual(all.status, 200, "\(cluster): \(all.text)")
            // A pending job's job_resources is null, as the original renders it; the spec has no null.
            let problems = validator.validate(all.json, schema: "v0.0.43_openapi_job_info_resp")
                .filter { !$0.hasSuffix("/job_resources: expected object") }
            XCTAssertEqual(problems, [], "\(cluster)")
            let ids = jobIDs(all)
            XCTAssertGreaterThan(ids.count, 0, "\(cluster)")
            let one = try get("/slurm/v0.0.43/job/\(ids[0])")
            XCTAssertEqual(one.status, 200, "\(cluster)")
            let states = try get("/slurm/v0.0.43/jobs/state/")
            // REQUEST_JOB_STATE came with 23.11.
            XCTAssertEqual(states.status, cluster == .lab22 ? 501 : 200, "\(cluster): \(states.text)")
        }
    }

    func jobIDs(_ r: ParsedResponse) -> [Int] {
        (((r.json as? [String: Any])?["jobs"] as? [[String: Any]]) ?? []).compactMap { $0["job_id"] as? Int }
    }
}
