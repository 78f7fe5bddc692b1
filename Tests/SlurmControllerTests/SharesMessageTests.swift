import XCTest
@testable import SlurmController

/// REQUEST_SHARE_INFO / RESPONSE_SHARE_INFO. Captured frames: `shares-request` (sshare as root: no
/// account list, users ["root"]) and `shares-response-no-dbd` (no accounting: no list) of each lab
/// release; `26.05/shares-request-slurmrestd` is what the real slurmrestd 26.05.5 sent (two empty
/// lists, whatever the query), and `26.05/shares-response-stand-in` the reply a stand-in controller
/// gave it: three associations with placeholder values, NaN, infinities and out-of-range numbers,
/// packed by hand in the 26.05 layout (the lab has no slurmdbd, so no real controller sends records).
final class SharesMessageTests: XCTestCase {
    func testCapturedRequestsOfEveryRelease() throws {
        for (release, version) in Vectors.releases {
            let (_, body) = try Vectors.request(release, "shares-request")
            let request = try SharesRequest.decode(body, version: version)
            XCTAssertEqual(request, SharesRequest(accounts: nil, users: ["root"]), release)
            XCTAssertEqual(request.encode(version: version), body, release)
        }
        let (_, body) = try Vectors.request("26.05", "shares-request-slurmrestd")
        XCTAssertEqual(try SharesRequest.decode(body, version: .v26_05), SharesRequest(accounts: [], users: []))
        XCTAssertEqual(SharesRequest(accounts: [], users: []).encode(version: .v26_05), body)
    }

    func testCapturedRepliesWithoutAccounting() throws {
        for (release, version) in Vectors.releases {
            let reply = try Reply(Vectors.reply(release, "shares-response-no-dbd"), sentVersion: version)
            let info = try reply.decode(.responseShareInfo, as: SharesInfo.self)
            XCTAssertEqual(info, SharesInfo(tresNames: [], associations: [], totalShares: 0), release)
            XCTAssertFalse(info.hasList, release)
            XCTAssertEqual(info.encode(version: version), reply.body, release)
        }
    }

    func testStandInReply() throws {
        let reply = try Reply(Vectors.reply("26.05", "shares-response-stand-in"), sentVersion: .v26_05)
        let info = try reply.decode(.responseShareInfo, as: SharesInfo.self)
        XCTAssertEqual(info.tresNames, ["cpu", "mem", "energy", "node", "billing"])
        XCTAssertEqual(info.count, 3)
        XCTAssertEqual(info.totalShares, 0xffff_ffff_ffff_ffff)
        XCTAssertEqual(info.associations.map(\.name), ["root", "alice", "bob"])
        XCTAssertEqual(info.associations.map(\.parent), [nil, "root", "root"])
        XCTAssertEqual(info.associations.map(\.partition), [nil, "debug", nil])
        XCTAssertEqual(info.associations.map(\.user), [0, 1, 2])
        XCTAssertEqual(info.associations.map(\.associationID), [1, 2, 0xffff_fffe])
        XCTAssertEqual(info.associations.map(\.sharesRaw), [0xffff_fffe, 0xffff_ffff, 7])

        let root = info.associations[0]
        XCTAssertEqual(root.cluster, "fake26")
        XCTAssertEqual(root.tresRunSeconds, [0, 5, 0xffff_ffff_ffff_fffe, 0xffff_ffff_ffff_ffff, 12345])
        XCTAssertEqual(root.sharesNormalized, 1)
        XCTAssertEqual(root.usageEffective, 0.5)
        XCTAssertTrue(root.usageNormalized.isNaN)
        XCTAssertEqual(root.usageRaw, 123456)
        XCTAssertEqual(root.usageTRES, [0, 1.5, .infinity, 0, 4294967294], "a NaN reads as 0")
        XCTAssertEqual(root.fairshareFactor, 0.1, "0.1 survives the scaling by 1e6")
        XCTAssertEqual(root.levelFairshare, .infinity)

        let alice = info.associations[1]
        XCTAssertEqual(alice.sharesNormalized, 1e-7 * 1e6 / 1e6, "the value read is the scaled bits over 1e6")
        XCTAssertEqual(alice.usageEffective, -1)
        XCTAssertEqual(alice.usageTRES, [1e21, -2.25, 1e17, 12345678901234567, 0.333333])
        let bob = info.associations[2]
        XCTAssertNil(bob.cluster)
        XCTAssertEqual(bob.usageTRES[0], 100000, "\"1e5\" is a number too")
        XCTAssertEqual(bob.usageTRES[1], 0)
        XCTAssertEqual(bob.usageTRES[1].sign, .minus)
        #if arch(x86_64) || arch(i386)
        XCTAssertEqual(LongDoubleText.format(bob.usageTRES[2], conversion: "g"), "1e+413")
        #endif
    }

    /// One layout for every release: the field list is the same, and a reply round-trips in each.
    func testLayoutIsTheSameInEveryRelease() throws {
        var a = AssociationShares()
        a.associationID = 3; a.cluster = "c"; a.name = "alice"; a.parent = "acct"; a.partition = "p"
        a.sharesNormalized = 0.25; a.sharesRaw = 10
        a.tresRunSeconds = [1, 2]; a.tresGroupMinutes = [0xffff_ffff_ffff_ffff, 4]
        a.usageEffective = 0.5; a.usageNormalized = 0.75; a.usageRaw = 99
        a.usageTRES = [1.5, 2]; a.fairshareFactor = 0.125; a.levelFairshare = 2; a.user = 1
        let info = SharesInfo(tresNames: ["cpu", "mem"], associations: [a], totalShares: 40)
        let names = SharesInfo.fields.names(in: .v22_05, for: info) + AssociationShares.fields.names(in: .v22_05, for: a)
        XCTAssertEqual(names.count, 4 + 16)
        var previous: [UInt8]?
        for version in ProtocolVersion.supported {
            XCTAssertEqual(SharesInfo.fields.names(in: version, for: info) + AssociationShares.fields.names(in: version, for: a),
                           names, version.release)
            let bytes = info.encode(version: version)
            XCTAssertEqual(try SharesInfo.decode(bytes, version: version), info, version.release)
            if let previous { XCTAssertEqual(bytes, previous, version.release) }
            previous = bytes
        }
        var request = SharesRequest(accounts: ["root"], users: ["alice", "bob"])
        for version in ProtocolVersion.supported {
            XCTAssertEqual(try SharesRequest.decode(request.encode(version: version), version: version), request)
        }
        request.accounts = nil
        XCTAssertEqual(Array(request.encode(version: .v26_05).prefix(4)), [0xff, 0xff, 0xff, 0xfe], "no list is NO_VAL")
    }

    func testTRESArraysMustMatchTheNames() throws {
        var a = AssociationShares()
        a.tresRunSeconds = [1]; a.tresGroupMinutes = [1]; a.usageTRES = [1]
        XCTAssertNoThrow(try SharesInfo.decode(SharesInfo(tresNames: ["cpu"], associations: [a], totalShares: 0)
            .encode(version: .v26_05), version: .v26_05))
        for mismatch in [\AssociationShares.tresRunSeconds, \.tresGroupMinutes] {
            var b = a
            b[keyPath: mismatch] = [1, 2]
            let bytes = SharesInfo(tresNames: ["cpu"], associations: [b], totalShares: 0).encode(version: .v26_05)
            XCTAssertThrowsError(try SharesInfo.decode(bytes, version: .v26_05))
        }
        var c = a
        c.usageTRES = []
        XCTAssertThrowsError(try SharesInfo.decode(SharesInfo(tresNames: ["cpu"], associations: [c], totalShares: 0)
            .encode(version: .v26_05), version: .v26_05))
    }

    /// The long double text is read as sscanf("%Lf") reads it: a leading number, or nothing.
    func testLongDoubleText() {
        let cases: [(String, LongDouble?)] = [
            ("0.000000", 0), ("12.500000", 12.5), ("-3.000000", -3), ("  7.25", 7.25), ("1.5abc", 1.5),
            ("inf", .infinity), ("-INF", -.infinity), ("infinity", .infinity), ("1e3", 1000), ("1e", 1),
            ("+.5", 0.5), ("5.", 5), ("", nil), ("abc", nil), (".", nil), ("-", nil), ("e5", nil),
            ("0x1p3", 8), ("0x.8", 0.5), ("0X1P-1", 0.5), ("0x1p", 1), ("0x.", 0), ("0x", nil), ("0xg", nil),
            ("00x1", 0), ("1.e5", 100000), ("1e+", 1), ("1e5x", 100000),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(LongDoubleText.scan(text), expected, text)
        }
        XCTAssertTrue(LongDoubleText.scan("nan")?.isNaN ?? false)
        XCTAssertEqual(LongDoubleText.format(1.5, conversion: "f"), "1.500000")
        XCTAssertEqual(LongDoubleText.format(-.infinity, conversion: "f"), "-inf")
        XCTAssertEqual(LongDoubleText.format(1e300, conversion: "f").count, 301 + 7, "long text is not cut")
    }

    /// Whatever the controller sends, decoding ends in a value or an error: every truncation fails,
    /// and byte mutations and forged counts never trap or allocate beyond the message.
    func testMalformedRepliesFailCleanly() throws {
        let reply = try Reply(Vectors.reply("26.05", "shares-response-stand-in"), sentVersion: .v26_05)
        let body = reply.body
        for cut in 0..<body.count {
            XCTAssertThrowsError(try SharesInfo.decode(Array(body.prefix(cut)), version: .v26_05), "cut \(cut)")
        }
        var extra = body
        extra.append(0)
        XCTAssertThrowsError(try SharesInfo.decode(extra, version: .v26_05), "trailing byte")

        // Every u32 position set to values that are counts in some field: too large, NO_VAL, INFINITE.
        for offset in 0..<(body.count - 3) {
            for forged: [UInt8] in [[0xff, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0xfe], [0x7f, 0xff, 0xff, 0xff], [0, 0, 0, 0]] {
                var bytes = body
                bytes.replaceSubrange(offset..<(offset + 4), with: forged)
                _ = try? SharesInfo.decode(bytes, version: .v26_05)
            }
        }
        // Deterministic random byte flips (a linear congruential generator, so failures reproduce).
        var state: UInt64 = 0x5eed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            var bytes = body
            for _ in 0..<(1 + next() % 4) { bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next()) }
            _ = try? SharesInfo.decode(bytes, version: .v26_05)
        }
        for (release, version) in Vectors.releases {
            let (_, request) = try Vectors.request(release, "shares-request")
            for cut in 0..<request.count {
                XCTAssertThrowsError(try SharesRequest.decode(Array(request.prefix(cut)), version: version))
            }
        }
    }
}
