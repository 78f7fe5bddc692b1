import XCTest
@testable import SlurmController

final class FrameTests: XCTestCase {
    /// Our request header and body are byte for byte what scontrol/sdiag sent, in each release.
    func testRequestsMatchCapturedClients() throws {
        for (release, version) in Vectors.releases {
            let ping = try Vectors.request(release, "ping-request")
            XCTAssertEqual(RequestFrame.header(version: version, messageType: 1008, bodyLength: 0), ping.header, release)
            XCTAssertEqual(ping.body, [], release)

            let stats = try Vectors.request(release, "stats-request")
            let ours = StatsInfoRequest(command: .get).encode(version: version)
            XCTAssertEqual(ours, stats.body, release)
            XCTAssertEqual(RequestFrame.header(version: version, messageType: 2035, bodyLength: ours.count), stats.header, release)

            let licenses = try Vectors.request(release, "license-info-request")
            XCTAssertEqual(LicenseInfoRequest(lastUpdate: 0, showFlags: 0).encode(version: version), licenses.body, release)
        }
    }

    func testWholeFrameLayout() throws {
        struct Fixed: Authenticator {
            func authSection(body: [UInt8], messageType: UInt16) throws -> [UInt8] { [0, 0, 0, 102, 0, 0, 0, 0, 0, 0, 0, 0] }
        }
        let frame = try RequestFrame.encode(version: .v24_11, messageType: 2035, body: [0, 1], authenticator: Fixed())
        XCTAssertEqual(frame, [0, 0, 0, 30,  0x2a, 0, 0, 0, 0x07, 0xf3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0,
                               0, 0, 0, 102, 0, 0, 0, 0, 0, 0, 0, 0,  0, 1])
    }

    func testJWTRequestCredentialSection() throws {
        // The captured JWT ping carries plugin 102, the token, then the user name.
        for (release, _) in Vectors.releases {
            let bytes = Vectors.reply(release, "jwt-ping-request")
            var u = Unpacker(bytes, offset: 16)
            XCTAssertEqual(try u.u32(), 102, release)
            let token = try u.string()
            let user = try u.string()
            XCTAssertEqual(user, "alice", release)
            let ours = try JWTAuthenticator(token: token!, userName: "alice").authSection(body: [], messageType: 1008)
            XCTAssertEqual(ours, Array(bytes[16..<(16 + ours.count)]), release)
        }
    }

    func testRepliesOfEveryRelease() throws {
        for (release, version) in Vectors.releases {
            for name in ["ping-response", "jwt-ping-response"] {
                let reply = try Reply(Vectors.reply(release, name), sentVersion: version)
                XCTAssertEqual(reply.header.version, version, "\(release) \(name)")
                XCTAssertEqual(reply.kind, .returnCode(0, nil), "\(release) \(name)")
                XCTAssertNoThrow(try reply.expectSuccess())
            }
            let invalid = try Reply(Vectors.reply(release, "job-info-single-invalid-response"), sentVersion: version)
            XCTAssertEqual(invalid.kind, .returnCode(2017, nil), release)
            XCTAssertThrowsError(try invalid.expectSuccess()) { XCTAssertEqual($0 as? ControllerError, .slurm(2017, nil)) }
            // 22.05 answers an update with RESPONSE_SLURM_RC, later releases with RESPONSE_SLURM_RC_MSG.
            let update = try Reply(Vectors.reply(release, "update-job-invalid-response"), sentVersion: version)
            XCTAssertEqual(update.kind, .returnCode(2017, nil), release)
            XCTAssertEqual(update.header.messageType, version == .v22_05 ? 8001 : 8002, release)
            // 22.05 replies carry a credential; 24.11 and later set SLURM_NO_AUTH_CRED.
            XCTAssertEqual(update.header.flags & ReplyHeader.noAuthCredential != 0, version != .v22_05, release)
        }
    }

    /// A 24.11 controller refuses an unsupported version with rc 1007 in its own version: the client
    /// learns the version from that header.
    func testUnsupportedVersionAnswerCarriesControllerVersion() throws {
        let reply = try Reply(Vectors.reply("24.11", "unsupported-version-0x2b00-ping-response"), sentVersion: .v25_05)
        XCTAssertEqual(reply.kind, .returnCode(1007, nil))
        XCTAssertEqual(reply.header.version, .v24_11)
        XCTAssertEqual(ControllerClient.versionAfterRejection(.notSlurmProtocol, sent: .v26_05), .v25_11)
        XCTAssertEqual(ControllerClient.versionAfterRejection(.closedWithoutReply, sent: .v26_05), .v22_05)
        XCTAssertNil(ControllerClient.versionAfterRejection(.closedWithoutReply, sent: .v22_05))
    }

    /// 26.05 answers an unsupported version with HTTP text, not a frame.
    func testHTTPTextIsNotAFrame() {
        let bytes = Vectors.frame("26.05", "unsupported-version-0x2900-ping-response")
        XCTAssertEqual(Array(bytes.prefix(4)), Array("HTTP".utf8))
    }

    func testTruncatedAndTrailingBytesAreRejected() {
        let good = Vectors.reply("26.05", "ping-response")
        for cut in 0..<good.count {
            XCTAssertThrowsError(try ResponseFrame.decode(Array(good.prefix(cut))), "cut at \(cut)")
        }
        XCTAssertThrowsError(try ResponseFrame.decode(good + [0]))
    }
}

final class BearerTokenTests: XCTestCase {
    /// Tokens as `scontrol token` makes them (HS256, claims exp, iat, sun); the signature is not checked.
    func testUserNameClaims() {
        // {"alg":"HS256","typ":"JWT"} . {"exp":1,"iat":0,"sun":"alice"} . signature
        XCTAssertEqual(BearerToken.userName(of: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjEsImlhdCI6MCwic3VuIjoiYWxpY2UifQ.c2ln"), "alice")
        // {"username":"bob"} (the claim Slurm falls back to), no padding issues with a 2-byte tail
        XCTAssertEqual(BearerToken.userName(of: "e30.eyJ1c2VybmFtZSI6ImJvYiJ9.x"), "bob")
        XCTAssertNil(BearerToken.userName(of: "not-a-token"))
        XCTAssertNil(BearerToken.userName(of: "a.b!c.d"))
        XCTAssertNil(BearerToken.userName(of: "e30.e30.x"), "no user claim")
    }
}
