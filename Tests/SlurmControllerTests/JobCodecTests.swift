import XCTest
@testable import SlurmController

/// Job info and job state frames captured from the lab controllers (shared/protocol-vectors and
/// the seeded lab), in each controller's own protocol version and in the older versions a 26.05
/// and a 24.11 controller still answer: every body decodes completely and re-encodes to the same bytes.
final class JobCodecTests: XCTestCase {
    /// (folder, file, version of the reply body).
    static let jobInfoReplies: [(String, String, ProtocolVersion)] = [
        ("22.05", "job-info-response-before-submit", .v22_05),
        ("22.05", "job-info-response-held-job", .v22_05),
        ("22.05", "job-info-single-response", .v22_05),
        ("22.05", "job-info-response-seeded", .v22_05),
        ("22.05", "job-info-single-response-running", .v22_05),
        ("24.11/as-23.02", "job-info-response", .v23_02),
        ("24.11", "job-info-response-before-submit", .v24_11),
        ("24.11", "job-info-response-held-job", .v24_11),
        ("24.11", "job-info-single-response", .v24_11),
        ("24.11", "job-info-response-seeded", .v24_11),
        ("24.11", "job-info-single-response-running", .v24_11),
        ("26.05/as-24.11", "job-info-response", .v24_11),
        ("26.05/as-25.05", "job-info-response", .v25_05),
        ("26.05/as-25.11", "job-info-response", .v25_11),
        ("26.05", "job-info-response-before-submit", .v26_05),
        ("26.05", "job-info-response-held-job", .v26_05),
        ("26.05", "job-info-single-response", .v26_05),
        ("26.05", "job-info-response-seeded", .v26_05),
        ("26.05", "job-info-single-response-running", .v26_05),
    ]

    func testEveryCapturedJobInfoReplyDecodesAndRoundTrips() throws {
        for (folder, name, version) in Self.jobInfoReplies {
            let reply = try Reply(Vectors.reply(folder, name), sentVersion: version)
            XCTAssertEqual(reply.header.version, version, "\(folder)/\(name)")
            let message = try reply.decode(.responseJobInfo, as: JobInfoMessage.self)
            XCTAssertEqual(message.jobs.count, Int(message.count), "\(folder)/\(name)")
            XCTAssertEqual(message.encode(version: version), reply.body, "\(folder)/\(name) round trip")
        }
    }
}
